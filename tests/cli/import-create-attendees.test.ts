/**
 * `network-crm import <calendar.ics> --create-attendees` counts the notes it makes for the
 * attendees with no note as created. It wrote `People/Karin Tran.md` and said "0 notes
 * created", its "By source" line said "0 new … 1 with no note" and `--json` had
 * `created: 0`: the counts disagreed with what was on disk. Pins, for text, `--json` and
 * the report: the attendees' notes are in the created count and list (`createdForAttendees`
 * still says which they are), the calendar's row counts them as new and not as without a
 * note, and a run that only made them is not "up to date".
 *
 * Then the report's "Attendees with no note" (and `--json`'s `attendeesWithoutNote` and the
 * calendar's count and list) still named Karin Tran, whose note the run had just written.
 * Pins: after the run they hold only the attendees still without a note (one whose note
 * failed to be written, here on a disk that fills up at that note), or nothing, alike in
 * text, `--json` and the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, vaultWithAnnLee } from '../support/cli';
import { ics, meeting } from '../support/calendar-builders';

interface Summary {
  created: number;
  createdNotes: string[];
  createdForAttendees: string[];
  upToDate: boolean;
  updated: number;
  bySource: Array<{
    id: string;
    created: number;
    withoutNote: number;
    counts: Array<[string, number]>;
    details: Array<{ title: string; items: string[]; total: number }>;
  }>;
  attendeesWithoutNote: { count: number; top: Array<{ name: string; email: string | null; meetings: number }> };
  failed: Array<{ path: string; error: string }>;
  reportFile: string | null;
}

const ME = 'me@example.com';

/**
 * A vault with Ann Lee's note (from a Connections.csv, her address in it) and a calendar of
 * two meetings with her, one of them with Karin Tran too, who has no note; `more` meetings
 * are added to the calendar, and `alsoAtPlanning` people to the meeting with Karin.
 */
async function setUp(
  more: ReadonlyArray<readonly string[]> = [],
  alsoAtPlanning: ReadonlyArray<[string, string]> = [],
) {
  const { dir, vault } = await vaultWithAnnLee();
  const ical = path.join(dir, 'calendar.ics');
  fs.writeFileSync(
    ical,
    ics([
      meeting('20241203T100000Z', 'Catch-up', [['Ann Lee', 'ann@example.com']], [`ORGANIZER;CN=Me:mailto:${ME}`]),
      meeting(
        '20241212T130000Z',
        'Planning',
        [['Ann Lee', 'ann@example.com'], ['Karin Tran', 'karin@example.com'], ...alsoAtPlanning],
        [`ORGANIZER;CN=Me:mailto:${ME}`],
      ),
      ...more,
    ]),
  );
  const args = ['import', ical, '--vault', vault, '--today', '2025-01-01', '--my-emails', ME, '--create-attendees'];
  return { vault, args };
}

const calendarRow = (s: Summary) => s.bySource.find((b) => b.id === 'calendar');

