/**
 * What `triage` and `decide` both start from: the vault, its data.json (settings and the
 * vault state), the people, and the queue computed by the core with the plugin's rules.
 */
import { basenameOf } from '../core/people/person-record';
import { generatedNote } from '../core/triage/mentions';
import { triageOptions, triageQueue, type TriageQueue } from '../core/triage/queue';
import { vaultVocabulary } from '../core/triage/vault-vocabulary';
import { requireFlag, type ParsedArgs } from './args';
import { FsVault } from './fs-vault';
import type { CliIo } from './io';
import { folderOption, todayOption } from './options';
import { readVaultData, type VaultData } from './vault-data';
import { VaultPeople } from './vault-people';

export interface TriageContext {
  vault: FsVault;
  data: VaultData;
  people: VaultPeople;
  today: string;
  queue(): TriageQueue;
  /** How many other notes link each person (read from every note once, on first use). */
  mentions(): Map<string, number>;
  backlinks(): Map<string, string[]>;
}

export function openTriageContext(args: ParsedArgs, io: CliIo): TriageContext {
  const vault = new FsVault(requireFlag(args, 'vault'));
  const data = readVaultData(vault);
  if (data.problem !== null) io.err(`network-crm: warning: ${data.problem}; using the default settings`);
  const people = new VaultPeople(vault, {
    folder: folderOption(args, 'folder', data.settings.peopleFolder),
    settings: data.settings,
  });
  const today = todayOption(args);
  let links: Map<string, string[]> | null = null;
  const generated = generatedNote(data.settings.reportFolder);
  // Reports and the prune list link people too, but they are not your notes mentioning them.
  const backlinks = () =>
    (links ??= new Map([...people.backlinks()].map(([p, from]) => [p, from.filter((f) => !generated(f))])));
  const vocabulary = () => {
    const personPaths = new Set(people.records.map((p) => p.path));
    const noteNames = vault
      .markdownFiles()
      .filter((f) => !personPaths.has(f.path))
      .map((f) => basenameOf(f.path));
    return vaultVocabulary(people.records, noteNames);
  };
  return {
    vault,
    data,
    people,
    today,
    queue: () => triageQueue(people.records, triageOptions(data.settings, today, data.state.triage, vocabulary)),
    backlinks,
    mentions: () =>
      new Map([...backlinks()].map(([path, from]) => [path, from.length] as const).filter(([, n]) => n > 0)),
  };
}
