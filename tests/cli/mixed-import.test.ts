/**
 * `network-crm import` with a mix, as a user runs it: a LinkedIn zip, a vCard file of some
 * of the same people and a calendar of meetings with them, in one run or one after the
 * other. Pins what the user reads and gets: one "By source" line per source (new, updated,
 * matched by URL/e-mail/name, ambiguous, no note), the attendees with no note (count and
 * the top ones), --today deciding which occurrences are past, --my-emails deciding whose
 * calendar it is, a re-import of all three writing nothing, and --create-attendees making
 * notes for the people met that `undo` takes back. The same address book as a Google
 * Contacts CSV finds the same people. On a terminal, reading a calendar shows how far it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipExport } from '../../scripts/lib/synthetic-export';
import { generateMixedNetwork } from '../../scripts/lib/synthetic-network';
import { runCli } from '../../src/cli/main';
import { cli, WORKER } from '../support/cli';
import { readTree, tempDir } from '../support/temp-dir';

const net = generateMixedNetwork({ connections: 150, cardsPerKind: 6, singles: 200, series: 5, from: '2024-01-01' });
const TODAY = '2025-06-30';

interface BySource {
  label: string;
  people: number;
  created: number;
  updated: number;
  matched: { profile: number; email: number; name: number };
  ambiguous: number;
  withoutNote: number;
}

/** The three files on disk and an empty vault. */
function setUp() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const files = {
    zip: path.join(dir, 'export.zip'),
    vcf: path.join(dir, 'contacts.vcf'),
    csv: path.join(dir, 'contacts.csv'),
    ics: path.join(dir, 'calendar.ics'),
  };
  fs.writeFileSync(files.zip, zipExport(net.linkedin));
  fs.writeFileSync(files.vcf, net.vcf);
  fs.writeFileSync(files.csv, net.googleCsv);
  fs.writeFileSync(files.ics, net.ics);
  return { vault, files };
}

const people = (vault: string) => fs.readdirSync(path.join(vault, 'People'));
const meetingDates = (vault: string) =>
  people(vault).flatMap((f) =>
    [...fs.readFileSync(path.join(vault, 'People', f), 'utf8').matchAll(/^- (\d{4}-\d{2}-\d{2}) · meeting · /gm)].map(
      (m) => m[1]!,
    ),
  );