describe('network-crm import --create-attendees: the notes made for attendees are counted as created', () => {
  it('--json: created, createdNotes and the calendar row agree with the note written', async () => {
    const { vault, args } = await setUp();
    const s = (await cli(...args, '--json')).json<Summary>();
    expect(s.createdForAttendees).toEqual(['People/Karin Tran.md']);
    expect(fs.existsSync(path.join(vault, 'People/Karin Tran.md'))).toBe(true);
    expect(s.created).toBe(1);
    expect(s.createdNotes).toEqual(['People/Karin Tran.md']);
    expect(s.updated).toBe(1); // Ann's note got its meetings
    expect(calendarRow(s)).toMatchObject({ created: 1, withoutNote: 0 });
    expect(s.upToDate).toBe(false);
  });

  it('text: "1 note created", the calendar line says 1 new and nobody without a note, and how many were for attendees', async () => {
    const { args } = await setUp();
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {8}1 note created$/m);
    expect(r.out).toMatch(/^ {4}Calendar: 2 people; 1 new, 1 updated, 0 unchanged; .*; 0 ambiguous$/m);
    expect(r.out).not.toContain('with no note');
    expect(r.out).toMatch(/^ {8}1 note created for people you met \(undo takes them back\)$/m);
  });

  it('the report counts and lists the note made for an attendee', async () => {
    const { vault, args } = await setUp();
    const s = (await cli(...args, '--report', '--json')).json<Summary>();
    const report = fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8');
    expect(report).toContain('| Created | 1 |');
    expect(report).toMatch(/## Created \(1\)\n\n- \[\[People\/Karin Tran\|Karin Tran\]\]\n/);
    // The calendar's row: 2 people, 1 new note, 1 updated, …, no one left without a note.
    expect(report).toMatch(/^\| Calendar \| 2 \| 1 \| 1 \| 0 \| .* \| 0 \|$/m);
  });

  it('with only notes for attendees to make, the run is not "up to date" and still gets its report', async () => {
    const { vault, args } = await setUp();
    // Ann's meetings logged first, without creating: the calendar then has nothing else to do.
    await cli(...args.filter((a) => a !== '--create-attendees'));
    const s = (await cli(...args, '--report', '--json')).json<Summary>();
    expect(s).toMatchObject({ upToDate: false, created: 1, updated: 0 });
    expect(s.reportFile).not.toBeNull();
    expect(fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8')).toContain('| Created | 1 |');
  });
});

/** The write of the note `name` fails (an I/O error; a full disk would stop the notes after it too). */
function writeFailsAt(name: string): void {
  const write = fs.writeFileSync.bind(fs);
  vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
    const flag = typeof options === 'object' && options !== null ? options.flag : undefined;
    if (flag === 'wx' && String(file).endsWith(`${path.sep}${name}`))
      throw Object.assign(new Error(`EIO: i/o error, write '${String(file)}'`), { code: 'EIO' });
    write(file, data, options);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

const attendeeList = (s: Summary) => calendarRow(s)?.details.find((d) => d.title === 'Attendees with no note');
const attendeeCount = (s: Summary) => calendarRow(s)?.counts.find(([label]) => label === 'Attendees with no note')?.[1];

describe('network-crm import --create-attendees: "attendees with no note" are those still without one', () => {
  it('every note made: no attendee is listed as without a note, in --json, text and the report', async () => {
    const { vault, args } = await setUp();
    const s = (await cli(...args, '--report', '--json')).json<Summary>();
    expect(s.createdForAttendees).toEqual(['People/Karin Tran.md']);
    expect(s.attendeesWithoutNote).toEqual({ count: 0, top: [] });
    expect(attendeeCount(s)).toBe(0);
    expect(attendeeList(s)).toBeUndefined();
    const report = fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8');
    expect(report).toContain('| Attendees with no note | 0 |');
    expect(report).not.toContain('## Attendees with no note');
    expect(report).not.toMatch(/Karin Tran \\<karin@example\.com\\>: 1 meeting/);

    const { args: again } = await setUp();
    const text = await cli(...again);
    expect(text.out).not.toMatch(/with no note/);
    expect(text.out).not.toContain('Karin Tran: 1 meeting');
  });

  it('a note that could not be written: only that attendee is listed, in --json, text and the report', async () => {
    // Lars Berg, met twice, gets his note; Karin Tran's cannot be written.
    const lars = [
      meeting('20241205T090000Z', 'Intro', [['Lars Berg', 'lars@example.com']], [`ORGANIZER;CN=Me:mailto:${ME}`]),
      meeting('20241210T090000Z', 'Follow-up', [['Lars Berg', 'lars@example.com']], [`ORGANIZER;CN=Me:mailto:${ME}`]),
    ];
    const { vault, args } = await setUp(lars);
    writeFailsAt('Karin Tran.md');
    const r = await cli(...args, '--report', '--json');
    expect(r.code).toBe(1);
    const s = r.json<Summary>();
    expect(s.createdForAttendees).toEqual(['People/Lars Berg.md']);
    expect(s.failed.map((f) => f.path)).toEqual(['People/Karin Tran.md']);
    expect(s.attendeesWithoutNote).toEqual({
      count: 1,
      top: [{ name: 'Karin Tran', email: 'karin@example.com', meetings: 1, lastMet: '2024-12-12' }],
    });
    expect(calendarRow(s)).toMatchObject({ created: 1, withoutNote: 1 });
    expect(attendeeCount(s)).toBe(1);
    expect(attendeeList(s)).toEqual({
      title: 'Attendees with no note',
      items: ['Karin Tran <karin@example.com>: 1 meeting, the last on 2024-12-12'],
      total: 1,
    });
    const report = fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8');
    expect(report).toContain('| Attendees with no note | 1 |');
    expect(report).toMatch(
      /## Attendees with no note \(1\)\n\n- Karin Tran \\<karin@example\.com\\>: 1 meeting, the last on 2024-12-12\n/,
    );
    expect(report).not.toMatch(/- Lars Berg \\</);

    const { args: again } = await setUp(lars);
    const text = await cli(...again);
    expect(text.out).toMatch(/^ {8}1 note created for people you met \(undo takes them back\)$/m);
    expect(text.out).toMatch(
      /^ {8}1 attendee still with no note\n {10}Karin Tran: 1 meeting, the last on 2024-12-12\n/m,
    );
    expect(text.out).not.toContain('Lars Berg: 2 meetings');
    expect(text.out).toMatch(
      /^ {4}Calendar: 3 people; 1 new, 1 updated, 0 unchanged; .*; 0 ambiguous; 1 with no note$/m,
    );
  });
  it('people first met in the same meeting are told apart: only the one whose note failed is listed', async () => {
    // Both are known by the line of their first meeting, the same line: a note failed for
    // one listed them both as still without a note.
    const { args } = await setUp([], [['Lars Berg', 'lars@example.com']]);
    writeFailsAt('Karin Tran.md');
    const s = (await cli(...args, '--json')).json<Summary>();
    expect(s.createdForAttendees).toEqual(['People/Lars Berg.md']);
    expect(s.attendeesWithoutNote).toEqual({
      count: 1,
      top: [{ name: 'Karin Tran', email: 'karin@example.com', meetings: 1, lastMet: '2024-12-12' }],
    });
    expect(calendarRow(s)).toMatchObject({ created: 1, withoutNote: 1 });
  });
});
