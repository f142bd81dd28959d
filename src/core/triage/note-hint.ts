/**
 * The note hint: what an invitation's note probably is, computed locally from the words it
 * uses (no network, no model). A hint is a hint: the card shows it and highlights the words
 * that triggered it; it decides nothing.
 *
 * - `none`: no note.
 * - `generic`: flattery or boilerplate that says nothing about you or a shared past
 *   ("I'd like to join your network", "ravie de rejoindre votre réseau, parcours inspirant").
 *   Any note with no cue of the other classes is generic too: it gave no reason.
 * - `pitch`: selling, recruiting or fundraising: a product or service, an opportunity, a
 *   partnership, a call to action, a link.
 * - `context`: a meeting ("we met at…", "ravi de notre échange"), a shared place, event,
 *   company or person; stronger when the vault knows that place, event, company or person.
 *
 * How it decides: the text is lower-cased and stripped of accents, then every rule below
 * (English and French, a few Spanish and German) is matched as whole words. Each cue scores
 * for its class: a meeting or shared-past phrase 3, a name the vault knows 2, an event word 1,
 * a time word ("yesterday", "hier") 1 but only beside another context cue; a call to action
 * or a link 2, any other selling word 1. The note is a pitch when its pitch score is at least
 * its context score (a pitch that mentions an event stays a pitch), context when context
 * scores more, generic otherwise. Change the lists here, and add a wording to the tests.
 */

export type NoteHint = 'none' | 'generic' | 'pitch' | 'context';

export interface HintSpan {
  /** Offsets in the original note text, end exclusive. */
  start: number;
  end: number;
}

export interface HintResult {
  hint: NoteHint;
  /** The words that made the hint, as written in the note, in order, each once. */
  words: string[];
  /** Where those words are, for highlighting. */
  spans: HintSpan[];
  /** Places, events, companies and people of the note that the vault knows. */
  inVault: string[];
}

type Cue = 'meeting' | 'event' | 'time' | 'action' | 'selling' | 'generic';

