/**
 * What a person's name looks like as a file name and how it can be found, without changing
 * the `name` field, which keeps the name exactly as LinkedIn gives it.
 *
 * People put more than their name in LinkedIn's name fields. For the file name we drop:
 * - credentials after a comma: `Arman Rezaee, PhD` → `Arman Rezaee`,
 *   `OOI KOK LOANG, CIA, AIIA` → `OOI KOK LOANG`, `Jennifer Chavez, MBA, GRN Moon Valley` →
 *   `Jennifer Chavez` (everything from the first comma-separated part that starts with a
 *   credential: what follows is more of the same, or a place);
 * - credentials at the end without a comma, `Priya Nair MBA PMP` → `Priya Nair`, but only
 *   those that cannot be a name (three letters or more, or written with a dot or in mixed
 *   case like `PhD`), only in a name that is not all capitals, and never the last word left;
 * - pronouns in brackets: `(She/Her)`, `[he/him]`, `(they, them)`, `(pronouns: she/her)`;
 * - punctuation left dangling at the end: `Tom Baker ,` → `Tom Baker`.
 * Generational suffixes (`Jr.`, `III`) are part of the name and stay.
 *
 * For findability, a name in decorative Unicode (𝓩𝓪𝓫𝓲𝓱, 𝐁𝐨𝐥𝐝) or with emoji gets its plain
 * form (NFKC, emoji removed) as an alias, so typing "Zabih" in the quick switcher finds it.
 */

/**
 * Post-nominal credentials, compared without dots and case: degrees, professional
 * certifications and honours common on LinkedIn profiles. Add to it freely; a word here
 * is only dropped where it follows a comma or ends a mixed-case name (see above).
 */
export const CREDENTIAL_GROUPS: Readonly<Record<string, string>> = {
  doctoratesAndMedicine:
    'PhD DPhil EdD DBA DSc DrPH PsyD MD DO DDS DMD DVM PharmD DNP DPT MBBS MBChB BDS FRCS FRCP MRCP MRCS FACS FACP RN NP APRN PA-C LPN BSN MSN',
  law: 'JD LLM LLB Esq',
  mastersAndBachelors:
    'MBA EMBA MPA MPH MPP MS MSc MA MEng MFA MEd MSW MRes MPhil MCA MTech MCom MIM BA BS BSc BEng BBA BCom BTech BCA BFA BArch MArch',
  financeAccountingAudit:
    'CFA CPA CA ACA FCA ACCA FCCA CIMA CGMA CMA CIA AIIA CISA CFE FRM CFP ChFC CLU CAIA CPCU EA CTP CIPM',
  securityAndIt: 'CISM CISSP CRISC CGEIT CCSP CEH OSCP GSEC GCIH CCNA CCNP CCIE MCSE RHCE ITIL TOGAF',
  projectAgileQuality: 'PMP PgMP PfMP CAPM PMI-ACP PMI-RMP CSM CSPO PSM PSPO SAFe SPC CSSBB CSSGB LSSBB LSSGB CQE',
  engineeringArchitecture: 'PE PEng CEng EIT IEng LEED AP AIA FAIA RIBA AICP RA',
  peopleSupplyManagement:
    'SHRM-CP SHRM-SCP PHR SPHR GPHR CHRP CPHR CIPD MCIPD CSCP CPIM CPSM CPPM MCIPS FCIPS CMgr FCMI MCMI CITP FBCS MBCS FICS FRSA FHEA SFHEA ICF ACC PCC MCC',
  honours: 'OBE MBE CBE KBE DBE',
};

export const CREDENTIALS: readonly string[] = Object.values(CREDENTIAL_GROUPS).join(' ').split(' ');

const CREDENTIAL_KEYS = new Set(CREDENTIALS.map((c) => credentialKey(c)));
/** Credentials that are also common names or initials (`Ma`, `Do`, `Ra`): never dropped without a comma. */
const SHORT = 2;

function credentialKey(word: string): string {
  const bare = /[.,;:\s]/.test(word) ? word.replace(/[,;:]+$/, '').replace(/[.\s]/g, '') : word;
  return bare.toLowerCase();
}

function isCredential(word: string): boolean {
  return CREDENTIAL_KEYS.has(credentialKey(word));
}

