/**
 * `npm run bench`: every figure of issue 16's table against its floor or goal, at
 * LinkedIn's cap of 30,000 connections (and 100,000 for memory). A benchmark, not a test:
 * nothing here fails the build. It prints the table and writes bench/results.json (the
 * committed record; a partial run, BENCH_ONLY=…, writes .bench/results.json instead, and so
 * does a run under NODE_OPTIONS, which every process it times inherits: the record is of
 * `network-crm` as installed, and a run with, say, `--max-semi-space-size=1` is a what-if).
 *
 * Whole processes are measured as the user runs them (`node dist/cli.js …`), beside bare
 * Node processes doing only the disk work (bench/floor-*.mjs), each after a `sync`, with
 * CPU time and peak RSS of the whole process (bench/process.ts); best and median of
 * BENCH_RUNS runs (5), interleaved so a change of load hits both sides; the 1-minute load
 * average is recorded beside every run. BENCH_CLI points at another build (A/B runs).
 *
 * The CLI's figures are those of the everyday run, with the note cache an earlier command
 * wrote (src/cli/note-cache.ts); the same run without it is printed beside them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateExport, zipExport } from '../scripts/lib/synthetic-export';
import { generatePeopleVault } from '../scripts/lib/synthetic-vault';
import { inProcess } from './in-process';
import { benchKeepInTouch } from './keep-in-touch';
import { filesTouched, load1, mtimes, runNode, settle, type ProcessRun } from './process';
import { runPerfFile, staleViewFirstRender } from './perf-files';
import { ratio, spread, type Spread } from './timing';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.resolve(process.env.BENCH_CLI ?? path.join(ROOT, 'dist', 'cli.js'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY?.split(',') ?? null;
/** Node options every timed process inherits (the floors' too); a run with them is not the record. */
const NODE_OPTIONS = process.env.NODE_OPTIONS?.trim() || null;
const TODAY = '2026-11-26';
const NEWEST = '11-20-2026';

const wants = (section: string) => ONLY === null || ONLY.includes(section);

interface Workspace {
  dir: string;
  zip(n: number): string;
  /** The 30,000-person export of a heavy user: 200,000 messages and 2,000 invitations too. */
  zipWithMessages(): string;
  /** A generated vault of `n` person notes in every state the views care about. */
  peopleVault(n: number): string;
}

function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-bench-'));
  return {
    dir,
    zip: (n) => {
      const file = path.join(dir, `export-${n}`, `Complete_LinkedInDataExport_${NEWEST}.zip`);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, zipExport(generateExport({ connections: n, seed: 30_000, newest: '2026-11-20' })));
      }
      return file;
    },
    zipWithMessages: () => {
      const file = path.join(dir, 'export-messages', `Complete_LinkedInDataExport_${NEWEST}.zip`);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const exp = generateExport({ connections: 30_000, messages: 200_000, invitations: 2000, seed: 777 });
        fs.writeFileSync(file, zipExport(exp));
      }
      return file;
    },
    peopleVault: (n) => {
      const vault = path.join(dir, `people-${n}`);
      if (!fs.existsSync(vault)) {
        for (const [p, text] of Object.entries(generatePeopleVault({ people: n, today: TODAY, seed: 3 }))) {
          fs.mkdirSync(path.dirname(path.join(vault, p)), { recursive: true });
          fs.writeFileSync(path.join(vault, p), text);
        }
      }
      return vault;
    },
  };
}

/**
 * The CLI with its note cache (in the workspace, see main()) or, `cold`, without: the
 * everyday run is the cached one (a note cache written by an earlier command), the cold one
 * is the first run after an upgrade or a change of settings.
 */
const cli = (args: string[], cold = false) =>
  runNode([CLI, ...args], { NETWORK_CRM_PERF: '1', ...(cold ? { NETWORK_CRM_CACHE: 'off' } : {}) });
