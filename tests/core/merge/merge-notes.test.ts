/**
 * Merging two notes about one person on hostile notes: frontmatter unions and conflicts,
 * bodies joined section by section without losing a byte (code blocks that look like
 * headings, CRLF against LF, duplicated log lines), and links to the removed note pointed
 * at the kept one (aliases, headings, embeds, Markdown links, code left alone). A property
 * test checks that every non-duplicate line of both bodies survives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeBodies, mergeFrontmatter, mergeNotes } from '../../../src/core/merge/merge-notes';
import { findLinks, retargetLink, rewriteLinks } from '../../../src/core/merge/rewrite-links';

const side = (path: string, frontmatter: Record<string, unknown>, body = '') => ({ path, frontmatter, body });

describe('frontmatter', () => {
  it('unions lists, fills empties, takes the later last-contact and reports real conflicts', () => {
    const kept = side('People/Jane Doe.md', {
      name: 'Jane Doe',
      linkedin: 'https://www.linkedin.com/in/jane-doe',
      emails: ['jane@acme.example'],
      tags: ['person'],
      trust: 4,
      company: '',
      'last-contact': '2026-01-05',
      'met-where': '[[Web Summit]]',
    });
    const removed = side('People/Jane D.md', {
      name: 'Jane D.',
      email: 'JANE@home.example',
      emails: ['Jane@Acme.example', 'jane@home.example'],
      tags: ['#person', 'friend'],
      trust: 3,
      company: 'Acme',
      'last-contact': '2026-02-01',
      'met-where': '[[Web Summit]]',
      birthday: '--05-01',
    });
    const r = mergeFrontmatter(kept, removed);
    expect(r.set).toEqual({
      email: 'JANE@home.example',
      emails: ['jane@acme.example', 'jane@home.example'],
      tags: ['person', 'friend'],
      company: 'Acme',
      'last-contact': '2026-02-01',
      birthday: '--05-01',
      aliases: ['Jane D.'],
    });
    expect(r.conflicts).toEqual([{ key: 'trust', kept: 4, removed: 3, chosen: 'kept' }]);
    const other = mergeFrontmatter(kept, removed, (c) => (c.key === 'trust' ? 'removed' : 'kept'));
    expect(other.set.trust).toBe(3);
  });

  it("remembers the other note's LinkedIn profile in linkedin-merged, whichever URL is kept", () => {
    const A = 'https://www.linkedin.com/in/ahmed-andersson';
    const B = 'https://www.linkedin.com/in/ahmed-andersson-6sp';
    const kept = side('People/Ahmed Andersson.md', { name: 'Ahmed Andersson', linkedin: A });
    const removed = side('People/Ahmed Andersson 2.md', { name: 'Ahmed Andersson', linkedin: `${B}/` });
    expect(mergeFrontmatter(kept, removed).set).toEqual({ 'linkedin-merged': [B] });
    expect(mergeFrontmatter(kept, removed, () => 'removed').set).toEqual({ linkedin: `${B}/`, 'linkedin-merged': [A] });
    // A chain of merges keeps every profile; the same profile, or none, adds nothing.
    const twice = side(kept.path, { ...kept.frontmatter, 'linkedin-merged': ['https://www.linkedin.com/in/old'] });
    expect(mergeFrontmatter(twice, removed).set['linkedin-merged']).toEqual(['https://www.linkedin.com/in/old', B]);
    expect(mergeFrontmatter(kept, side('People/A.md', { name: 'Ahmed Andersson', linkedin: A })).set).toEqual({});
    expect(mergeFrontmatter(kept, side('People/A.md', { name: 'Ahmed Andersson' })).set).toEqual({});
  });

  it('keeps existing aliases and adds none for the same name', () => {
    expect(mergeFrontmatter(side('a.md', { name: 'A', aliases: 'Al' }), side('b.md', { name: 'Bee' })).set).toEqual({
      aliases: ['Al', 'Bee'],
    });
    expect(mergeFrontmatter(side('a.md', { name: 'Jane' }), side('Jane.md', {})).set).toEqual({});
  });
});

describe('bodies', () => {
  const kept = [
    '[LinkedIn profile](https://www.linkedin.com/in/jane-doe)',
    '',
    '## Interactions',
    '',
    '- 2026-03-14 · meeting · Sync',
    '- 2026-01-02 · call · hello',
    '',
    '## Notes',
    '```md',
    '## Interactions',
    '- 2026-03-14 · meeting · Sync',
    '```',
    '',
  ].join('\n');
  const removed = [
    '[LinkedIn profile](https://www.linkedin.com/in/jane-doe)',
    'Met at the fair.',
    '',
    '## Interactions',
    '',
    '- 2026-03-14 · meeting · Sync',
    '- 2025-12-24 · email · season greetings',
    '',
    '## From address book',
    '',
    'Likes tea.',
    '',
  ].join('\r\n');

  it('joins under the same headings, appends new sections, drops only word-for-word duplicates', () => {
    expect(mergeBodies(kept, removed)).toBe(
      [
        '[LinkedIn profile](https://www.linkedin.com/in/jane-doe)',
        '',
        'Met at the fair.',
        '',
        '## Interactions',
        '',
        '- 2026-03-14 · meeting · Sync',
        '- 2026-01-02 · call · hello',
        '- 2025-12-24 · email · season greetings',
        '',
        '## Notes',
        '```md',
        '## Interactions',
        '- 2026-03-14 · meeting · Sync',
        '```',
        '',
        '## From address book',
        '',
        'Likes tea.',
        '',
      ].join('\n'),
    );
  });

  it("places the other note's dated interactions by date in the log, before what the user wrote under it", () => {
    // A real-scale trial: the other note's `- 2025-11-12 · event` came after the user's closing
    // paragraph, and its text was glued under the profile line, rendering as one paragraph.
    const mine = [
      '[LinkedIn profile](https://www.linkedin.com/in/sam)',
      '',
      '## Interactions',
      '',
      '- 2026-02-01 · call · catch-up',
      '- 2025-01-10 · email · intro',
      '',
      'Sam prefers calls to e-mail.',
      '',
    ].join('\n');
    const other = [
      'Business card from Web Summit.',
      '',
      '## Interactions',
      '',
      '- 2025-11-12 · event · Web Summit',
      '- 2024-06-01 · other · first hello',
      '',
    ].join('\n');
    expect(mergeBodies(mine, other)).toBe(
      [
        '[LinkedIn profile](https://www.linkedin.com/in/sam)',
        '',
        'Business card from Web Summit.',
        '',
        '## Interactions',
        '',
        '- 2026-02-01 · call · catch-up',
        '- 2025-11-12 · event · Web Summit',
        '- 2025-01-10 · email · intro',
        '- 2024-06-01 · other · first hello',
        '',
        'Sam prefers calls to e-mail.',
        '',
      ].join('\n'),
    );
    // An item with lines of its own under it, or code: the other note's log moves as written,
    // never torn apart (found in review: sub-items were left under another interaction).
    const nested =
      '## Interactions\n\n- 2025-11-12 · event · Web Summit\n  - talked about hiring\n- 2024-06-01 · other · hello\n';
    expect(mergeBodies(mine, nested)).toContain(
      'Sam prefers calls to e-mail.\n\n- 2025-11-12 · event · Web Summit\n  - talked about hiring\n- 2024-06-01 · other · hello\n',
    );
    const fenced = '## Interactions\n\n```\n- 2025-11-12 · example\n```\n';
    expect(mergeBodies(mine, fenced)).toContain('```\n- 2025-11-12 · example\n```\n');
    // A list goes on as a list.
    expect(mergeBodies('## Ideas\n- one\n', '## Ideas\n- two\n')).toBe('## Ideas\n- one\n- two\n');
  });

  it('a CRLF kept note stays CRLF; a heading inside code is not a section', () => {
    const out = mergeBodies(removed, kept);
    expect(out.split('\r\n').length).toBeGreaterThan(10);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toContain('```md\r\n## Interactions\r\n- 2026-03-14 · meeting · Sync\r\n```');
  });

  it('every line of both bodies survives, except word-for-word duplicates in the same section', () => {
    const lineArb = fc.oneof(
      fc.constantFrom('## Interactions', '## Notes', '### Deep', '```', '~~~', '', '- same line'),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    );
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 15 }),
        fc.array(lineArb, { maxLength: 15 }),
        fc.boolean(),
        (a, b, crlf) => {
          const kb = a.join('\n');
          const rb = b.join(crlf ? '\r\n' : '\n');
          const out = mergeBodies(kb, rb).split(/\r?\n/);
          for (const line of a) expect(out).toContain(line);
          for (const line of b) if (line.trim() !== '') expect(out.map((l) => l.trim())).toContain(line.trim());
        },
      ),
    );
  });

  it('mergeNotes puts both together', () => {
    const r = mergeNotes(side('a.md', { name: 'A' }, '## X\n- one\n'), side('b.md', { name: 'A' }, '## X\n- two\n'));
    expect(r).toEqual({ set: {}, conflicts: [], body: '## X\n- one\n- two\n' });
  });
});

describe('links', () => {
  const text = [
    'See [[Jane D.]] and [[People/Jane D.|her]] and [[Jane D.#Notes|notes]].',
    '![[Jane D.]] and [old](People/Jane%20D..md#Interactions "title") and [web](https://x.org/Jane D.md)',
    '`[[Jane D.]]` stays, and',
    '```',
    '[[Jane D.]]',
    '```',
    '[[Jane Doe]] is already right.',
  ].join('\n');

  it('finds links outside code only', () => {
    expect(findLinks(text).map((l) => l.target)).toEqual([
      'Jane D.',
      'People/Jane D.',
      'Jane D.',
      'Jane D.',
      'People/Jane D..md',
      'Jane Doe',
    ]);
  });

  it('points them at the kept note, keeping display text, headings, embeds and titles', () => {
    const isOld = (t: string) => /^(?:People\/)?Jane D\.(?:\.md)?$/.test(t);
    const r = rewriteLinks(text, isOld, 'Jane Doe');
    expect(r.count).toBe(5);
    expect(r.text).toBe(
      [
        'See [[Jane Doe]] and [[Jane Doe|her]] and [[Jane Doe#Notes|notes]].',
        '![[Jane Doe]] and [old](Jane%20Doe.md#Interactions "title") and [web](https://x.org/Jane D.md)',
        '`[[Jane D.]]` stays, and',
        '```',
        '[[Jane D.]]',
        '```',
        '[[Jane Doe]] is already right.',
      ].join('\n'),
    );
    expect(retargetLink('![[Old^block|x]]', 'People/New')).toBe('![[People/New^block|x]]');
  });
});
