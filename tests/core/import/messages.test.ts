/**
 * messages.csv in the import: last message, who sent it, unanswered streak, per person,
 * with the owner found from sent invitations or the most frequent sender.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { findOwner } from '../../../src/core/import/export-owner';
import { aggregateMessages } from '../../../src/core/import/messages-plan';
import { planImport } from '../../../src/core/import/plan';
import { readExport, type ExportInput } from '../../../src/core/linkedin/read-export';
import { generateExport } from '../../../scripts/lib/synthetic-export';
import { MemoryVault } from '../../support/memory-vault';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string): ExportInput => ({ name, bytes: enc(text), origin: 'picked' });
const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };
const H24 =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n';
const H21 = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n';
const ME = 'https://www.linkedin.com/in/me';
const OWNER = { name: 'Me', profileUrl: ME };
const CONNECTIONS = file(
  'Connections.csv',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nHasan,Çankaya,https://www.linkedin.com/in/hasan-%C3%A7ankaya-31,,,,01 Jan 2024\nBo,Kim,https://www.linkedin.com/in/bo-kim,,,,01 Jan 2024\nCy,Fox,https://www.linkedin.com/in/cy-fox,,,,01 Jan 2024',
);

const MESSAGES_2024 = file(
  'messages.csv',
  H24 +
    [
      // Hasan writes (decoded URL, upper case), then I answer twice: waiting on him, 2 unanswered.
      `c1,,Hasan Çankaya,https://www.linkedin.com/in/HASAN-ÇANKAYA-31/,Me,${ME},2026-03-01 10:00:00 UTC,,hi,INBOX,No`,
      `c1,,Me,${ME},Hasan Çankaya,https://www.linkedin.com/in/hasan-çankaya-31,2026-03-02 10:00:00 UTC,,hello,INBOX,No`,
      `c1,,Me,${ME},Hasan Çankaya,https://www.linkedin.com/in/hasan-çankaya-31,2026-03-05 10:00:00 UTC,,ping,INBOX,No`,
      // A group message from me: counts for each participant by URL, never by splitting TO.
      `c2,Team,Me,${ME},"Kim, Bo (PhD),Fox, Cy","https://www.linkedin.com/in/bo-kim,https://www.linkedin.com/in/cy-fox",2026-04-01 09:00:00 UTC,,all,INBOX,No`,
      `c2,Team,Cy Fox,https://www.linkedin.com/in/cy-fox,"Me,Kim, Bo (PhD)","${ME},https://www.linkedin.com/in/bo-kim",2026-04-02 09:00:00 UTC,,reply,INBOX,No`,
      // A draft and a sponsored message: skipped and counted.
      `,,Me,${ME},,,2026-05-01 09:00:00 UTC,,draft,,Yes`,
      `c3,Sponsored Conversation,LinkedIn Member,,Me,${ME},2026-05-02 09:00:00 UTC,,<p>ad</p>,INBOX,No`,
    ].join('\n'),
);

describe('messages', () => {
  it('finds the owner from the invitations, else from the most frequent sender', () => {
    const withInvites = readExport([
      MESSAGES_2024,
      file(
        'Invitations.csv',
        `From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nMe,X,"1/1/26, 1:00 PM",,OUTGOING,${ME},https://www.linkedin.com/in/x`,
      ),
    ]);
    expect(findOwner(withInvites)).toEqual({ owner: OWNER, rule: 'invitations' });
    expect(findOwner(readExport([MESSAGES_2024]))).toEqual({ owner: OWNER, rule: 'most frequent sender' });
  });

  it('counts per person: last date, last sender, unanswered streak; groups by recipient URLs', () => {
    const stats = aggregateMessages(readExport([MESSAGES_2024]), OWNER);
    const pick = (k: string) => {
      const s = stats.get(k)!;
      return { last: s.lastDate, from: s.lastFrom, sent: s.sent, received: s.received, unanswered: s.unanswered };
    };
    expect(pick('https://www.linkedin.com/in/hasan-çankaya-31')).toEqual({
      last: '2026-03-05',
      from: 'me',
      sent: 2,
      received: 1,
      unanswered: 2,
    });
    expect(pick('https://www.linkedin.com/in/bo-kim')).toEqual({
      last: '2026-04-01',
      from: 'me',
      sent: 1,
      received: 0,
      unanswered: 1,
    });
    expect(pick('https://www.linkedin.com/in/cy-fox')).toEqual({
      last: '2026-04-02',
      from: 'them',
      sent: 1,
      received: 1,
      unanswered: 0,
    });
    expect(stats.size).toBe(3);
  });

  it('learns recipients from who wrote in the conversation before 2024, and falls back to an exact name', () => {
    const exp = readExport([
      file(
        'messages.csv',
        H21 +
          [
            `c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Me,2022-01-01 10:00:00 UTC,,hi,INBOX`,
            `c1,,Me,${ME},Ann Lee,2022-01-02 10:00:00 UTC,,hello,INBOX`,
            `c2,,Me,${ME},Silent Sam,2022-01-03 10:00:00 UTC,,anyone?,INBOX`,
            `c2,,Me,${ME},Silent Sam,2022-01-04 10:00:00 UTC,,hello?,INBOX`,
          ].join('\n'),
      ),
    ]);
    const stats = aggregateMessages(exp, OWNER);
    expect(stats.get('https://www.linkedin.com/in/ann-lee')).toMatchObject({
      lastFrom: 'me',
      unanswered: 1,
      received: 1,
    });
    expect(stats.get('name:silent sam')).toMatchObject({ lastFrom: 'me', unanswered: 2, name: 'Silent Sam' });
  });

  it('writes last-message, last-message-from, unanswered and last-reply into notes, never the text; a re-import writes nothing', async () => {
    const vault = new MemoryVault();
    const plan = await planImport(readExport([CONNECTIONS, MESSAGES_2024]), vault.snapshot(), settings);
    expect(plan.messages).toMatchObject({
      ownerUrl: ME,
      ownerRule: 'most frequent sender',
      messages: 5,
      skippedDrafts: 1,
      skippedSponsored: 1,
      counterparts: 3,
      matched: 3,
    });
    await applyPlan(plan, vault.writer());
    const hasan = vault.files.get('People/Hasan Çankaya.md')!;
    expect(hasan).toContain(
      'linkedin-status: connected\nname: Hasan Çankaya\nlast-message: 2026-03-05\nlast-message-from: me\nunanswered: 2\nlast-reply: 2026-03-01\nmet-where:',
    );
    for (const text of vault.files.values()) expect(text).not.toMatch(/ping|hello|reply(?!:)|<p>ad/); // `last-reply:` is the field, not the text
    vault.writes.length = 0;
    const again = await planImport(readExport([CONNECTIONS, MESSAGES_2024]), vault.snapshot(), settings);
    expect([again.creates.length, again.updates.length]).toEqual([0, 0]);
  });

  it('updates the fields from a newer export, and can log one line per day of messages, once', async () => {
    const vault = new MemoryVault();
    const run = async (inputs: ExportInput[]) =>
      applyPlan(
        await planImport(readExport(inputs), vault.snapshot(), { ...settings, logMessageDays: true }),
        vault.writer(),
      );
    await run([CONNECTIONS, MESSAGES_2024]);
    expect(vault.files.get('People/Hasan Çankaya.md')).toContain(
      '## Interactions\n\n- 2026-03-05 · message · 1 message\n- 2026-03-02 · message · 1 message\n- 2026-03-01 · message · 1 message\n',
    );
    const newer = file(
      'messages.csv',
      `${new TextDecoder().decode(MESSAGES_2024.bytes)}\nc1,,Hasan Çankaya,https://www.linkedin.com/in/hasan-çankaya-31,Me,${ME},2026-03-05 18:00:00 UTC,,sorry,INBOX,No`,
    );
    await run([CONNECTIONS, newer]);
    const hasan = vault.files.get('People/Hasan Çankaya.md')!;
    expect(hasan).toContain('last-message-from: them\nunanswered: 0\n');
    expect(hasan.match(/2026-03-05 · message/g)).toHaveLength(1);
  });

  it('matches the known answers of a generated export', async () => {
    const exp = generateExport({ connections: 300, messages: 3000, invitations: 50, seed: 21 });
    const inputs = Object.entries(exp.files).map(([name, text]) => file(name, text));
    const vault = new MemoryVault();
    const plan = await planImport(readExport(inputs), vault.snapshot(), settings);
    await applyPlan(plan, vault.writer());
    // The truth, computed the plain way from the generated CSV: rows are (from, date) per person.
    const truth = new Map<string, Array<{ mine: boolean; when: string }>>();
    for (const line of exp.files['messages.csv']!.split('\n').slice(1)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      const mine = cells[3] === exp.owner.url;
      const other = mine ? cells[5]! : cells[3]!;
      truth.set(other, [...(truth.get(other) ?? []), { mine, when: cells[6]! }]);
    }
    let checked = 0;
    for (const p of exp.people) {
      const rows = (truth.get(p.url) ?? []).sort((a, b) => a.when.localeCompare(b.when));
      if (rows.length === 0) continue;
      const last = rows[rows.length - 1]!;
      let unanswered = 0;
      for (let i = rows.length - 1; i >= 0 && rows[i]!.mine; i--) unanswered++;
      // last-reply: their newest message, absent when they never wrote.
      const theirs = rows.filter((r) => !r.mine).pop();
      const text = [...vault.files.values()].find((t) => t.includes(`linkedin: ${p.url}\n`))!;
      expect(text).toContain(
        `last-message: ${last.when.slice(0, 10)}\nlast-message-from: ${last.mine ? 'me' : 'them'}\nunanswered: ${unanswered}\n${theirs ? `last-reply: ${theirs.when.slice(0, 10)}\n` : 'met-where:'}`,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(plan.messages.ownerRule).toBe('Profile.csv');
    expect(plan.owner).toEqual({ name: 'Alex Owner', profileUrl: exp.owner.url });
  });
});
