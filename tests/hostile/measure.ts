/**
 * The before/after table of issue 13, measured: every hostile case run through a built
 * CLI on a generated export of about 3,700 people, as the adversarial run did.
 *
 *   npx tsx tests/hostile/measure.ts [path/to/cli.js] [--only 1a,9c] [--big]
 *
 * Prints one line per case (what the CLI did) and writes JSON to .bench/hostile-<name>.json.
 * Point it at an older build (copy its dist/cli.js aside first) to see the "before".
 * `--big` adds the 1,000,000-row import (minutes, several GB of notes on disk).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { generateExport, PREAMBLE, type SyntheticExport } from '../../scripts/lib/synthetic-export';
import { cutInsideLastMultibyte, strayBytes } from './bytes';
import { duplicateColumn } from './csv';
import {
  twoExports,
  withCompaniesChanged,
  withCompanyOf,
  writeTwoFolders,
  writeTwoZips,
  zipWithTwoEntries,
} from './exports';
import { hostileNotes } from './notes';
import { encryptedZip, zipBomb } from './zip';

const ROOT = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const CLI = path.resolve(args.find((a) => a.endsWith('.js')) ?? path.join(ROOT, 'dist/cli.js'));
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null;
const TODAY = '2026-11-26';
const FAULTS = path.join(import.meta.dirname, 'faults/kill-after-renames.mjs');

interface Run {
  code: number | null;
  signal: string | null;
  out: string;
  err: string;
  seconds: number;
  maxRssMb: number;
}

type Pending<T> = T | Promise<T>;

/** Peak resident memory of a running process so far, in kB (Linux), or 0. */
function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The CLI as a child process, with its wall time and peak memory (sampled from /proc, so a
 * run killed at the time limit or by the kernel is measured too).
 */
function run(
  argv: string[],
  options: { timeoutS?: number; env?: Record<string, string>; require?: string } = {},
): Promise<Run> {
  const node = [...(options.require ? ['--import', options.require] : []), CLI, ...argv];
  const start = performance.now();
  const child = spawn(process.execPath, node, { env: { ...process.env, ...options.env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, peakKb(child.pid ?? 0))), 20);
  const timer = setTimeout(() => child.kill('SIGKILL'), (options.timeoutS ?? 120) * 1000);
  return new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(sample);
      clearTimeout(timer);
      resolve({
        code,
        signal,
        out,
        err: err.trim(),
        seconds: Math.round((performance.now() - start) / 100) / 10,
        maxRssMb: Math.round(peak / 1024),
      });
    });
  });
}