const importInto = (zip: string, vault: string, cold = false) => cli(['import', zip, '--vault', vault, '--json'], cold);
const readCommand = (command: string, vault: string, cold = false, extra: string[] = []) =>
  cli([command, '--vault', vault, '--today', TODAY, '--json', ...extra], cold);

/** How many notes a run took from the note cache (its NETWORK_CRM_PERF line). */
function cacheHits(run: ProcessRun): number {
  const line = run.stderr.split('\n').find((l) => l.startsWith('{"noteCache"'));
  return line ? (JSON.parse(line) as { noteCache: { hits: number } }).noteCache.hits : 0;
}

/** The import's own split of its time (NETWORK_CRM_PERF): read, snapshot, plan, write. */
function phases(run: ProcessRun): Record<string, number> {
  const line = run.stderr.split('\n').find((l) => l.startsWith('{"phases"'));
  return line ? (JSON.parse(line) as { phases: Record<string, number> }).phases : {};
}

/** The notes a run created, as the write floor's bundle of [name, text]. */
function bundleOf(people: string, file: string): void {
  const files = fs.readdirSync(people).map((f) => [f, fs.readFileSync(path.join(people, f), 'utf8')]);
  fs.writeFileSync(file, JSON.stringify(files));
}

interface Series {
  wall: number[];
  cpu: number[];
  user: number[];
  sys: number[];
  rss: number[];
  load: number[];
}

const series = (): Series => ({ wall: [], cpu: [], user: [], sys: [], rss: [], load: [] });

function add(s: Series, r: ProcessRun): ProcessRun {
  s.wall.push(r.wallMs);
  s.cpu.push(r.cpuMs);
  s.user.push(r.userMs);
  s.sys.push(r.sysMs);
  s.rss.push(r.maxRssMb);
  s.load.push(r.load);
  return r;
}

function summary(s: Series) {
  return {
    wallMs: spread(s.wall),
    cpuMs: spread(s.cpu),
    userMs: spread(s.user),
    sysMs: spread(s.sys),
    peakRssMb: spread(s.rss),
    load: s.load,
  };
}

/** Median of the per-run ratios: each import beside the floor run just before it. */
function pairedRatio(a: number[], b: number[]): number {
  const r = a.map((v, i) => v / (b[i] as number)).sort((x, y) => x - y);
  return Number((r[Math.floor(r.length / 2)] as number).toFixed(2));
}

function coldRatio(cold: Series, floor: Series) {
  const c = summary(cold);
  return { ...c, toFloor: { ...ratio(c.wallMs, summary(floor).wallMs), paired: pairedRatio(cold.wall, floor.wall) } };
}

