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
