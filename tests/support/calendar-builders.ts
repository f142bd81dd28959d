import { planImport } from '../../src/core/import/plan';
import { attendeesWithoutNote, calendarSource, type CalendarHints } from '../../src/core/import/sources/calendar';
import type { ExistingNote, VaultSnapshot } from '../../src/core/import/vault-snapshot';
import type { CalendarRead } from '../../src/core/sources/calendar/read-calendar';

/** Builders for small .ics files: a calendar from events given as property lines. */
export function ics(events: ReadonlyArray<readonly string[]>, header: readonly string[] = [], eol = '\r\n'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Test//EN',
    ...header,
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ];
  return lines.join(eol) + eol;
}

let uid = 0;

/** A one-hour event with attendees given as [name, email, partstat?]. */
export function meeting(
  start: string,
  title: string,
  attendees: ReadonlyArray<readonly [string, string, string?]>,
  extra: readonly string[] = [],
): string[] {
  return [
    ...(extra.some((l) => l.startsWith('UID:')) ? [] : [`UID:test-${uid++}@example.com`]),
    start.includes(':') ? start : `DTSTART:${start}`,
    `SUMMARY:${title}`,
    ...attendees.map(
      ([name, email, partstat]) => `ATTENDEE;CN=${name};PARTSTAT=${partstat ?? 'ACCEPTED'}:mailto:${email}`,
    ),
    ...extra,
  ];
}

/** A snapshot of the given notes (bodies empty), for planning a calendar against them. */
export function notesSnapshot(notes: readonly ExistingNote[]): VaultSnapshot {
  return { notes, paths: notes.map((n) => n.path), readBody: () => Promise.resolve('') };
}

/**
 * A calendar planned against these notes through the real import (the one matching rule):
 * each note's meeting lines, and the attendees with no note (most meetings first).
 */
export async function planCalendar(cal: CalendarRead, notes: readonly ExistingNote[], hints: CalendarHints = {}) {
  const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2099-01-01' };
  const plan = await planImport([calendarSource([cal], hints)], notesSnapshot(notes), settings);
  return {
    plan,
    lines: (path: string) => plan.updates.find((u) => u.path === path)?.interactions.map((i) => i.line),
    unmatched: attendeesWithoutNote(plan.withoutNote).map((p) => ({
      email: p.emails[0] ?? '',
      name: p.name,
      meetings: p.interactions.length,
      lastMet: p.interactions[p.interactions.length - 1]?.date,
    })),
    summary: plan.bySource[0],
  };
}
