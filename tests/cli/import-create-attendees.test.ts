/**
 * `network-crm import <calendar.ics> --create-attendees` counts the notes it makes for the
 * attendees with no note as created. It wrote `People/Karin Tran.md` and said "0 notes
 * created", its "By source" line said "0 new … 1 with no note" and `--json` had
 * `created: 0`: the counts disagreed with what was on disk. Pins, for text, `--json` and
 * the report: the attendees' notes are in the created count and list (`createdForAttendees`
 * still says which they are), the calendar's row counts them as new and not as without a
 * note, and a run that only made them is not "up to date".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { ics, meeting } from '../support/calendar-builders';
import { tempDir } from '../support/temp-dir';

interface Summary {
  created: number;
  createdNotes: string[];
  createdForAttendees: string[];
  upToDate: boolean;
  updated: number;
  bySource: Array<{ id: string; created: number; withoutNote: number }>;
  reportFile: string | null;
}

const ME = 'me@example.com';

/**
 * A vault with Ann Lee's note (from a Connections.csv, her address in it) and a calendar of
 * two meetings with her, one of them with Karin Tran too, who has no note.
 */
async function setUp() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const csv = path.join(dir, 'Connections.csv');
  fs.writeFileSync(
    csv,
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Ann,Lee,https://www.linkedin.com/in/ann-lee,ann@example.com,Globex,Engineer,10 Mar 2021\n',
  );
  expect((await cli('import', csv, '--vault', vault, '--today', '2024-12-01')).code).toBe(0);
  const ical = path.join(dir, 'calendar.ics');
  fs.writeFileSync(
    ical,
    ics([
      meeting('20241203T100000Z', 'Catch-up', [['Ann Lee', 'ann@example.com']], [`ORGANIZER;CN=Me:mailto:${ME}`]),
      meeting(
        '20241212T130000Z',
        'Planning',
        [
          ['Ann Lee', 'ann@example.com'],
          ['Karin Tran', 'karin@example.com'],
        ],
        [`ORGANIZER;CN=Me:mailto:${ME}`],
      ),
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
