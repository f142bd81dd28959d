/**
 * Child-process probe for vault-people-memory.test.ts: writes a vault of person notes with
 * long bodies, builds the read commands' person index over it, and prints how much heap the
 * index holds after a full GC beside the size of the notes' text. Run with
 * `node --expose-gc --import tsx`. Arguments: notes, body length.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { VAULT_FLAGS } from '../../../src/cli/command';
import { openVault } from '../../../src/cli/options';
import { VaultPeople } from '../../../src/cli/vault-people';

const [notes, bodyLength] = process.argv.slice(2).map(Number) as [number, number];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const vault = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-index-'));
fs.mkdirSync(path.join(vault, 'People'));
// Non-ASCII in every note, so its text is two bytes a character in memory, as real notes often are.
// A link in every note too: a link target kept as a view into the note would keep the note.
const body = `\n## Notes\n\nWorks with [[Acme Corporation Roadmap]].\n${'Met at the café → talked about the roadmap. '.repeat(Math.ceil(bodyLength / 44)).slice(0, bodyLength)}\n`;
let chars = 0;
for (let i = 0; i < notes; i++) {
  const text = `---\nlinkedin: https://www.linkedin.com/in/person-${i}\ncompany: Company number ${i % 50}\nposition: Principal engineer\nconnected-on: 2024-01-01\nname: Person ${i}\ntags:\n  - person\n---\n${body}`;
  chars += text.length;
  fs.writeFileSync(path.join(vault, 'People', `Person ${i}.md`), text);
}
gc();
const before = process.memoryUsage().heapUsed;
const session = openVault(parseArgs('stale', ['--vault', vault, '--today', '2026-11-26'], VAULT_FLAGS));
const people = new VaultPeople(session);
gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({ records: people.records.length, heldMb: (after - before) / 1e6, textMb: (chars * 2) / 1e6 }),
);
fs.rmSync(vault, { recursive: true, force: true });
