import { describe, expect, it } from 'vitest';
import { parseConnections } from '../../../src/core/linkedin/connections';
import { invitationCounterpart, parseInvitations } from '../../../src/core/linkedin/invitations';
import { parseMessages } from '../../../src/core/linkedin/messages';
import { PREAMBLE } from '../../../scripts/lib/synthetic-export';
import { exportOf, messages2021, messages2024, url, type MessageRow } from '../../support/export-builder';

describe('parseConnections', () => {
  const text = `${PREAMBLE}First Name,Last Name,URL,Email Address,Company,Position,Connected On
Jane ,Doe,https://www.linkedin.com/in/jane-doe,,Acme,"Deputy Director, Futures",16 Dec 2024
,,,,,,14 Sep 2024
Matej,Šarić,https://www.linkedin.com/in/matej-%C5%A1ari%C4%87-a9,,,,13 Sep 2024
Jane,Doe,https://www.linkedin.com/in/JANE-DOE/,,Acme,CTO,12 Sep 2024
Urn,Person,https://www.linkedin.com/in/urn,urn:li:member:1,,,31 Feb 2024
,,,,Lonely Co,Boss,1 Jan 2024
Real,Mail,https://www.linkedin.com/in/real,real@example.com,,,1 Jan 2024`;
  const file = parseConnections(text, 'Connections.csv');

  it('reads people with trimmed names, canonical URLs and ISO dates', () => {
    expect(file.records[0]).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      name: 'Jane Doe',
      profileUrl: 'https://www.linkedin.com/in/jane-doe',
      email: null,
      company: 'Acme',
      position: 'Deputy Director, Futures',
      connectedOn: '2024-12-16',
      source: { file: 'Connections.csv', line: 5 },
    });
    expect(file.records[1]?.profileUrl).toBe('https://www.linkedin.com/in/matej-šarić-a9');
    expect(file.hasUrlColumn).toBe(true);
  });

  it('skips blank member rows, duplicates and nameless rows, with line numbers', () => {
    expect(file.blankMemberRows).toBe(1);
    expect(file.skipped.map((s) => [s.line, s.reason.split(':')[0]])).toEqual([
      [6, 'blank member row'],
      [8, 'same person as line 5'],
      [10, 'no name and no profile URL, so there is nobody to make a note for'],
    ]);
  });

  it('treats a member URN as no email, keeps real emails, and reports an impossible date without guessing', () => {
    const urn = file.records.find((r) => r.name === 'Urn Person');
    expect(urn?.email).toBeNull();
    expect(urn?.connectedOn).toBeNull();
    expect(file.warnings).toEqual([
      {
        file: 'Connections.csv',
        line: 9,
        reason: expect.stringContaining('cannot read the date "31 Feb 2024"') as string,
      },
    ]);
    expect(file.records.find((r) => r.name === 'Real Mail')?.email).toBe('real@example.com');
  });

  it('says what it found and what it expected for a file that is not Connections', () => {
    expect(() => parseConnections('Organization,Followed On\nAcme,x', 'Connections.csv')).toThrow(
      /^Connections\.csv: found "Organization,Followed On", expected a LinkedIn Connections\.csv header/,
    );
  });

  it("names the line and the column when the header lacks one, below LinkedIn's preamble too", () => {
    const noDate = `${PREAMBLE}First Name,Last Name,URL,Email Address,Company,Position\nAnn,Lee,${url('ann-lee')},,Acme,CTO\n`;
    const headerLine = PREAMBLE.split('\n').length;
    expect(() => parseConnections(noDate, 'Connections.csv')).toThrow(
      new RegExp(
        `^Connections\\.csv, line ${headerLine}: the header has no "Connected On" column; expected a LinkedIn`,
      ),
    );
    expect(() => parseInvitations('From,To,Sent At,Message\nA,B,"1/1/24, 10:00 AM",hi\n', 'Invitations.csv')).toThrow(
      /^Invitations\.csv, line 1: the header has no "Direction" column/,
    );
    expect(() => parseInvitations('From,To,Message\nA,B,hi\n', 'Invitations.csv')).toThrow(
      /^Invitations\.csv, line 1: the header lacks the columns "Sent At", "Direction"/,
    );
    expect(() => parseMessages('CONVERSATION ID,FROM,TO,CONTENT\n1,A,B,hi\n', 'messages.csv')).toThrow(
      /^messages\.csv, line 1: the header has no "DATE" column/,
    );
  });

  it('uses name and date as the identity when there are no URLs (pre-2023)', () => {
    const old = parseConnections(
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,,A,,"1/8/18, 6:14 PM"\nAnn,Lee,,B,,"1/9/18, 6:14 PM"\nAnn,Lee,,A,,"1/8/18, 7:00 PM"',
      'c.csv',
    );
    expect(old.hasUrlColumn).toBe(false);
    expect(old.records.map((r) => r.company)).toEqual(['A', 'B']);
    expect(old.skipped[0]?.reason).toBe('same person as line 2');
  });

  it('keeps two namesakes who connected on the same day when company, position or email differ', () => {
    const old = parseConnections(
      'First Name,Last Name,Email Address,Company,Position,Connected On\nWei,Wang,,Initech,Engineer,12 Mar 2022\nWei,Wang,,Globex,Analyst,12 Mar 2022\nWei,Wang,,Initech,Engineer,12 Mar 2022',
      'c.csv',
    );
    expect(old.records.map((r) => r.company)).toEqual(['Initech', 'Globex']);
    expect(old.skipped.map((s) => [s.line, s.reason])).toEqual([[4, 'same person as line 2']]);
  });
});

