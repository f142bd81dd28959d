/**
 * What `triage` and `decide` both start from: the vault session (its settings and state
 * from data.json, this run's flags over them), the people, and the queue computed by the
 * core with the plugin's rules.
 */
import { basenameOf } from '../core/people/person-record';
import { generatedNote } from '../core/triage/mentions';
import { triageOptions, triageQueue, type TriageQueue } from '../core/triage/queue';
import { vaultVocabulary } from '../core/triage/vault-vocabulary';
import type { VaultState } from '../core/vault-state';
import type { ParsedArgs } from './args';
import type { CliIo } from './io';
import { openVault, type VaultSession } from './options';
import { updateVaultState } from './vault-config';
import { VaultPeople } from './vault-people';

export interface TriageContext {
  session: VaultSession;
  people: VaultPeople;
  today: string;
  /** The vault state as last loaded or saved. */
  state(): VaultState;
  /**
   * Saves `change` applied to the vault state as data.json holds it now (see updateVaultState):
   * what another command saved since this one started is kept. Returns the state before and after.
   */
  updateState(change: (current: VaultState) => VaultState): { before: VaultState; after: VaultState };
  queue(): TriageQueue;
  /** How many of your notes link each person (read from every note once, on first use). */
  mentions(): Map<string, number>;
  backlinks(): Map<string, string[]>;
}

export function openTriageContext(args: ParsedArgs, io: CliIo): TriageContext {
  const session = openVault(args);
  // triage lists the people; decide reports a note it cannot change when it tries.
  const people = VaultPeople.open(session, io, {
    frontmatter: args.command === 'triage',
    writes: args.command !== 'triage' && !args.flags.has('dry-run'),
  });
  const { settings, today } = session;
  let links: Map<string, string[]> | null = null;
  const generated = generatedNote(settings.reportFolder);
  // Reports and the prune list link people too, but they are not your notes mentioning them.
  const backlinks = () =>
    (links ??= new Map([...people.backlinks()].map(([p, from]) => [p, from.filter((f) => !generated(f))])));
  const vocabulary = () => {
    const personPaths = new Set(people.records.map((p) => p.path));
    const noteNames = session.vault
      .markdownFiles()
      .filter((f) => !personPaths.has(f.path))
      .map((f) => basenameOf(f.path));
    return vaultVocabulary(people.records, noteNames);
  };
  return {
    session,
    people,
    today,
    // The session's config holds the state as last loaded or saved (updateVaultState keeps it so).
    state: () => session.config.state,
    updateState: (change) => updateVaultState(session.config, change),
    queue: () => triageQueue(people.records, triageOptions(settings, today, session.config.state.triage, vocabulary)),
    backlinks,
    mentions: () =>
      new Map([...backlinks()].map(([path, from]) => [path, from.length] as const).filter(([, n]) => n > 0)),
  };
}
