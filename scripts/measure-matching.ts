/**
 * How well the files of one export reach their people: imports a generated 2022-shape export
 * (no URL in Connections.csv) and a 2024-shape one into fresh vaults with the built CLI,
 * twice each, and prints what a user would check: notes with `last-message`, notes with a
 * profile URL, ambiguous names (and how many of them have a single candidate), people
 * missing from the export. Run `npm run build` first, then `npx tsx scripts/measure-matching.ts`
 * (`NETWORK_CRM_CLI=path/to/cli.js` measures another build with the same exports).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateExport, SHAPE_2022, SHAPE_2024, type ExportOptions } from './lib/synthetic-export';

// NETWORK_CRM_CLI points at another build (e.g. of main) to compare before and after.
const CLI = process.env.NETWORK_CRM_CLI ?? path.join(__dirname, '..', 'dist', 'cli.js');

interface Summary {
  created: number;
  updated: number;
  ambiguous: Array<{ candidates: string[]; source: { line: number } }>;
  missingFromExport: unknown[];
  messages: { counterparts: number; matched: number; ownerRule: string };
}

function importOnce(exportDir: string, vault: string): Summary {
  const out = execFileSync(
    'node',
    [CLI, 'import', exportDir, '--vault', vault, '--json', '--today', '2026-11-26', '--no-base'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return JSON.parse(out) as Summary;
}

function countNotes(vault: string, pattern: RegExp): number {
  const dir = path.join(vault, 'People');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((f) => pattern.test(fs.readFileSync(path.join(dir, f), 'utf8'))).length;
}

function measure(label: string, options: ExportOptions): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-measure-'));
  const exp = generateExport(options);
  const exportDir = path.join(work, 'export');
  fs.mkdirSync(exportDir);
  for (const [name, text] of Object.entries(exp.files)) fs.writeFileSync(path.join(exportDir, name), text);
  const vault = path.join(work, 'vault');
  fs.mkdirSync(vault);
  const rows = (s: Summary) => ({
    ambiguous: s.ambiguous.length,
    ambiguousSingleCandidate: s.ambiguous.filter((a) => a.candidates.length < 2).length,
    ambiguousLine0: s.ambiguous.filter((a) => a.source.line === 0).length,
    missing: s.missingFromExport.length,
  });
  const first = importOnce(exportDir, vault);
  const afterFirst = {
    lastMessage: countNotes(vault, /^last-message: \S/m),
    withUrl: countNotes(vault, /^linkedin: \S/m),
  };
  const second = importOnce(exportDir, vault);
  console.log(
    JSON.stringify(
      {
        export: label,
        connections: exp.people.length,
        messages: (exp.files['messages.csv']?.split('\n').length ?? 1) - 1,
        sharedNames: exp.sharedNames.length,
        owner: first.messages.ownerRule,
        first: { created: first.created, ...afterFirst, ...rows(first), counterparts: first.messages.counterparts },
        second: {
          updated: second.updated,
          lastMessage: countNotes(vault, /^last-message: \S/m),
          withUrl: countNotes(vault, /^linkedin: \S/m),
          ...rows(second),
        },
      },
      null,
      2,
    ),
  );
  fs.rmSync(work, { recursive: true, force: true });
}

measure('2022 shape', SHAPE_2022);
measure('2024 shape', SHAPE_2024);