describe('parseInvitations', () => {
  it('reads both directions and both header versions', () => {
    const modern = parseInvitations(
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nMe,"Chavez, MBA","12/15/24, 7:47 AM",,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/ümit\nAnna Daiko ,Me,"4/6/26, 2:12 PM","Hi, we met",INCOMING,https://www.linkedin.com/in/anna,https://www.linkedin.com/in/me',
      'Invitations.csv',
    );
    expect(modern.hasProfileUrls).toBe(true);
    expect(modern.records.map((r) => [r.direction, r.sentOn, invitationCounterpart(r)])).toEqual([
      ['outgoing', '2024-12-15', { name: 'Chavez, MBA', profileUrl: 'https://www.linkedin.com/in/ümit' }],
      ['incoming', '2026-04-06', { name: 'Anna Daiko', profileUrl: 'https://www.linkedin.com/in/anna' }],
    ]);
    expect(modern.records[1]?.message).toBe('Hi, we met');
    const old = parseInvitations(
      'From,To,Date Sent,Message,Direction\nMeekha E .  Saji,Me,"7/10/18, 9:48 AM",,INCOMING',
      'Invitations.csv',
    );
    expect(old.hasProfileUrls).toBe(false);
    expect(invitationCounterpart(old.records[0]!)).toEqual({ name: 'Meekha E . Saji', profileUrl: null });
  });

  it('skips rows with an unknown direction or unreadable date, naming the line', () => {
    const f = parseInvitations(
      'From,To,Sent At,Message,Direction\nA,B,"1/1/24, 1:00 AM",,SIDEWAYS\nA,B,never,,INCOMING',
      'Invitations.csv',
    );
    expect(f.skipped.map((s) => s.line)).toEqual([2, 3]);
    expect(f.skipped[0]?.reason).toContain('expected INCOMING or OUTGOING');
  });
});

/** Message `i` of people writing in turn: `from` (their profile URL from their name) to `to`, on day i + 1. */
const turn = (conversation: string, from: string, to: string, i: number): MessageRow => ({
  conversation,
  from,
  fromUrl: url(from.toLowerCase()),
  to,
  at: `2024-01-0${i + 1} 10:00:00 UTC`,
});