describe('network-crm import with LinkedIn, a vCard file and a calendar', () => {
  it('LinkedIn first, then the card and the calendar: one line per source, matched every way, meetings up to --today', async () => {
    const { vault, files } = setUp();
    await cli('import', files.zip, '--vault', vault, '--today', TODAY);
    const connections = people(vault).length;

    const args = [files.vcf, files.ics, '--vault', vault, '--today', TODAY, '--my-emails', net.owner.email];
    const human = await cli('import', ...args, '--dry-run');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(
      new RegExp(
        `^ {4}vCard: \\d+ people; ${net.expected.newPeople} new, \\d+ updated, 0 unchanged; matched by URL ${net.expected.byUrl}, e-mail ${net.expected.byEmail}, name ${net.expected.byName}; 1 ambiguous$`,
        'm',
      ),
    );
    expect(human.out).toMatch(/^ {4}Calendar: \d+ people; .*; \d+ with no note$/m);
    expect(human.out).toMatch(/^ +\d+ attendees with no note \(--create-attendees makes notes for them\)$/m);
    expect(human.out).toMatch(/^ {10}Stranger \d+: \d+ meetings, the last on \d{4}-\d{2}-\d{2}$/m);

    const r = await cli('import', ...args, '--json', '--report');
    const s = r.json();
    const vcard = s.bySource.find((b) => b.label === 'vCard') as BySource;
    expect(vcard).toMatchObject({
      created: net.expected.newPeople,
      matched: { profile: net.expected.byUrl, email: net.expected.byEmail, name: net.expected.byName },
      ambiguous: 1,
    });
    expect(s.ambiguous.map((a: { name: string }) => a.name)).toEqual([net.expected.ambiguous]);
    expect(people(vault)).toHaveLength(connections + net.expected.newPeople);
    expect(s.attendeesWithoutNote.count).toBeGreaterThan(0);
    expect(s.attendeesWithoutNote.top.every((a) => a.email?.endsWith('@elsewhere.example'))).toBe(true);
    // --today decides what is past: nothing after it, and the owner is never "met".
    const dates = meetingDates(vault);
    expect(dates.length).toBeGreaterThan(50);
    expect(dates.every((d) => d <= TODAY)).toBe(true);
    expect(people(vault).some((f) => f.startsWith('Alex Owner'))).toBe(false);
    const report = fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8');
    expect(report).toContain('## By source');
    expect(report).toMatch(/## Attendees with no note \(\d+\)/);
  });

  it('all three in one run, then again: the second run writes nothing and says so', async () => {
    const { vault, files } = setUp();
    const args = [files.zip, files.vcf, files.ics, '--vault', vault, '--today', TODAY, '--my-emails', net.owner.email];
    const first = (await cli('import', ...args, '--json')).json();
    expect(first.created).toBe(net.linkedin.people.length + net.expected.newPeople - net.linkedin.blankRows);
    const before = readTree(vault);
    const again = await cli('import', ...args, '--report');
    expect(again.out).toMatch(/^Already up to date: [\d,]+ notes unchanged/);
    expect(again.out).toMatch(/^ {4}LinkedIn: [\d,]+ people; 0 new, 0 updated, [\d,]+ unchanged;/m);
    expect(readTree(vault)).toEqual(before);
  });

  it('--create-attendees makes notes for the people met, found by address next time; undo takes them back', async () => {
    const { vault, files } = setUp();
    const args = [files.zip, files.vcf, files.ics, '--vault', vault, '--today', TODAY, '--my-emails', net.owner.email];
    const found = (await cli('import', ...args, '--json')).json().attendeesWithoutNote.count;
    const before = readTree(vault);
    const r = (await cli('import', ...args, '--create-attendees', '--json')).json();
    // A note for each attendee the first run found without one, and none left without.
    expect(r.createdForAttendees.length).toBe(found);
    expect(r.attendeesWithoutNote).toEqual({ count: 0, top: [] });
    const stranger = fs.readFileSync(path.join(vault, r.createdForAttendees[0] as string), 'utf8');
    expect(stranger).toMatch(/emails:\n {2}- stranger\d+@elsewhere\.example\n/);
    expect(stranger).toMatch(/## Interactions\n\n- \d{4}-\d{2}-\d{2} · meeting · /);
    expect((await cli('import', ...args, '--json')).json().attendeesWithoutNote.count).toBe(0);
    // Said in words too: notes were made, so it was not "already up to date".
    await cli('undo', '--vault', vault);
    const human = await cli('import', ...args, '--create-attendees');
    expect(human.out).not.toContain('Already up to date');
    expect(human.out).not.toContain('attendees with no note');
    expect(human.out).toMatch(
      new RegExp(
        `^ +${r.createdForAttendees.length} notes created for people you met \\(undo takes them back\\)$`,
        'm',
      ),
    );

    const undo = await cli('undo', '--vault', vault, '--json');
    expect(undo.code).toBe(0);
    expect(readTree(vault)).toEqual(before);
  });

  it('the same address book as a Google Contacts CSV (told apart by its header) finds the same people', async () => {
    const { vault, files } = setUp();
    await cli('import', files.zip, '--vault', vault, '--today', TODAY);
    const viaCsv = (await cli('import', files.csv, '--vault', vault, '--today', TODAY, '--dry-run', '--json')).json();
    const viaVcf = (await cli('import', files.vcf, '--vault', vault, '--today', TODAY, '--dry-run', '--json')).json();
    const counts = (s: typeof viaCsv) =>
      s.bySource.map((b) => [b.people, b.created, b.updated, b.matched, b.ambiguous] as const);
    expect(viaCsv.bySource.map((b) => b.label)).toEqual(['Google Contacts']);
    expect(counts(viaCsv)).toEqual(counts(viaVcf));
    expect(viaCsv.bySource[0]).toMatchObject({
      created: net.expected.newPeople,
      matched: { profile: net.expected.byUrl, email: net.expected.byEmail, name: net.expected.byName },
    });
  });

  it('on a terminal, says how far the calendar is read and clears that line after', async () => {
    const { vault, files } = setUp();
    const progress: Array<string | null> = [];
    const io = {
      out: () => undefined,
      err: () => undefined,
      interrupted: () => false,
      breathe: () => Promise.resolve(),
      workerScript: WORKER,
      progress: (text: string | null) => progress.push(text),
    };
    expect(await runCli(['import', files.ics, '--vault', vault, '--today', TODAY], io)).toBe(0);
    expect(progress).toContain('Reading calendar.ics… 100%');
    expect(progress.every((p) => p === null || /^Reading calendar\.ics… \d+%$/.test(p))).toBe(true);
    expect(progress[progress.length - 1]).toBeNull();
  });

  it('without --my-emails or the setting, the calendar is still read as yours (its name is your address)', async () => {
    const { vault, files } = setUp();
    const r = (await cli('import', files.zip, files.ics, '--vault', vault, '--today', TODAY, '--json')).json();
    const calendar = r.bySource.find((b) => b.label === 'Calendar') as BySource & {
      details: Array<{ items: string[] }>;
    };
    expect(calendar.details[0]!.items[0]).toMatch(/yours: alex\.owner@example\.com \(from calendar name, your name\)/);
  });
});
