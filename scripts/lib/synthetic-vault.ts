/**
 * Generated vaults of person notes in every state the views care about (trust levels,
 * last contacts, snoozes, cadences, invitations, prune marks, messages), deterministic
 * from a seed. For tests, the benchmark and the browser tests' 30,000-person vault.
 */
import { composePersonNote } from '../../src/core/notes/compose-note';
import { Random } from './random';

function isoMinus(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export interface VaultOptions {
  people: number;
  today: string;
  seed?: number;
  folder?: string;
  /**
   * About this many dated lines under `## Interactions` in all, spread as real networks are:
   * a few people seen often, most seldom or never, each at their own rhythm, some of them
   * gone quiet (drifting). Drawn from a second seeded stream, so the rest is as without it.
   */
  interactions?: number;
  /** This many open tasks linking people, in project notes and daily notes, and a tenth as many done. */
  followUps?: number;
}

/** `{path: text}` for `people` person notes. */
export function generatePeopleVault(options: VaultOptions): Record<string, string> {
  const r = new Random(options.seed ?? 1);
  const log = options.interactions ? new Random((options.seed ?? 1) + 1) : null;
  const folder = options.folder ?? 'People';
  const files: Record<string, string> = {};
  const companies = ['Acme', 'Globex', 'Initech', 'Hooli', 'Umbrella', 'Stark', 'Wayne', 'Soylent'];
  const places = ['', '', '[[Web Summit 2024]]', '[[KubeCon 2025]]', 'Acme offsite', 'university'];
  for (let i = 0; i < options.people; i++) {
    const name = `Person ${String(i).padStart(5, '0')}`;
    const connected = isoMinus(options.today, r.int(30, 3000));
    let text = composePersonNote(
      {
        name,
        linkedin: `https://www.linkedin.com/in/person-${i}`,
        company: r.pick(companies),
        position: 'Engineer',
        'connected-on': connected,
        'linkedin-status': r.chance(0.03) ? 'invitation-received' : 'connected',
      },
      { tag: 'person' },
    );
    const set = (key: string, value: string) => {
      text = text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
    };
    const add = (line: string) => {
      text = text.replace('tags:\n', `${line}\ntags:\n`);
    };
    if (r.chance(0.85)) set('trust', String(r.int(1, 5)));
    if (r.chance(0.7)) set('last-contact', isoMinus(options.today, r.int(0, 800)));
    const place = r.pick(places);
    if (place !== '') set('met-where', `"${place}"`);
    if (r.chance(0.05)) add(`snooze-until: ${isoMinus(options.today, -r.int(1, 60))}`);
    if (r.chance(0.05)) add(`cadence: ${r.pick(['0', '14', '90'])}`);
    if (r.chance(0.02)) add('prune: true');
    if (r.chance(0.1))
      add(
        `last-message: ${isoMinus(options.today, r.int(0, 900))}\nlast-message-from: ${r.pick(['me', 'them'])}\nunanswered: ${r.int(0, 3)}`,
      );
    if (log) text = `${text}${interactionLines(log, (options.interactions ?? 0) / options.people, options.today)}`;
    files[`${folder}/${name}.md`] = text;
  }
  if (options.followUps) addFollowUps(files, options.followUps, options.people, options.today, options.seed ?? 1);
  return files;
}

/** The mean of the per-person draw below: 0.45 × 0 + 0.45 × 5.5 + 0.1 × 30. */
const DRAW_MEAN = 5.475;

/** Dated log lines for one person, newest first, at a rhythm of their own; `perPerson` is the mean wanted. */
function interactionLines(log: Random, perPerson: number, today: string): string {
  const budget = log.next();
  // Per person: none for ~45%, a handful for most, dozens for a few.
  const drawn = budget < 0.45 ? 0 : budget < 0.9 ? log.int(1, 10) : log.int(10, 50);
  const n = Math.round((drawn * perPerson) / DRAW_MEAN);
  if (n === 0) return '';
  const gap = log.pick([7, 14, 21, 30, 45, 60, 90, 120]);
  const quietFor = log.chance(0.15) ? gap * log.int(3, 8) : log.int(0, gap);
  const lines: string[] = [];
  let daysAgo = quietFor;
  for (let k = 0; k < n; k++) {
    lines.push(`- ${isoMinus(today, daysAgo)} · ${log.pick(['call', 'meeting', 'message', 'email'])}`);
    daysAgo += Math.max(1, Math.round(gap * (0.6 + log.next() * 0.8)));
  }
  return `${lines.join('\n')}\n`;
}

function addFollowUps(files: Record<string, string>, count: number, people: number, today: string, seed: number): void {
  const r = new Random(seed + 7);
  const name = (k: number) => `Person ${String(k).padStart(5, '0')}`;
  const byNote = new Map<string, string[]>();
  for (let k = 0; k < count + Math.round(count / 10); k++) {
    const daily = r.chance(0.5);
    const created = isoMinus(today, r.int(0, 120));
    const note = daily ? `Daily/${created}.md` : `Projects/Project ${r.int(1, Math.max(1, Math.round(count / 20)))}.md`;
    const who = name(r.int(0, people - 1));
    const task =
      k < count
        ? `- [ ] ${r.pick(['Send', 'Ask', 'Thank', 'Introduce'])} [[${who}]] ${daily ? '' : `➕ ${created}`}`.trimEnd()
        : `- [x] Called [[${who}]] ✅ ${isoMinus(today, r.int(0, 60))}`;
    byNote.set(note, [...(byNote.get(note) ?? []), task]);
  }
  for (const [note, tasks] of byNote)
    files[note] = `# ${note.slice(note.indexOf('/') + 1, -3)}\n\n${tasks.join('\n')}\n`;
}