/** Regex sources over lower-case, accent-free text; `\s+` is written as a space. */
const RULES: Record<Cue, readonly string[]> = {
  // A meeting, a conversation or a shared past.
  meeting: [
    // English
    "we(?: have|'ve)? met",
    'met (?:you )?(?:at|during|in|on|through|last|yesterday)',
    '(?:great|good|nice|lovely|pleasure|wonderful|fun) (?:meeting|to meet|seeing|to see|chatting|talking|to chat|to talk)(?: with)? you',
    'nice to have met',
    '(?:meeting|seeing|chatting with|talking with|talking to|speaking with) you (?:at|during|in|on|yesterday|today|last)',
    'thanks? (?:you )?for (?:the|our|your) (?:chat|talk|conversation|call|meeting|time|coffee|lunch|visit|help|advice)',
    '(?:our|the) (?:chat|conversation|discussion|call|meeting|coffee|lunch|exchange) (?:at|during|yesterday|today|last|earlier|this)',
    'as (?:we )?discussed',
    'following (?:up on )?our',
    'we (?:spoke|talked|chatted)',
    'sat next to (?:you|each other)',
    '(?:your|the) (?:talk|presentation|session|keynote|panel|workshop|demo) (?:at|yesterday|today|last|this)',
    'loved your (?:talk|presentation|session|keynote|panel)',
    '(?:at|by) (?:the|your|our) (?:booth|stand)',
    'we (?:worked|studied|played) together',
    'used to work (?:with|together)',
    '(?:former|old|ex)[\\s-]?(?:colleague|coworker|co-worker|teammate|classmate)',
    '(?:colleague|classmate|teammate|friend|neighbou?r) of (?:yours|mine)',
    '(?:my|your) (?:colleague|coworker|co-worker|manager|boss|cofounder|co-founder) [a-z]+',
    'classmates?',
    'alumni|alumnus|alumna',
    '(?:same|your) (?:class|cohort|promo|batch)',
    'mutual friend',
    '(?:introduced|referred) (?:me |us )?(?:by|to you)',
    '(?:intro|introduction) from',
    '(?:suggested|recommended|told me) (?:that )?(?:i|we) (?:reach out|connect|contact|get in touch|write)',
    'told me about you',
    'gave me your name',
    // French
    'nous nous sommes (?:rencontres?|vus|croises|parle)',
    "on s'est (?:rencontres?|vus?|croises?|parle|connu)",
    'rencontres? (?:a|au|aux|lors|pendant|hier|sur)',
    "(?:ravie?|heureux|heureuse|content|contente|plaisir) (?:de (?:vous|t'|te) (?:avoir )?(?:rencontrer|rencontre|revoir|croiser|voir)|d'avoir (?:echange|discute|parle))",
    '(?:ravie?|heureux|heureuse) de notre (?:rencontre|echange|discussion|conversation)',
    'suite a notre (?:rencontre|echange|discussion|conversation|appel|rendez-vous|rdv|cafe|dejeuner)',
    "notre (?:rencontre|echange|discussion|conversation) (?:a|au|d'hier|de ce matin|lors|pendant|hier)",
    'comme (?:convenu|evoque|discute|promis)',
    '(?:votre|ton|ta) (?:intervention|conference|presentation|keynote|table ronde|atelier) (?:a|au|lors|hier|de ce matin)',
    '(?:au|sur le|sur votre|sur ton) stand',
    'ancien(?:ne)? (?:collegue|camarade)',
    'ex-collegue',
    '(?:nous avons|on a) (?:travaille|etudie) ensemble',
    'camarades? de (?:promo|classe)',
    'de la part de',
    "m'a (?:conseille|suggere|recommande|propose) de (?:vous|te) (?:contacter|ecrire)",
    "m'a parle de (?:vous|toi)",
    'ami(?:e)?s? communs?',
    // Spanish, German
    'nos conocimos',
    'kennengelernt',
  ],
  // Events and places: context when they are not a pitch's bait.
  event: [
    'conference',
    'summit',
    'meetup',
    'meet-up',
    'hackathon',
    'workshop',
    'trade ?show',
    'expo',
    'fair',
    'festival',
    'congress',
    'congres',
    'salon',
    'forum',
    'soiree',
    'evenement',
    'seminaire',
    'atelier',
    'afterwork',
    'devoxx',
    'kubecon',
    'vivatech',
    'web summit',
    'university',
    'universite',
    'campus',
    'bootcamp',
  ],
  time: [
    'yesterday',
    'today',
    'this morning',
    'last (?:night|week|month|year)',
    'earlier today',
    'tonight',
    'hier',
    "aujourd'hui",
    'ce matin',
    'la semaine derniere',
    'le mois dernier',
    "tout a l'heure",
  ],
  // Calls to action: book, sign up, click.
  action: [
    'book (?:a|your) (?:call|demo|meeting|slot|time)',
    'schedule (?:a|an) (?:call|demo|meeting|intro)',
    'hop on a (?:quick )?call',
    '(?:quick|short|brief) (?:call|chat|intro call)',
    '\\d+[\\s-]?min(?:ute)?s? (?:call|chat|demo)',
    '(?:open|available) (?:to|for) a (?:quick |short |brief )?(?:call|chat|demo|meeting)',
    'sign up',
    'register (?:now|here|today)',
    'click (?:here|the link|below)',
    'check (?:out )?(?:our|my) (?:website|site|page|profile|offer|product)',
    'dm me',
    "let me know if (?:you(?:'re| are) )?interested",
    'reply (?:yes|stop)',
    'calendly',
    'prendre (?:un )?(?:rendez-vous|rdv)',
    'un (?:appel|call|echange) (?:rapide|de \\d+ ?min)',
    "\\d+ ?min(?:utes)? (?:pour|d'echange)",
    'inscrivez-vous',
    'cliquez',
    'reservez',
    'decouvrez (?:notre|nos|mon|ma)',
  ],
  // Selling, recruiting, fundraising.
  selling: [
    'i help',
    'we help',
    'helping (?:companies|founders|teams|businesses|startups|brands|leaders|you)',
    '(?:our|my) (?:platform|solution|solutions|product|products|service|services|agency|tool|software|app|offer|offering|team can|firm|startup|deck)',
    'we (?:offer|provide|specialise|specialize|deliver|build|give|are building)',
    'free (?:trial|demo|audit|consultation|access|ebook|webinar)',
    'demo',
    'webinar',
    'opportunit(?:y|ies)',
    'partnership',
    'partner with',
    'synerg(?:y|ies)',
    'collaborat(?:e|ion) (?:opportunit|on a)',
    'invest(?:ors?|ment|ing)?',
    'fund ?raising|raising (?:a|our|\\$|€)',
    'raise (?:money|capital|funds|a round|your round)',
    '(?:pre-)?seed round',
    'funding',
    'recruit(?:er|ing|ment)?',
    "(?:we're|we are|i'm|i am) hiring",
    'hiring',
    '(?:a|the|this|exciting) (?:role|position|job)',
    'job (?:offer|opening|opportunity)',
    'candidates?',
    'headhunt(?:er|ing)',
    'lead(?:s| generation)',
    'roi',
    '(?:grow|scale|boost|increase|double|triple) (?:your|their)',
    'cut (?:(?:your|their|the) )?(?:\\w+ )?(?:costs?|bill|spend)',
    'save (?:up to )?\\d+',
    '\\d+ ?%',
    '\\d+x (?:faster|more|growth)',
    'pricing',
    'discount',
    'limited (?:time|offer|spots)',
    'exclusive',
    'case study',
    'newsletter',
    'subscribe',
    'crypto|forex|nft',
    // French
    "j'aide",
    'nous aidons',
    "j'accompagne",
    'nous accompagnons',
    'accompagne (?:les|des|vos)',
    '(?:notre|ma|mon) (?:plateforme|solution|offre|agence|cabinet|outil|logiciel|service|produit|startup|societe)',
    '(?:nos|mes) (?:solutions|services|offres|produits)',
    '(?:je|nous) (?:propose|proposons|offrons)',
    'essai gratuit',
    'gratuit(?:e|ement)?',
    'opportunites?',
    'partenariats?',
    'levee de fonds',
    'investisseurs?',
    'recrut(?:e|ement|eur|euse|ons|ez|ent)',
    "offre d'emploi",
    '(?:un|ce|le) poste',
    'prospection',
    "chiffre d'affaires",
    '(?:booster|augmenter|developper|doubler) (?:votre|vos|ton|tes)',
  ],
  // Flattery and boilerplate.
  generic: [
    '(?:join|add you to|be part of) (?:your|my) (?:professional )?network',
    '(?:expand|grow|extend|broaden) (?:my|our) (?:professional )?network',
    '(?:like|love|glad|happy|delighted|pleased|honou?red|keen) to (?:connect|join|be connected)',
    'connect with (?:you|like-minded|fellow|professionals)',
    'inspir(?:ing|ed|ation)',
    'impress(?:ive|ed)',
    'admire',
    'amazing',
    'incredible',
    'outstanding',
    'thought leader',
    'leader in',
    'like-minded',
    'fellow professionals?',
    '(?:your|great|impressive) (?:profile|background|journey|career|experience|work|posts?|content)',
    'came across your profile',
    'same (?:field|industry|space|sector)',
    'mutual connections?',
    'stay (?:connected|in touch)',
    'keep in touch',
    // French
    '(?:rejoindre|integrer) (?:votre|ton) reseau',
    '(?:agrandir|elargir|developper|etendre) mon reseau',
    "(?:vous|t') ?ajouter",
    'me connecter',
    'entrer en (?:contact|relation)',
    'rester en contact',
    'inspirante?s?',
    'impressionnante?s?',
    '(?:votre|ton) (?:parcours|profil|experience)',
    'admiration',
    'remarquable',
    'passionnante?',
    'meme (?:secteur|domaine)',
    '(?:relations|contacts) (?:en )?communs?',
  ],
};

