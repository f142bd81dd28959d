/**
 * Part of `npm run bench` (not of npm test): ten years of a busy calendar (50,000 events,
 * about 300,000 occurrences, 41 MB) imported into a vault of 2,000 person notes, timed by
 * phase with wall and CPU time (the machine may be shared), in process through the core
 * and as the real `network-crm import` (peak RSS of the process, a first import and a
 * re-import that writes nothing). Writes .bench/calendar.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { calendarPeople, generateCalendar } from '../scripts/lib/synthetic-calendar';
import { planImport } from '../src/core/import/plan';
import { calendarSource } from '../src/core/import/sources/calendar';
import { readCalendar } from '../src/core/sources/calendar/read-calendar';
import { composePersonNote } from '../src/core/notes/compose-note';

const ROOT = path.resolve(import.meta.dirname, '..');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function cli(args: string[]): { ms: number; maxRssMb: number; json: Record<string, unknown> } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NETWORK_CRM_PERF: '1' },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
  const perf = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { maxRssKb: number };
  return {
    ms: Math.round(ms),
    maxRssMb: Math.round(perf.maxRssKb / 1024),
    json: JSON.parse(r.stdout) as Record<string, unknown>,
  };
}

it('50,000 events, 300,000 occurrences', async () => {
  const people = calendarPeople(3000);
  const owner = { name: 'Olive Owner', email: 'olive@example.com' };
  const gen = generateCalendar({ singles: 47_500, series: 834, occurrencesPerSeries: 302, owner, people, years: 10 });
  const notes = people
    .slice(0, 2000)
    .map((p) => ({ path: `People/${p.name}.md`, frontmatter: { name: p.name, email: p.email } }));

  let progressCalls = 0;
  const w0 = performance.now();
  const c0 = cpu();
  const cal = await readCalendar(gen.text, 'busy.ics', {
    today: '2026-12-31',
    timeZone: 'Europe/Berlin',
    onProgress: () => void progressCalls++,
  });
  const w1 = performance.now();
  const c1 = cpu();
  const plan = await planImport(
    [calendarSource([cal], { emails: [owner.email] })],
    { notes, paths: notes.map((n) => n.path), readBody: () => Promise.resolve('') },
    { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-12-31' },
  );
  const w2 = performance.now();
  const c2 = cpu();
  expect(cal.occurrences).toBe(gen.occurrences);
  const lines = plan.updates.reduce((n, u) => n + u.interactions.length, 0);

  // The real command, on disk: the calendar file and a vault of 2,000 notes.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-cal-'));
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(path.join(vault, 'People'), { recursive: true });
  for (const p of people.slice(0, 2000))
    fs.writeFileSync(
      path.join(vault, 'People', `${p.name}.md`),
      composePersonNote({ name: p.name, email: p.email }, { tag: 'person' }),
    );
  const file = path.join(dir, 'busy.ics');
  fs.writeFileSync(file, gen.text);
  const args = ['import', file, '--vault', vault, '--today', '2026-12-31', '--json', '--my-emails', owner.email];
  const first = cli(args);
  const again = cli(args);
  fs.rmSync(dir, { recursive: true, force: true });

  const result = {
    events: gen.events,
    megabytes: Math.round(gen.text.length / 1e5) / 10,
    occurrences: cal.occurrences,
    meetingLines: lines,
    notesWithMeetings: plan.updates.length,
    attendeesWithoutNote: plan.withoutNote.length,
    progressCalls,
    inProcess: {
      readMs: { wall: Math.round(w1 - w0), cpu: Math.round(c1 - c0) },
      planMs: { wall: Math.round(w2 - w1), cpu: Math.round(c2 - c1) },
    },
    cli: {
      firstImport: { ms: first.ms, maxRssMb: first.maxRssMb, updated: first.json.updated },
      reImport: { ms: again.ms, maxRssMb: again.maxRssMb, updated: again.json.updated, upToDate: again.json.upToDate },
    },
  };
  expect(again.json.updated).toBe(0);
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench', 'calendar.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
});