/** A credential no one would take for a name: 3+ letters, or written `Ph.D.` / `PhD`. */
function isUnmistakableCredential(word: string): boolean {
  if (!isCredential(word)) return false;
  const bare = word.replace(/[,;:]+$/, '');
  return bare.replace(/[^A-Za-z]/g, '').length > SHORT || /\./.test(bare) || /[a-z].*[A-Z]|[A-Z].*[a-z]/.test(bare);
}

/** Pronouns (English, French, German, Spanish, Portuguese, Italian, Dutch, Scandinavian) and "any/all". */
const PRONOUNS = new Set(
  (
    'he him his she her hers they them their theirs ze zir hir xe xem xyr any all pronouns ' +
    'elle il lui iel sie ihr er ihm ella él ele dela dele lei hen hon han hun zij hij haar hem'
  ).split(' '),
);

/** `(She/Her)`, `[he/him/his]`, `(they, them)`, `(pronouns: she/her)`, `(any pronouns)`. */
const BRACKETED = /\s*[([{]\s*([^()[\]{}]*?)\s*[)\]}]/gu;

function isPronounList(inside: string): boolean {
  const words = inside
    .replace(/^pronouns?\s*:\s*/i, '')
    .split(/[\s/,|;:&+]+/)
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => PRONOUNS.has(w.toLowerCase()));
}

const TRAILING_PUNCTUATION = /[\s,;:.·•|/\\\-–—_!?*~]+$/u;
const NEEDS_TIDYING = /[([{,]|\s\s|^\s|[\s,;:.·•|/\\\-–—_!?*~]$/u;

function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').replace(TRAILING_PUNCTUATION, '').trim();
}

/**
 * The name as it should read in a file name (see the file comment). `minWords` keeps at
 * least that many words of it (2 for a whole name, 1 for a first or last name alone); the
 * result is never empty when `value` has a word.
 */
export function nameForFile(value: string, minWords = 1): string {
  let out = value;
  // Most names have no bracket, comma, doubled space or trailing mark: skip straight to the last word.
  if (NEEDS_TIDYING.test(out)) {
    if (/[([{]/.test(out))
      out = out.replace(BRACKETED, (whole, inside: string) => (isPronounList(inside) ? '' : whole));
    // Credentials after a comma: drop from the first comma-separated part that starts with one.
    if (out.includes(',')) {
      const parts = out.split(',');
      const cut = parts.findIndex((p, i) => i > 0 && isCredential(p.trim().split(/\s+/)[0] ?? ''));
      if (cut > 0) out = parts.slice(0, cut).join(',');
    }
    out = tidy(out);
  }
  // Credentials at the end without a comma, in a name that has lower-case letters.
  const space = out.lastIndexOf(' ');
  if (space > 0 && isUnmistakableCredential(out.slice(space + 1)) && /\p{Ll}/u.test(out)) {
    const words = out.split(' ');
    while (words.length > minWords && isUnmistakableCredential(words[words.length - 1] as string)) words.pop();
    out = tidy(words.join(' '));
  }
  return out === '' ? tidy(value) : out;
}

// Emoji and what builds them: pictographs, skin tones, regional-indicator flags, keycaps,
// joiners, variation selectors and tag characters.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0e|\ufe0f|\u20e3|[\u{E0020}-\u{E007F}]/gu;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/** The plain form of a name: NFKC (𝓩𝓪𝓫𝓲𝓱 → Zabih, ｆｕｌｌ → full), emoji removed, spaces collapsed. */
export function plainName(value: string): string {
  if (ASCII_ONLY.test(value)) return tidy(value);
  return tidy(value.normalize('NFKC').replace(EMOJI, ' '));
}

/**
 * The aliases a person note should carry so the quick switcher finds it by its plain name:
 * the plain form of the file name's name, when it differs from it. [] for most names.
 */
export function aliasesForName(name: string): string[] {
  const display = nameForFile(name, 2);
  const plain = plainName(display);
  return plain !== '' && plain !== display ? [plain] : [];
}

function aliasList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * `aliases` is the user's: an import only adds to it. The current aliases (a list, or one
 * string as people also write it) with the missing ones of `add` appended, or null when
 * nothing is missing. Anything else in the list (numbers, nested lists) is kept as it was.
 */
export function mergeAliases(current: unknown, add: readonly string[]): unknown[] | null {
  const have = aliasList(current);
  const missing = add.filter((a) => !have.includes(a));
  if (missing.length === 0) return null;
  const base: unknown[] = Array.isArray(current) ? [...(current as unknown[])] : have;
  return [...base, ...missing];
}