/** Import, re-import, stale and triage at 30,000, interleaved with their floors. */
function cliBench(ws: Workspace) {
  const zip = ws.zip(30_000);
  const people = ws.peopleVault(30_000);
  const s = {
    floorWrite: series(),
    import: series(),
    reimport: series(),
    reimportCold: series(),
    floorRead: series(),
    stale: series(),
    staleCold: series(),
    staleOneRow: series(),
    triage: series(),
    triageCold: series(),
  };
  const importPhases: Array<Record<string, number>> = [];
  const reimportPhases: Array<Record<string, number>> = [];
  const written: number[] = [];
  const hits: number[] = [];
  let created = 0;
  const bundle = path.join(ws.dir, 'floor-bundle.json');
  // The read commands' vault, cached once by a first run (as a user's earlier command would).
  settle(Date.now());
  readCommand('stale', people);
  for (let i = 0; i < RUNS; i++) {
    const vault = path.join(ws.dir, `vault-${i}`);
    fs.mkdirSync(vault);
    if (i > 0) add(s.floorWrite, runNode([path.join(__dirname, 'floor-write.mjs'), bundle, `${vault}-floor`]));
    const first = add(s.import, importInto(zip, vault));
    importPhases.push(phases(first));
    created = (JSON.parse(first.stdout) as { created: number }).created;
    if (i === 0) {
      // The floor writes what the import wrote; the first import makes the bundle.
      bundleOf(path.join(vault, 'People'), bundle);
      add(s.floorWrite, runNode([path.join(__dirname, 'floor-write.mjs'), bundle, `${vault}-floor`]));
    }
    const before = mtimes(vault);
    // Unchanged re-imports: without the cache, then (the notes settled) one that writes the
    // cache, then the everyday one, which finds it.
    add(s.reimportCold, importInto(zip, vault, true));
    settle(Math.max(...before.values()));
    importInto(zip, vault);
    const again = add(s.reimport, importInto(zip, vault));
    reimportPhases.push(phases(again));
    hits.push(cacheHits(again));
    written.push(filesTouched(before, mtimes(vault)).length);
    add(s.floorRead, runNode([path.join(__dirname, 'floor-read.mjs'), people]));
    add(s.stale, readCommand('stale', people));
    add(s.staleCold, readCommand('stale', people, true));
    add(s.staleOneRow, readCommand('stale', people, false, ['--limit', '1']));
    add(s.triage, readCommand('triage', people));
    add(s.triageCold, readCommand('triage', people, true));
    fs.rmSync(vault, { recursive: true, force: true });
    fs.rmSync(`${vault}-floor`, { recursive: true, force: true });
  }
  const floorWrite = summary(s.floorWrite);
  const floorRead = summary(s.floorRead);
  const imp = summary(s.import);
  const stale = summary(s.stale);
  const triage = summary(s.triage);
  return {
    notesCreated: created,
    floorWrite,
    import: {
      ...imp,
      toFloor: { ...ratio(imp.wallMs, floorWrite.wallMs), paired: pairedRatio(s.import.wall, s.floorWrite.wall) },
      phases: importPhases,
    },
    reimport: { ...summary(s.reimport), filesWritten: written, cacheHits: hits, phases: reimportPhases },
    reimportCold: summary(s.reimportCold),
    floorRead,
    stale: {
      ...stale,
      toFloor: { ...ratio(stale.wallMs, floorRead.wallMs), paired: pairedRatio(s.stale.wall, s.floorRead.wall) },
    },
    staleCold: coldRatio(s.staleCold, s.floorRead),
    // The same work but one row printed: what printing its ~16,000 rows (7.5 MB of JSON) costs.
    staleOneRow: coldRatio(s.staleOneRow, s.floorRead),
    triage: {
      ...triage,
      toFloor: { ...ratio(triage.wallMs, floorRead.wallMs), paired: pairedRatio(s.triage.wall, s.floorRead.wall) },
    },
    triageCold: coldRatio(s.triageCold, s.floorRead),
  };
}

/**
 * The first import and the unchanged re-import of a heavy user's export at 30,000 people:
 * 200,000 messages (a 44 MB messages.csv) and 2,000 invitations. No goal of the table is set
 * on it (the table's import figures are of Connections.csv alone); it is what such a user
 * waits for at every import, recorded to see it move.
 */
function messagesImportBench(ws: Workspace) {
  const zip = ws.zipWithMessages();
  const vault = path.join(ws.dir, 'vault-messages');
  fs.mkdirSync(vault);
  const first = importInto(zip, vault);
  settle(Date.now());
  importInto(zip, vault); // writes the note cache
  const again = series();
  for (let i = 0; i < RUNS; i++) add(again, importInto(zip, vault));
  fs.rmSync(vault, { recursive: true, force: true });
  return {
    people: 30_000,
    messages: 200_000,
    first: { wallMs: Math.round(first.wallMs), cpuMs: Math.round(first.cpuMs), peakRssMb: Math.round(first.maxRssMb) },
    reimport: summary(again),
  };
}

