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
}

/** `{path: text}` for `people` person notes. */
export function generatePeopleVault(options: VaultOptions): Record<string, string> {
  const r = new Random(options.seed ?? 1);
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
    files[`${folder}/${name}.md`] = text;
  }
  return files;
}