const SCORE: Record<Cue, number> = { meeting: 3, event: 1, time: 1, action: 2, selling: 1, generic: 0 };

let matchers: ReadonlyArray<[Cue, RegExp]> | null = null;

/**
 * One regex per cue: the alternatives as whole words. No lookbehind (Obsidian on iOS before
 * 16.4 lacks it): the character before a match is consumed and the cue is group 1. Made on
 * first use: compiling them was ~1.5 ms of every start, for the plugin and every CLI command.
 */
function cueMatchers(): ReadonlyArray<[Cue, RegExp]> {
  matchers ??= (Object.keys(RULES) as Cue[]).map((cue) => [
    cue,
    new RegExp(
      `(?:^|[^\\p{L}\\p{N}_])(${RULES[cue].map((s) => s.replace(/ \?/g, '\\s?').replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_])`,
      'gu',
    ),
  ]);
  return matchers;
}

const LINK = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|io|ai|co|fr|net|org|app|ly|eu|de)(?:\/\S*)?\b/g;

interface Normalised {
  text: string;
  /** For each position of `text` (and one past the end), the offset in the original. */
  map: number[];
}

/** Lower case, accents stripped, typographic apostrophes made plain; offsets kept. */
export function normaliseForHints(original: string): Normalised {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const n = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'");
    for (let k = 0; k < n.length; k++) map.push(offset);
    text += n;
    offset += ch.length;
  }
  map.push(offset);
  return { text, map };
}