describe('parseMessages', () => {
  it('skips drafts and sponsored rows and never splits TO on commas', () => {
    const text = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT',
      '2-a,Sponsored Conversation,LinkedIn Member,,Me,https://www.linkedin.com/in/me,2024-12-06 02:20:21 UTC,,"<p class=""x"">Ad</p>",INBOX,No,No',
      '2-b,,Me,https://www.linkedin.com/in/me,Ümit,https://www.linkedin.com/in/ümit-t,2024-12-04 20:56:47 UTC,,,INBOX,Yes,No',
      '2-c,Group,Trent,https://www.linkedin.com/in/trent,"Walid Timimi, FICS (UK), MSc,Lukas J,Me","https://www.linkedin.com/in/walid,https://www.linkedin.com/in/lukas,https://www.linkedin.com/in/me",2024-12-01 10:00:00 UTC,,hello,INBOX,No,No',
      ',,Me,https://www.linkedin.com/in/me,,,2024-12-10 10:00:00 UTC,,draft,,,',
    ].join('\n');
    const f = parseMessages(text, 'messages.csv');
    expect(f.format).toBe('2024');
    expect(f.skippedSponsored).toBe(1);
    expect(f.skippedDrafts).toBe(2);
    expect(f.records).toHaveLength(1);
    expect(f.records.record(0)).toMatchObject({
      to: 'Walid Timimi, FICS (UK), MSc,Lukas J,Me',
      recipientUrls: [
        'https://www.linkedin.com/in/walid',
        'https://www.linkedin.com/in/lukas',
        'https://www.linkedin.com/in/me',
      ],
      date: '2024-12-01',
    });
  });

  it('reads every row’s own conversation, names and sender as people write in turn (rows of one conversation come together)', () => {
    const turns: [string, string, string][] = [
      ['c1', 'Ann', 'Me'],
      ['c1', 'Me', 'Ann'],
      ['c1', 'Ann', 'Me'],
      ['c2', 'Bo', 'Me'],
      ['c1', 'Me', 'Ann'],
      ['c3', 'Cy', 'Me'],
      ['c2', 'Me', 'Bo'],
      ['c2', 'Bo', 'Me'],
    ];
    const f = exportOf(messages2021(turns.map(([c, from, to], i) => turn(c, from, to, i)))).messages[0]!;
    expect(f.records.toArray().map((m) => [m.conversationId, m.from, m.to, m.senderUrl, m.date])).toEqual(
      turns.map(([c, from, to], i) => [
        c,
        from,
        to,
        `https://www.linkedin.com/in/${from.toLowerCase()}`,
        `2024-01-0${i + 1}`,
      ]),
    );
  });

  it('reads every row’s own recipients as people write in turn, in the 2024 shape with their URLs', () => {
    const turns: [string, string, string[]][] = [
      ['c1', 'Ann', ['Me']],
      ['c1', 'Me', ['Ann']],
      ['c2', 'Bo', ['Me']],
      ['c1', 'Ann', ['Me']],
      ['c3', 'Cy', ['Me', 'Ann']],
      ['c2', 'Me', ['Bo']],
      ['c1', 'Me', ['Ann']],
    ];
    const f = exportOf(
      messages2024(
        turns.map(([c, from, to], i) => ({
          ...turn(c, from, to.join(', '), i),
          toUrls: to.map((t) => url(t.toLowerCase())),
        })),
      ),
    ).messages[0]!;
    expect(f.format).toBe('2024');
    expect(f.records.toArray().map((m) => [m.from, m.recipientUrls])).toEqual(
      turns.map(([, from, to]) => [from, to.map((t) => `https://www.linkedin.com/in/${t.toLowerCase()}`)]),
    );
  });

  it('reads the 2018 format with its Direction column', () => {
    const f = parseMessages(
      'From,To,Date,Subject,Content,Direction,Folder\nAngela from,Me,"10/16/18, 8:36 AM",Hi,"Hi&nbsp;there",INCOMING,INBOX',
      'Messages.csv',
    );
    expect(f.format).toBe('2018');
    expect(f.records.record(0)).toMatchObject({
      from: 'Angela from',
      direction: 'incoming',
      date: '2018-10-16',
      senderUrl: null,
    });
  });
});
