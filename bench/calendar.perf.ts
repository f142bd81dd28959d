/**
 * Part of `npm run bench` (not of npm test): ten years of a busy calendar (50,000 events,
 * about 300,000 occurrences) read, expanded and matched against 2,000 person notes, timed
 * by phase with wall and CPU time (the machine may be shared). Writes .bench/calendar.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { calendarPeople, generateCalendar } from '../scripts/lib/synthetic-calendar';
import { detectOwner, planMeetings } from '../src/core/sources/calendar/meetings';
import { readCalendar } from '../src/core/sources/calendar/read-calendar';
import { PersonMatcher } from '../src/core/sources/match-person';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

it('50,000 events, 300,000 occurrences', async () => {
  const people = calendarPeople(3000);
  const owner = { name: 'Olive Owner', email: 'olive@example.com' };
  const gen = generateCalendar({ singles: 47_500, series: 834, occurrencesPerSeries: 302, owner, people, years: 10 });
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
  const notes = people
    .slice(0, 2000)
    .map((p) => ({ path: `People/${p.name}.md`, frontmatter: { name: p.name, email: p.email } }));
  const plan = planMeetings(cal, detectOwner(cal), new PersonMatcher(notes));
  const w2 = performance.now();
  const c2 = cpu();
  expect(cal.occurrences).toHaveLength(gen.occurrences);
  let lines = 0;
  for (const n of plan.byNote.values()) lines += n.lines.length;
  const result = {
    events: gen.events,
    megabytes: Math.round(gen.text.length / 1e5) / 10,
    occurrences: cal.occurrences.length,
    meetingLines: lines,
    notesWithMeetings: plan.byNote.size,
    attendeesWithoutNote: plan.unmatched.length,
    progressCalls,
    readMs: { wall: Math.round(w1 - w0), cpu: Math.round(c1 - c0) },
    matchMs: { wall: Math.round(w2 - w1), cpu: Math.round(c2 - c1) },
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
  fs.mkdirSync(path.join(import.meta.dirname, '..', '.bench'), { recursive: true });
  fs.writeFileSync(
    path.join(import.meta.dirname, '..', '.bench', 'calendar.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result));
});