interface Found extends HintSpan {
  cue: Cue | 'link' | 'vault';
  label?: string;
}

function findCues(norm: Normalised): Found[] {
  const found: Found[] = [];
  const at = (s: number, e: number) => ({ start: norm.map[s] ?? 0, end: norm.map[e] ?? 0 });
  for (const [cue, re] of cueMatchers()) {
    re.lastIndex = 0;
    for (let m = re.exec(norm.text); m !== null; m = re.exec(norm.text)) {
      const end = m.index + m[0].length;
      found.push({ cue, ...at(end - (m[1] ?? '').length, end) });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  LINK.lastIndex = 0;
  for (let m = LINK.exec(norm.text); m !== null; m = LINK.exec(norm.text))
    found.push({ cue: 'link', ...at(m.index, m.index + m[0].length) });
  return found;
}

/**
 * The vault's vocabulary: `met-where` values, companies, note names and people's names,
 * indexed by first word so a note is checked against 30,000 names in one pass over its words.
 */
export interface HintVocabulary {
  byFirstWord: Map<string, VocabularyTerm[]>;
}

interface VocabularyTerm {
  words: string[];
  label: string;
  /** Counts only when written with a capital (one-word names, note names such as "Meeting notes"). */
  proper: boolean;
}

export interface VocabularySource {
  metWhere?: readonly string[];
  companies?: readonly string[];
  noteNames?: readonly string[];
  people?: readonly string[];
}

/** Company suffixes and one-word names too common to mean anything. */
const SUFFIXES = new Set(
  'inc inc. corp corp. corporation co co. ltd ltd. llc gmbh ag sa sas sarl bv plc group groupe holding'.split(' '),
);
const TOO_COMMON = new Set(
  (
    'the and you your our for with from this that team work meeting notes note welcome inbox people daily home ' +
    'freelance self-employed independent independant stealth confidential company network linkedin hello thanks ' +
    'summit conference event university les des une pour avec notre votre reseau bonjour merci'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

function words(normalised: string): string[] {
  return normalised.match(WORD) ?? [];
}

/** The same folding as `normaliseForHints`, without offsets (for the vocabulary: fast on 30,000 names). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

export function buildHintVocabulary(source: VocabularySource): HintVocabulary {
  const byFirstWord = new Map<string, VocabularyTerm[]>();
  const seen = new Set<string>();
  const add = (label: string, ws: string[], proper = false) => {
    if (ws.length === 0) return;
    if (ws.length === 1 && ((ws[0] as string).length < 3 || TOO_COMMON.has(ws[0] as string))) return;
    // Thousands of people share a first name: one set lookup, not a scan of the list.
    const key = ws.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const first = ws[0] as string;
    const list = byFirstWord.get(first);
    if (list) list.push({ words: ws, label, proper: proper || ws.length === 1 });
    else byFirstWord.set(first, [{ words: ws, label, proper: proper || ws.length === 1 }]);
  };
  const clean = (v: string) =>
    v
      .replace(/\[\[([^\]|]*)(?:\|[^\]]*)?\]\]/g, '$1')
      .replace(/[[\]"]/g, '')
      .trim();
  const places = (raws: readonly string[], proper: boolean) => {
    for (const raw of raws) {
      const label = clean(raw);
      const ws = words(fold(label));
      add(label, ws, proper);
      // "Web Summit 2024" is also "Web Summit" in a note.
      if (ws.length > 1 && /^\d{2,4}$/.test(ws[ws.length - 1] as string)) add(label, ws.slice(0, -1), proper);
    }
  };
  places(source.metWhere ?? [], false);
  // Any note's name: "Meeting notes" or "Ideas" mean a place or event only when written as a name.
  places(source.noteNames ?? [], true);
  for (const raw of source.companies ?? []) {
    const label = clean(raw);
    const ws = words(fold(label));
    add(label, ws);
    while (ws.length > 1 && SUFFIXES.has(ws[ws.length - 1] as string)) ws.pop();
    add(label, ws);
  }
  for (const raw of source.people ?? []) {
    const ws = words(fold(raw));
    if (ws.length >= 2) add(clean(raw), ws);
  }
  return { byFirstWord };
}

/** Names the vault knows in the note; one-word names count only when capitalised there. */
function findVaultNames(original: string, norm: Normalised, vocabulary: HintVocabulary, own: Set<string>): Found[] {
  const tokens: Array<{ word: string; start: number; end: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm.text); m !== null; m = WORD.exec(norm.text))
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = vocabulary.byFirstWord.get((tokens[i] as (typeof tokens)[number]).word);
    if (!candidates) continue;
    const first = tokens[i] as (typeof tokens)[number];
    const start = norm.map[first.start] ?? 0;
    const capital = /^\p{Lu}/u.test(original.slice(start));
    let best: VocabularyTerm | null = null;
    for (const c of candidates) {
      if ((best !== null && c.words.length <= best.words.length) || (c.proper && !capital)) continue;
      if (c.words.every((w, k) => tokens[i + k]?.word === w)) best = c;
    }
    if (best === null || own.has(best.label.toLowerCase())) continue;
    const last = tokens[i + best.words.length - 1] as (typeof tokens)[number];
    found.push({ cue: 'vault', label: best.label, start, end: norm.map[last.end] ?? 0 });
    i += best.words.length - 1;
  }
  return found;
}

/** Overlapping spans merged, in order. */
function merge(spans: readonly HintSpan[]): HintSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HintSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export interface HintOptions {
  vocabulary?: HintVocabulary;
  /** The sender's own name and company: naming them is not shared context. */
  own?: { name?: string; company?: string };
}

/** Total score of cues, counting overlapping cues once at the highest score ("web summit" is not two events). */
function score(cues: readonly Found[], value: (f: Found) => number): number {
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -1;
  let best = 0;
  for (const f of sorted) {
    if (f.start < end) {
      best = Math.max(best, value(f));
      end = Math.max(end, f.end);
      continue;
    }
    total += best;
    best = value(f);
    end = f.end;
  }
  return total + best;
}

const cueScore = (f: Found): number => (f.cue === 'vault' || f.cue === 'link' ? 2 : SCORE[f.cue]);

export function noteHint(message: string, options: HintOptions = {}): HintResult {
  if (message.trim() === '') return { hint: 'none', words: [], spans: [], inVault: [] };
  const norm = normaliseForHints(message);
  const found = findCues(norm);
  const own = new Set([options.own?.name ?? '', options.own?.company ?? ''].map((s) => s.trim().toLowerCase()));
  const vault = options.vocabulary ? findVaultNames(message, norm, options.vocabulary, own) : [];

  const contextCues: Found[] = [...found.filter((f) => f.cue === 'meeting' || f.cue === 'event'), ...vault];
  // A time word says when you met; on its own ("saw your post yesterday") it says nothing.
  if (contextCues.length > 0) contextCues.push(...found.filter((f) => f.cue === 'time'));
  const pitchCues = found.filter((f) => f.cue === 'action' || f.cue === 'selling' || f.cue === 'link');
  const contextScore = score(contextCues, cueScore);
  const pitchScore = score(pitchCues, cueScore);

  let hint: NoteHint;
  let cues: Found[];
  if (pitchScore > 0 && pitchScore >= contextScore) {
    hint = 'pitch';
    cues = pitchCues;
  } else if (contextScore > 0) {
    hint = 'context';
    cues = contextCues;
  } else {
    hint = 'generic';
    cues = found.filter((f) => f.cue === 'generic');
  }
  const spans = merge(cues);
  const seen = new Set<string>();
  const wordsOut: string[] = [];
  for (const span of spans) {
    const w = message.slice(span.start, span.end);
    if (!seen.has(w.toLowerCase())) {
      seen.add(w.toLowerCase());
      wordsOut.push(w);
    }
  }
  return {
    hint,
    words: wordsOut,
    spans,
    inVault: hint === 'context' ? [...new Set(vault.map((v) => v.label ?? ''))] : [],
  };
}

export const HINT_LABELS: Record<NoteHint, string> = {
  none: 'No note',
  generic: 'Generic note',
  pitch: 'Sales pitch?',
  context: 'Context',
};
