/**
 * The figures measured inside one process: the stale list built from the index's records
 * (what the view does on every refresh) and 200,000 messages parsed and aggregated, plus
 * the import's parse and plan at 30,000 for the record.
 */
import { findOwner } from '../src/core/import/export-owner';
import { aggregateMessages } from '../src/core/import/messages-plan';
import { planImport } from '../src/core/import/plan';
import { linkedInSource } from '../src/core/import/sources/linkedin';
import { readExport } from '../src/core/linkedin/read-export';
import { splitNote } from '../src/core/notes/note-text';
import { personFromFrontmatter } from '../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../src/core/settings';
import { staleList } from '../src/core/stale/stale-list';
import { readFlatYaml } from '../src/core/yaml/read-flat';
import { generateExport, zipExport } from '../scripts/lib/synthetic-export';
import { generatePeopleVault } from '../scripts/lib/synthetic-vault';
import { load1 } from './process';
import { spread, time } from './timing';

const TODAY = '2026-11-26';

/** Building the stale list from the index's records for 30,000 people (goal < 50 ms median). */
function staleListBench() {
  const files = generatePeopleVault({ people: 30_000, today: TODAY, seed: 3 });
  const names = levelNames(DEFAULT_SETTINGS);
  const records = Object.entries(files).map(([p, text]) =>
    personFromFrontmatter(p, readFlatYaml(splitNote(text).yaml ?? '') ?? {}, { levelNames: names, createdOn: null }),
  );
  const options = {
    today: TODAY,
    trustLevels: DEFAULT_SETTINGS.trustLevels,
    includeUntriaged: false,
    useDailyNotes: true,
  };
  staleList(records, options); // warm-up, as the view's second build would be
  const runs = Array.from({ length: 9 }, () => time(() => staleList(records, options)));
  return {
    people: records.length,
    stale: runs[0]?.value.length ?? 0,
    buildMs: spread(
      runs.map((r) => r.ms),
      1,
    ),
  };
}

/** 200,000 messages: messages.csv parsed, then aggregated per person (goal < 2 s). */
function messagesBench() {
  const exp = generateExport({ connections: 5000, messages: 200_000, invitations: 200, seed: 200 });
  const bytes = new TextEncoder().encode(exp.files['messages.csv']);
  const invitations = new TextEncoder().encode(exp.files['Invitations.csv']);
  const runs = Array.from({ length: 5 }, () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const data = readExport([
      { name: 'messages.csv', bytes, origin: 'picked' },
      { name: 'Invitations.csv', bytes: invitations, origin: 'picked' },
    ]);
    const t1 = performance.now();
    const stats = aggregateMessages(data, findOwner(data).owner);
    const t2 = performance.now();
    const cpu = process.cpuUsage(c0);
    return {
      parse: t1 - t0,
      aggregate: t2 - t1,
      // CPU beside wall: on a shared machine the wall time includes waiting for a core.
      cpu: (cpu.user + cpu.system) / 1000,
      people: stats.size,
      messages: data.messages[0]?.records.length ?? 0,
    };
  });
  return {
    messages: runs[0]?.messages ?? 0,
    bytesMb: Number((bytes.length / 1e6).toFixed(1)),
    people: runs[0]?.people ?? 0,
    parseMs: spread(runs.map((r) => r.parse)),
    aggregateMs: spread(runs.map((r) => r.aggregate)),
    totalMs: spread(runs.map((r) => r.parse + r.aggregate)),
    cpuMs: spread(runs.map((r) => r.cpu)),
  };
}

/** The import's CPU steps at 30,000 on an empty vault: parse the zip, plan every note. */
async function importSteps() {
  const zip = zipExport(generateExport({ connections: 30_000, seed: 30_000, newest: '2026-11-20' }));
  const inputs = [{ name: 'Complete_LinkedInDataExport_11-20-2026.zip', bytes: zip, origin: 'picked' as const }];
  const parse = Array.from({ length: 5 }, () => time(() => readExport(inputs)).ms);
  const data = readExport(inputs);
  const empty = { notes: [], paths: [], readBody: () => Promise.resolve('') };
  const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: TODAY };
  const plan: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await planImport([linkedInSource(data)], empty, settings);
    plan.push(performance.now() - t);
  }
  return { parseMs: spread(parse), planMs: spread(plan) };
}

export async function inProcess() {
  const load = load1();
  return { load, staleList: staleListBench(), messages: messagesBench(), import30k: await importSteps() };
}