function json(r: Run): Record<string, unknown> | null {
  try {
    return JSON.parse(r.out) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-hostile-'));
let n = 0;
function dir(): string {
  const d = path.join(tmp, String(n++));
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** A bomb that looks like a Connections.csv: its header, then one byte repeated (a newline). */
const LINES = { prefix: 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n', byte: 0x0a };

const big = generateExport({ connections: 3_760, invitations: 400, messages: 3_000, seed: 13 });
const PEOPLE = big.people.length;

function zipFiles(files: Record<string, string | Uint8Array>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(out, { level: 6 });
}

function write(d: string, name: string, bytes: Uint8Array | string): string {
  const p = path.join(d, name);
  fs.writeFileSync(p, bytes);
  return p;
}

function emptyVault(): { d: string; vault: string } {
  const d = dir();
  const vault = path.join(d, 'vault');
  fs.mkdirSync(vault);
  return { d, vault };
}

/** Imports one damaged Connections.csv into an empty vault. */
async function importInto(vault: string, d: string, bytes: Uint8Array | string): Promise<Run> {
  return run(['import', write(d, 'Connections.csv', bytes), '--vault', vault, '--json', '--today', TODAY]);
}

async function freshVault(d: string, exp: SyntheticExport = big): Promise<string> {
  const vault = path.join(d, 'vault');
  fs.mkdirSync(vault, { recursive: true });
  const zip = write(d, 'Complete_LinkedInDataExport_11-01-2026.zip', zipFiles(exp.files));
  const r = await run(['import', zip, '--vault', vault, '--today', '2026-11-01', '--json']);
  if (r.code !== 0) throw new Error(`seed import failed: ${r.err}`);
  return vault;
}

function notes(vault: string, folder = 'People'): string[] {
  const d = path.join(vault, folder);
  return fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.md')) : [];
}

const MOJIBAKE = /Ã|Â|Å|Ä|Ð|â€/;

function summary(r: Run, extra = ''): string {
  const s = json(r);
  const counts = s
    ? `created ${String(s.created)}, updated ${String(s.updated)}, job changes ${String(
        (s.updatedNotes as { jobChange: unknown }[] | undefined)?.filter((u) => u.jobChange).length ?? 0,
      )}, skipped ${String((s.skipped as unknown[] | undefined)?.length ?? 0)}`
    : `message: ${JSON.stringify(r.err.split('\n')[0]?.slice(0, 220) ?? '')}`;
  return `exit ${r.code ?? `signal ${r.signal ?? '?'}`}; ${counts}${extra}`;
}

const cases: Record<string, () => Pending<string>> = {
  '1a fresh import, one stray 0xFF byte': async () => {
    const { d, vault } = emptyVault();
    const bad = strayBytes(big.files['Connections.csv'] as string, [200]);
    const r = await importInto(vault, d, bad.bytes);
    return summary(r, `; garbled file names ${notes(vault).filter((f) => MOJIBAKE.test(f)).length}`);
  },
  '1b fresh import, cut inside the last multi-byte character': async () => {
    const { d, vault } = emptyVault();
    const text = `${big.files['Connections.csv'] as string}\nZoë,Šarić,https://www.linkedin.com/in/zoe-saric,,Försvarsmakten,CTO,01 Jan 2020`;
    const bad = cutInsideLastMultibyte(text.slice(0, text.lastIndexOf('Försvarsmakten') + 2));
    const r = await importInto(vault, d, bad.bytes);
    return summary(r, `; garbled file names ${notes(vault).filter((f) => MOJIBAKE.test(f)).length}`);
  },
  '1c re-import over a vault, one stray 0xFF byte': async () => {
    const d = dir();
    const vault = await freshVault(d);
    const bad = strayBytes(big.files['Connections.csv'] as string, [200]);
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles({ 'Connections.csv': bad.bytes }));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    return summary(r);
  },
  '1d re-import that changes 20% of companies (sanity brake)': async () => {
    const d = dir();
    const vault = await freshVault(d);
    const changed = withCompaniesChanged(big, (i) => i % 5 === 0, 'Garbled Corp');
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles({ 'Connections.csv': changed }));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    const yes = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY, '--yes']);
    return `${summary(r)} | with --yes: ${summary(yes)}`;
  },
  '2 killed between writes of a job change (6 kill points)': async () => {
    const lost: number[] = [];
    for (const k of [1, 2, 3, 4, 5, 6]) {
      const d = dir();
      const vault = await freshVault(d);
      const changed = withCompaniesChanged(big, (i) => i % 40 === 0 && i < 400, 'New Employer GmbH');
      const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles({ 'Connections.csv': changed }));
      await run(['import', zip, '--vault', vault, '--today', TODAY], {
        require: FAULTS,
        env: { NCRM_KILL_AFTER_RENAMES: String(k) },
      });
      await run(['import', zip, '--vault', vault, '--today', TODAY]);
      let missing = 0;
      for (const f of notes(vault)) {
        const t = fs.readFileSync(path.join(vault, 'People', f), 'utf8');
        if (t.includes('company: New Employer GmbH') && !/job change: .*New Employer GmbH/.test(t)) missing++;
      }
      lost.push(missing);
    }
    return `history lines lost per kill point (after 1..6 renames): ${lost.join(', ')}`;
  },
  '3a two Connections.csv entries in one zip': async () => {
    const { d, vault } = emptyVault();
    const text = big.files['Connections.csv'] as string;
    const header = text.indexOf('First Name');
    const lines = text.slice(header).split('\n');
    const half = Math.floor(lines.length / 2);
    const first = PREAMBLE + lines.slice(0, half).join('\n');
    const second = PREAMBLE + [lines[0], ...lines.slice(half)].join('\n');
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipWithTwoEntries(first, second));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    return summary(r, `; notes ${notes(vault).length} of ${PEOPLE} people`);
  },
  '3b duplicate URL column, first copy empty': async () => {
    const { d, vault } = emptyVault();
    const text = duplicateColumn(big.files['Connections.csv'] as string, 'URL', 'empty-first');
    const r = await run(['import', write(d, 'Connections.csv', text), '--vault', vault, '--json', '--today', TODAY]);
    const withUrl = notes(vault).filter((f) =>
      /^linkedin: https/m.test(fs.readFileSync(path.join(vault, 'People', f), 'utf8')),
    ).length;
    return summary(r, `; notes with a linkedin URL ${withUrl} of ${notes(vault).length}`);
  },
  '3c duplicate URL column, copies disagree on one row': async () => {
    const { d, vault } = emptyVault();
    const text = duplicateColumn(big.files['Connections.csv'] as string, 'URL', 'conflict', 300);
    const r = await run(['import', write(d, 'Connections.csv', text), '--vault', vault, '--json', '--today', TODAY]);
    return summary(r, `; notes ${notes(vault).length}`);
  },
  '4a Basic + Complete archives in one run': async () => {
    const { d, vault } = emptyVault();
    const two = twoExports({ connections: 3_700, seed: 13 });
    const [a, b] = writeTwoZips(d, two);
    const r = await run(['import', a, b, '--vault', vault, '--json', '--today', TODAY]);
    const again = await run(['import', a, b, '--vault', vault, '--json', '--today', TODAY]);
    const ambiguous = (json(again)?.ambiguous as unknown[] | undefined)?.length ?? 0;
    return summary(
      r,
      `; notes ${notes(vault).length} for ${two.complete.people.length} people; next run ambiguous ${ambiguous}`,
    );
  },
  '4b a folder holding both unzipped': async () => {
    const { d, vault } = emptyVault();
    const two = twoExports({ connections: 3_700, seed: 13 });
    const r = await run(['import', writeTwoFolders(d, two), '--vault', vault, '--json', '--today', TODAY]);
    const stale = notes(vault).filter((f) =>
      fs.readFileSync(path.join(vault, 'People', f), 'utf8').includes('Old Employer Ltd'),
    ).length;
    return summary(
      r,
      `; notes ${notes(vault).length} for ${two.complete.people.length} people; with the older company ${stale}`,
    );
  },
  '5 notes the import must recognise (BOM, quoted key in broken YAML, URL forms)': async () => {
    const d = dir();
    const vault = path.join(d, 'vault');
    const specs = big.people.slice(0, 7).map((p, i) => {
      const slug = p.url.slice(p.url.lastIndexOf('/') + 1);
      return hostileNotes(slug, p.company, p.position)[i] as ReturnType<typeof hostileNotes>[number];
    });
    fs.mkdirSync(path.join(vault, 'People'), { recursive: true });
    specs.forEach((s, i) => fs.writeFileSync(path.join(vault, 'People', `Note ${i}.md`), s.text));
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles(big.files));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    const s = json(r);
    const twins = big.people
      .slice(0, 7)
      .filter((p) =>
        ((s?.createdNotes as string[] | undefined) ?? []).some((c) =>
          fs.readFileSync(path.join(vault, c), 'utf8').includes(`linkedin: ${p.url}\n`),
        ),
      ).length;
    return summary(
      r,
      `; twins of the 7 notes ${twins}; unreadable reported ${(s?.unreadable as unknown[] | undefined)?.length ?? 0} (2 expected)`,
    );
  },
  '6 people folder is a symlink to outside the vault': async () => {
    const d = dir();
    const vault = path.join(d, 'vault');
    const outside = path.join(d, 'outside');
    fs.mkdirSync(vault);
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(vault, 'People'));
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles(big.files));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    return summary(r, `; files written outside the vault ${fs.readdirSync(outside).length}`);
  },
  '8 modes kept on update (0600, 0444)': async () => {
    const d = dir();
    const vault = await freshVault(d);
    const files = notes(vault).slice(0, 2);
    const [a, b] = files.map((f) => path.join(vault, 'People', f)) as [string, string];
    fs.chmodSync(a, 0o600);
    fs.chmodSync(b, 0o444);
    const text = [a, b].reduce((t, f) => {
      const url = /^linkedin: (.*)$/m.exec(fs.readFileSync(f, 'utf8'))?.[1] ?? '';
      return withCompanyOf(t, url, 'Moved Corp');
    }, big.files['Connections.csv'] as string);
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles({ 'Connections.csv': text }));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    const mode = (f: string) => (fs.statSync(f).mode & 0o777).toString(8);
    const bText = fs.readFileSync(b, 'utf8');
    return summary(
      r,
      `; 0600 note now ${mode(a)}; 0444 note now ${mode(b)}, ${bText.includes('Moved Corp') ? 'changed' : 'unchanged'}; failed ${JSON.stringify(json(r)?.failed ?? null).slice(0, 160)}`,
    );
  },
  '9a zip bomb: 1 GiB of zeros, sizes declared honestly': async () => {
    const { d, vault } = emptyVault();
    const zip = write(d, 'bomb-1g.zip', zipBomb({ inflatedBytes: 1 << 30 }));
    const r = await run(['import', zip, '--vault', vault, '--json'], { timeoutS: 240 });
    return `${summary(r)}; ${r.seconds}s, peak ${r.maxRssMb} MB (zip ${Math.round(fs.statSync(zip).size / 1e6)} MB)`;
  },
  '9b zip bomb: a CSV header then 5 GiB of blank lines, declared as 10 MB': async () => {
    const { d, vault } = emptyVault();
    const zip = write(d, 'bomb-5g.zip', zipBomb({ inflatedBytes: 5 * 2 ** 30, declaredBytes: 10_000_000, ...LINES }));
    const r = await run(['import', zip, '--vault', vault, '--json'], { timeoutS: 300 });
    return `${summary(r)}; ${r.seconds}s, peak ${r.maxRssMb} MB (zip ${Math.round(fs.statSync(zip).size / 1e6)} MB)`;
  },
  '9c zip bomb: a CSV header then 5 GiB of blank lines, declared as 400 MB': async () => {
    const { d, vault } = emptyVault();
    const zip = write(
      d,
      'bomb-5g.zip',
      zipBomb({ inflatedBytes: 5 * 2 ** 30, declaredBytes: 400 * 2 ** 20, ...LINES }),
    );
    const r = await run(['import', zip, '--vault', vault, '--json'], { timeoutS: 300 });
    return `${summary(r)}; ${r.seconds}s, peak ${r.maxRssMb} MB (zip ${Math.round(fs.statSync(zip).size / 1e6)} MB)`;
  },
  '9d 1,000,000-row Connections.csv (dry run: read + plan)': async () => {
    const { d, vault } = emptyVault();
    const million = generateExport({ connections: 1_000_000, seed: 9 });
    const csv = write(d, 'Connections.csv', million.files['Connections.csv'] as string);
    const r = await run(['import', csv, '--vault', vault, '--json', '--dry-run', '--today', TODAY], { timeoutS: 900 });
    return `${summary(r)}; ${r.seconds}s, peak ${r.maxRssMb} MB`;
  },
  '11a control characters in an error message': async () => {
    const { d, vault } = emptyVault();
    const file = write(d, 'evil.csv', '\x1b]0;pwned\x07\x1b[31mred,text\nx,y');
    const r = await run(['import', file, '--vault', vault]);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
    const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.err);
    return `exit ${r.code}; raw control characters on stderr: ${raw ? 'yes' : 'no'}; ${JSON.stringify(r.err.slice(0, 120))}`;
  },
  '11b date-like, numeric and yes/no companies': async () => {
    const { d, vault } = emptyVault();
    const rows = ['2024-01-01', '1e3', 'on', '0x1F', '12:30', '=', 'y'].map(
      (c, i) => `Val${i},Test,https://www.linkedin.com/in/val-${i},,${c},CTO,01 Jan 2024`,
    );
    const file = write(
      d,
      'Connections.csv',
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}`,
    );
    await run(['import', file, '--vault', vault, '--today', TODAY]);
    const plain = notes(vault)
      .map((f) => /^company: (.*)$/m.exec(fs.readFileSync(path.join(vault, 'People', f), 'utf8'))?.[1] ?? '')
      .filter((v) => !v.startsWith('"'));
    return `unquoted: ${plain.length ? plain.join(' | ') : 'none'}`;
  },
  '11c encrypted zip': async () => {
    const { d, vault } = emptyVault();
    const r = await run(['import', write(d, 'locked.zip', encryptedZip()), '--vault', vault]);
    return `exit ${r.code}; ${JSON.stringify(r.err.slice(0, 200))}`;
  },
  '11d temp file name already taken (another process)': async () => {
    const d = dir();
    const vault = await freshVault(d);
    const f = notes(vault)[0] as string;
    // What another process's in-flight temp file looks like under the old fixed name.
    fs.mkdirSync(path.join(vault, 'People', `.${f}.ncrm-tmp`));
    const url = /^linkedin: (.*)$/m.exec(fs.readFileSync(path.join(vault, 'People', f), 'utf8'))?.[1] ?? '';
    const text = withCompanyOf(big.files['Connections.csv'] as string, url, 'Elsewhere Inc');
    const zip = write(d, 'Complete_LinkedInDataExport_11-20-2026.zip', zipFiles({ 'Connections.csv': text }));
    const r = await run(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    return summary(r, `; failed ${JSON.stringify(json(r)?.failed ?? null).slice(0, 160)}`);
  },
};

if (args.includes('--big')) {
  cases['9e 1,000,000-row Connections.csv, full import'] = async () => {
    const { d, vault } = emptyVault();
    const million = generateExport({ connections: 1_000_000, seed: 9 });
    const csv = write(d, 'Connections.csv', million.files['Connections.csv'] as string);
    const r = await run(['import', csv, '--vault', vault, '--json', '--today', TODAY], { timeoutS: 1800 });
    return `${summary(r)}; ${r.seconds}s, peak ${r.maxRssMb} MB`;
  };
}

async function main(): Promise<void> {
  const results: Record<string, string> = {};
  console.log(`CLI: ${CLI}; export: ${PEOPLE} people`);
  for (const [name, fn] of Object.entries(cases)) {
    if (only && !only.some((o) => name.startsWith(o))) continue;
    try {
      results[name] = await fn();
    } catch (e) {
      results[name] = `harness error: ${e instanceof Error ? e.message : String(e)}`;
    }
    console.log(`${name}: ${results[name]}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  const label = path.basename(path.dirname(CLI)).replace(/[^\w.-]/g, '_');
  fs.writeFileSync(path.join(ROOT, '.bench', `hostile-${label}.json`), JSON.stringify(results, null, 2));
}

void main();
