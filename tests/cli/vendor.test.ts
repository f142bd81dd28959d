/**
 * Pins the CLI's vendored libraries (src/cli/vendor/lazy.ts): ical.js, windows-iana, yaml and
 * fflate ship as dist/vendor/<name>.js and load on first use, so a command that reads no
 * calendar, no complex frontmatter and no very large export file (with no worker to inflate
 * it) does not parse their ~700 kB at start. What a user would notice
 * if this broke: a calendar imported with the wrong dates (a stand-in that is not the
 * library), a crash on the first calendar or block scalar (a vendor file missing or wrongly
 * wired), or every command slower again (a library back in dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import zlib from 'node:zlib';
import path from 'node:path';
import type IcalLibrary from 'ical.js';
import { WINDOWS_TO_IANA_MAP as REAL_TABLE } from 'windows-iana';
import { describe, expect, it } from 'vitest';
import Ical from '../../src/cli/vendor/ical';
import { lazily } from '../../src/cli/vendor/lazy';
import { WINDOWS_TO_IANA_MAP } from '../../src/cli/vendor/windows-iana';
import { Inflate } from '../../src/cli/vendor/fflate';
import { WHOLE_MAX } from '../../src/core/zip/zip-reader';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { ics, meeting } from '../support/calendar-builders';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const DIST = path.join(ROOT, 'dist');
// What the stand-in requires: run from the sources, the package's CommonJS build (an `import`
// here would get its ES module, another copy of the library, whose classes are not the same).
const RealIcal = createRequire(import.meta.url)('ical.js') as typeof IcalLibrary;
const VENDORED = ['fflate.js', 'ical.js', 'windows-iana.js', 'yaml.js'];

/** A vault of `n` flat person notes (what the flat reader takes, so no full YAML parse). */
function flatVault(n: number): string {
  const vault = tempDir('ncrm-vendor-');
  fs.mkdirSync(path.join(vault, 'People'));
  for (let i = 0; i < n; i++)
    fs.writeFileSync(
      path.join(vault, 'People', `Person ${i}.md`),
      `---\ntags:\n  - person\nname: Person ${i}\ntrust: 3\nlast-contact: 2026-01-0${1 + (i % 9)}\n---\n`,
    );
  return vault;
}

/** Runs a copy of the built CLI at `dir` (its bin and worker, and vendor files only if asked). */
function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NETWORK_CRM_CACHE: 'off', TZ: 'UTC' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function copyOfCli(withVendor: boolean, withWorker = true): string {
  const dir = tempDir('ncrm-dist-');
  for (const f of withWorker ? ['cli.js', 'read-ahead-worker.js'] : ['cli.js'])
    fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  if (withVendor) fs.cpSync(path.join(DIST, 'vendor'), path.join(dir, 'vendor'), { recursive: true });
  return dir;
}

describe('a stand-in for a library', () => {
  it('loads nothing until it is first read, then loads once', () => {
    let loads = 0;
    const lib = lazily(() => (loads++, { answer: 42, nested: { x: 1 } }), {});
    expect(loads).toBe(0);
    expect(lib.answer).toBe(42);
    expect('nested' in lib).toBe(true);
    expect(lib.nested.x).toBe(1);
    expect(loads).toBe(1);
  });

  it('stands in for a list: iterated, indexed and measured as the list', () => {
    const list = lazily(() => ['a', 'b', 'c'], []);
    expect(Array.isArray(list)).toBe(true);
    expect([...list]).toEqual(['a', 'b', 'c']);
    expect(list.length).toBe(3);
    expect(list.filter((x) => x !== 'b')).toEqual(['a', 'c']);
  });

  it('the ical.js stand-in is the library: its classes, statics and parser', () => {
    expect(Ical.Timezone.utcTimezone).toBe(RealIcal.Timezone.utcTimezone);
    expect(Ical.Time).toBe(RealIcal.Time);
    const text = ics([meeting('DTSTART:20261020T200000Z', 'Coffee', [['Ann Lee', 'ann@example.com']])]);
    const calendar = new Ical.Component(Ical.parse(text) as unknown[]);
    const start = calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstart');
    expect(start).toBeInstanceOf(RealIcal.Time);
    expect(start instanceof Ical.Time).toBe(true);
  });

  it('the fflate stand-in inflates as fflate does', () => {
    const text = 'a line of a large entry\n'.repeat(1000);
    let out = '';
    const inflater = new Inflate((chunk) => (out += Buffer.from(chunk).toString('utf8')));
    inflater.push(zlib.deflateRawSync(Buffer.from(text)), true);
    expect(out).toBe(text);
  });

  it('the windows-iana stand-in is CLDR’s table', () => {
    expect([...WINDOWS_TO_IANA_MAP]).toEqual([...REAL_TABLE]);
  });
});