/** Peak RSS of the import (first and again) and triage at 100,000 people: one run each. */
function memoryBench(ws: Workspace) {
  const zip = ws.zip(100_000);
  const people = ws.peopleVault(100_000);
  const vault = path.join(ws.dir, 'vault-100k');
  fs.mkdirSync(vault);
  const first = importInto(zip, vault);
  settle(Date.now());
  importInto(zip, vault); // writes the note cache
  const again = importInto(zip, vault);
  settle(Date.now());
  readCommand('stale', people);
  const triage = readCommand('triage', people);
  const stale = readCommand('stale', people);
  fs.rmSync(vault, { recursive: true, force: true });
  const mb = (r: ProcessRun) => ({ peakRssMb: Math.round(r.maxRssMb), wallMs: Math.round(r.wallMs), load: r.load });
  return { people: 100_000, import: mb(first), reimport: mb(again), triage: mb(triage), stale: mb(stale) };
}

type Row = { figure: string; best: string; median: string; goal: string; ok: boolean; load: string };

const loads = (l: number[]) => `${Math.min(...l).toFixed(1)}–${Math.max(...l).toFixed(1)}`;
const ms = (v: number) => `${Math.round(v)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;

interface Results {
  date: string;
  machine: Record<string, unknown>;
  runs: number;
  loadAtStart: number[];
  loadAtEnd?: number[];
  cli?: ReturnType<typeof cliBench>;
  inProcess?: Awaited<ReturnType<typeof inProcess>>;
  memory100k?: ReturnType<typeof memoryBench>;
  withMessages?: ReturnType<typeof messagesImportBench>;
  staleView?: ReturnType<typeof staleViewFirstRender>;
  pluginThroughDouble?: unknown;
  calendar?: unknown;
  keepInTouch?: Record<string, unknown>;
  table?: Row[];
}

function rows(r: Results): Row[] {
  const out: Row[] = [];
  const c = r.cli;
  if (c) {
    out.push({
      figure: 'first import ÷ write floor',
      best: x(c.import.toFloor.best),
      median: `${x(c.import.toFloor.median)} (paired ${x(c.import.toFloor.paired)})`,
      goal: '≤ 1.5×',
      ok: c.import.toFloor.median <= 1.5,
      load: loads(c.import.load),
    });
    out.push({
      figure: '  import wall / floor wall',
      best: `${ms(c.import.wallMs.best)} / ${ms(c.floorWrite.wallMs.best)}`,
      median: `${ms(c.import.wallMs.median)} / ${ms(c.floorWrite.wallMs.median)}`,
      goal: '',
      ok: true,
      load: loads(c.floorWrite.load),
    });
    const re = c.reimport;
    const cold = c.reimportCold;
    out.push({
      figure: 'unchanged re-import, wall',
      best: ms(re.wallMs.best),
      median: ms(re.wallMs.median),
      goal: '< 1000 ms',
      ok: re.wallMs.median < 1000,
      load: loads(re.load),
    });
    out.push({
      figure: 'unchanged re-import, CPU (user+sys)',
      best: ms(re.cpuMs.best),
      median: `${ms(re.cpuMs.median)} (${ms(re.userMs.median)}+${ms(re.sysMs.median)})`,
      goal: '< 1000 ms',
      ok: re.cpuMs.median < 1000,
      load: loads(re.load),
    });
    out.push({
      figure: '  the same without the note cache, wall / CPU',
      best: `${ms(cold.wallMs.best)} / ${ms(cold.cpuMs.best)}`,
      median: `${ms(cold.wallMs.median)} / ${ms(cold.cpuMs.median)}`,
      goal: '',
      ok: true,
      load: loads(cold.load),
    });
    out.push({
      figure: 'unchanged re-import, files written',
      best: String(Math.min(...re.filesWritten)),
      median: String(Math.max(...re.filesWritten)),
      goal: '0',
      ok: Math.max(...re.filesWritten) === 0,
      load: '',
    });
    for (const cmd of ['stale', 'triage'] as const) {
      out.push({
        figure: `${cmd} --json ÷ read floor`,
        best: x(c[cmd].toFloor.best),
        median: `${x(c[cmd].toFloor.median)} (paired ${x(c[cmd].toFloor.paired)})`,
        goal: '≤ 1.5×',
        ok: c[cmd].toFloor.median <= 1.5,
        load: loads(c[cmd].load),
      });
      out.push({
        figure: `  ${cmd} wall / floor wall`,
        best: `${ms(c[cmd].wallMs.best)} / ${ms(c.floorRead.wallMs.best)}`,
        median: `${ms(c[cmd].wallMs.median)} / ${ms(c.floorRead.wallMs.median)}`,
        goal: '',
        ok: true,
        load: loads(c.floorRead.load),
      });
      const coldRun = c[`${cmd}Cold`];
      out.push({
        figure: `  the same without the note cache`,
        best: `${x(coldRun.toFloor.best)} (${ms(coldRun.wallMs.best)})`,
        median: `${x(coldRun.toFloor.median)} (${ms(coldRun.wallMs.median)})`,
        goal: '',
        ok: true,
        load: loads(coldRun.load),
      });
      const one = cmd === 'stale' ? c.staleOneRow : undefined;
      if (one)
        out.push({
          figure: '  the same printing one row (--limit 1)',
          best: `${x(one.toFloor.best)} (${ms(one.wallMs.best)})`,
          median: `${x(one.toFloor.median)} (${ms(one.wallMs.median)})`,
          goal: '',
          ok: true,
          load: loads(one.load),
        });
    }
  }
  const ip = r.inProcess;
  if (ip) {
    out.push({
      figure: 'stale list in process',
      best: ms(ip.staleList.buildMs.best),
      median: ms(ip.staleList.buildMs.median),
      goal: '< 50 ms median',
      ok: ip.staleList.buildMs.median < 50,
      load: String(ip.load),
    });
    out.push({
      figure: '200,000 messages parsed + aggregated',
      best: ms(ip.messages.totalMs.best),
      median: ms(ip.messages.totalMs.median),
      goal: '< 2000 ms',
      ok: ip.messages.totalMs.median < 2000,
      load: String(ip.load),
    });
    out.push({
      figure: '  the same, CPU time',
      best: ms(ip.messages.cpuMs.best),
      median: ms(ip.messages.cpuMs.median),
      goal: '',
      ok: true,
      load: String(ip.load),
    });
  }
  if (c) {
    const peak = (s: Spread) => `${Math.round(s.best)}–${Math.round(Math.max(...s.runs))} MB`;
    const importRss = Math.max(...c.import.peakRssMb.runs, ...c.reimport.peakRssMb.runs);
    out.push({
      figure: 'peak RSS import (first, again) at 30k',
      best: peak(c.import.peakRssMb),
      median: peak(c.reimport.peakRssMb),
      goal: '≤ 150 MB',
      ok: importRss <= 150,
      load: '',
    });
    out.push({
      figure: 'peak RSS triage / stale at 30k',
      best: peak(c.triage.peakRssMb),
      median: peak(c.stale.peakRssMb),
      goal: '≤ 150 MB',
      ok: Math.max(...c.triage.peakRssMb.runs, ...c.stale.peakRssMb.runs) <= 150,
      load: '',
    });
  }
  const m = r.memory100k;
  if (m) {
    out.push({
      figure: 'peak RSS import (first, again) at 100k',
      best: `${m.import.peakRssMb} MB`,
      median: `${m.reimport.peakRssMb} MB`,
      goal: '≤ 300 MB',
      ok: Math.max(m.import.peakRssMb, m.reimport.peakRssMb) <= 300,
      load: `${m.import.load}`,
    });
    out.push({
      figure: 'peak RSS triage / stale at 100k',
      best: `${m.triage.peakRssMb} MB`,
      median: `${m.stale.peakRssMb} MB`,
      goal: '≤ 300 MB',
      ok: Math.max(m.triage.peakRssMb, m.stale.peakRssMb) <= 300,
      load: `${m.triage.load}`,
    });
  }
  const wm = r.withMessages;
  if (wm) {
    out.push({
      figure: '  with 200,000 messages: first import (one run), wall / CPU',
      best: `${ms(wm.first.wallMs)} / ${ms(wm.first.cpuMs)}`,
      median: '',
      goal: '',
      ok: true,
      load: '',
    });
    out.push({
      figure: '  with 200,000 messages: unchanged re-import, wall / CPU',
      best: `${ms(wm.reimport.wallMs.best)} / ${ms(wm.reimport.cpuMs.best)}`,
      median: `${ms(wm.reimport.wallMs.median)} / ${ms(wm.reimport.cpuMs.median)}`,
      goal: '',
      ok: true,
      load: loads(wm.reimport.load),
    });
    out.push({
      figure: '  with 200,000 messages: peak RSS, first import / re-import',
      best: `${wm.first.peakRssMb} MB`,
      median: `${Math.round(wm.reimport.peakRssMb.median)} MB`,
      goal: '',
      ok: true,
      load: '',
    });
  }
  const v = r.staleView;
  if (v) {
    out.push({
      figure: 'stale view first render (Chromium)',
      best: ms(v.firstRenderMs.best),
      median: ms(v.firstRenderMs.median),
      goal: '< 150 ms',
      ok: v.firstRenderMs.median < 150,
      load: loads(v.load),
    });
  }
  return out;
}

function printTable(table: Row[]): void {
  const cols: Array<keyof Row> = ['figure', 'best', 'median', 'goal', 'ok', 'load'];
  const cell = (row: Row, k: keyof Row) =>
    k === 'ok' ? (row.figure.startsWith('  ') ? '' : row.ok ? 'yes' : 'NO') : String(row[k]);
  const widths = cols.map((k) => Math.max(k.length, ...table.map((row) => cell(row, k).length)));
  const line = (cells: string[]) => `| ${cells.map((t, i) => t.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(cols.map(String)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(cols.map((k) => cell(row, k))));
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const ws = workspace();
  // Every CLI run's note cache goes to the workspace, never the user's ~/.cache.
  process.env.NETWORK_CRM_CACHE = path.join(ws.dir, 'note-cache');
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      platform: process.platform,
      nodeOptions: NODE_OPTIONS,
    },
    runs: RUNS,
    loadAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  try {
    const step = async <K extends keyof Results>(name: K, work: () => Results[K] | Promise<Results[K]>) => {
      if (!wants(name)) return;
      console.error(`bench: ${name} (load ${load1()})`);
      results[name] = await work();
    };
    await step('cli', () => cliBench(ws));
    await step('inProcess', inProcess);
    await step('memory100k', () => memoryBench(ws));
    await step('withMessages', () => messagesImportBench(ws));
    await step('staleView', () => staleViewFirstRender(RUNS));
    await step('pluginThroughDouble', () => runPerfFile('double-import'));
    await step('calendar', () => runPerfFile('calendar'));
    await step('keepInTouch', () => benchKeepInTouch(CLI));
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
  const loadAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  results.loadAtEnd = loadAtEnd;
  const table = rows(results);
  results.table = table;
  const record = ONLY === null && NODE_OPTIONS === null;
  const file = record ? path.join(__dirname, 'results.json') : path.join(ROOT, '.bench', 'results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printTable(table);
  console.log(
    `\nload average ${results.loadAtStart.join(' ')} at the start, ${loadAtEnd.join(' ')} at the end${NODE_OPTIONS === null ? '' : `, under NODE_OPTIONS=${NODE_OPTIONS}`}; written to ${path.relative(ROOT, file)}`,
  );
}

void main();