describe('the built CLI and its vendor files', () => {
  it('dist/cli.js holds none of the vendored libraries and requires only Node and its vendor files', () => {
    const bundle = fs.readFileSync(path.join(DIST, 'cli.js'), 'utf8');
    for (const pkg of ['yaml', 'ical.js', 'windows-iana', 'fflate'])
      expect(bundle).not.toContain(`node_modules/${pkg}/`);
    const builtins = new Set(builtinModules);
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string);
    const vendor = required.filter((id) => id.startsWith('./vendor/')).sort();
    expect(vendor).toEqual(VENDORED.map((f) => `./vendor/${f}`));
    expect(required.filter((id) => !id.startsWith('./vendor/') && !builtins.has(id.replace(/^node:/, '')))).toEqual([]);
    for (const f of VENDORED) {
      const text = fs.readFileSync(path.join(DIST, 'vendor', f), 'utf8');
      const foreign = [...text.matchAll(/require\("([^"]+)"\)/g)].filter(
        (m) => !builtins.has((m[1] as string).replace(/^node:/, '')),
      );
      expect(foreign, f).toEqual([]);
    }
  });

  it('--version, stale and triage on flat notes never load a vendor file (they run without them)', () => {
    const dir = copyOfCli(false);
    const vault = flatVault(3);
    expect(run(dir, ['--version']).code).toBe(0);
    for (const command of ['stale', 'triage']) {
      const r = run(dir, [command, '--vault', vault, '--today', '2026-11-26', '--json']);
      expect(r.code, r.err).toBe(0);
      expect(r.err).not.toContain('vendor');
    }
  });

  it('a calendar with a Windows zone name and a note in block YAML load them, and read as from the sources', () => {
    const dir = copyOfCli(true);
    const vault = flatVault(1);
    // Not the flat reader's shape: the full parser (vendor/yaml.js) reads this note.
    fs.writeFileSync(
      path.join(vault, 'People', 'Ann Lee.md'),
      '---\ntags:\n  - person\nname: Ann Lee\nemails:\n  - ann@example.com\nabout: |\n  met at a meetup\n---\n',
    );
    // 20:00 in Hawaii is 06:00 the next day in UTC: read through windows-iana, it is logged on the 21st.
    const calendar = path.join(vault, '..', `${path.basename(vault)}.ics`);
    const me: [string, string] = ['Me', 'me@example.com'];
    fs.writeFileSync(
      calendar,
      ics([
        meeting('DTSTART;TZID=Hawaiian Standard Time:20261020T200000', 'Coffee', [me, ['Ann Lee', 'ann@example.com']]),
        meeting('DTSTART:20261001T100000Z', 'Planning', [me]),
      ]),
    );
    const r = run(dir, ['import', calendar, '--vault', vault, '--today', '2026-11-26', '--json']);
    expect(r.code, r.err).toBe(0);
    const note = fs.readFileSync(path.join(vault, 'People', 'Ann Lee.md'), 'utf8');
    expect(note).toContain('about: |\n  met at a meetup\n');
    expect(note).toContain('- 2026-10-21 · meeting · Coffee');

    const stale = run(dir, ['stale', '--vault', vault, '--today', '2026-11-26', '--json', '--section', 'all']);
    expect(stale.code, stale.err).toBe(0);
    const rows = (JSON.parse(stale.out) as { people: Array<{ name: string; lastContact: { date: string } | null }> })
      .people;
    expect(rows.map((p) => p.name).sort()).toEqual(['Ann Lee', 'Person 0']);
    // Her note, read by the full YAML parser, gives the meeting the calendar logged.
    expect(rows.find((p) => p.name === 'Ann Lee')?.lastContact?.date).toBe('2026-10-21');
  });

  it('an export whose messages.csv is too large to inflate whole streams it through the worker, else the vendored fflate', () => {
    const exp = generateExport({ connections: 50, messages: 45_000 });
    expect(exp.files['messages.csv']?.length).toBeGreaterThan(WHOLE_MAX);
    const zip = path.join(tempDir('ncrm-zip-'), 'Complete_LinkedInDataExport_11-20-2026.zip');
    fs.writeFileSync(zip, zipExport(exp));
    const args = (vault: string) => ['import', zip, '--vault', vault, '--today', '2026-11-26', '--json'];
    const messagesRead = (out: string) => (JSON.parse(out) as { messages: { messages: number } }).messages.messages;

    // zlib on the worker (src/cli/inflate-ahead.ts) inflates it: no vendor file is needed.
    const onWorker = run(copyOfCli(false), args(tempDir('ncrm-vault-')));
    expect(onWorker.code, onWorker.err).toBe(0);
    expect(messagesRead(onWorker.out)).toBe(45_000);
    // Without the worker's file, fflate streams it, loaded from its vendor file.
    const fflate = run(copyOfCli(true, false), args(tempDir('ncrm-vault-')));
    expect(fflate.code, fflate.err).toBe(0);
    expect(fflate.out).toBe(onWorker.out);
    // Without either, the path goes through fflate, and says what is missing.
    const neither = run(copyOfCli(false, false), args(tempDir('ncrm-vault-')));
    expect(neither.code).not.toBe(0);
    expect(neither.err).toContain('this copy of network-crm is incomplete (it cannot load fflate): reinstall it');
  });
});
