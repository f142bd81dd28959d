/**
 * Tasks that link people, read from note text. Pinned because a link that should not count
 * (in code, a quote, an embed, a comment) would invent follow-ups and contacts, and a
 * missed ✅ date would leave someone looking neglected after you called them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidYmd } from '../../../src/core/dates/iso-date';
import { contactLinkTargets, findTasks, stampDone, taskDisplayText } from '../../../src/core/followups/tasks';

const note = (...lines: string[]) => lines.join('\n');

describe('tasks in a note', () => {
  it('finds open and done tasks with the notes they link', () => {
    const tasks = findTasks(
      note(
        '---',
        'title: x',
        '---',
        '# Plans',
        '- [ ] Send [[Jane Doe]] the deck',
        '* [x] Called [[People/Bo Kim|Bo]] ✅ 2026-05-02',
        '1. [ ] Intro [Cy](People/Cy%20Fox.md) to [Di](<People/Di Ray.md>)',
        '- [/] In progress with [[Eve]]',
        '- [-] Cancelled [[Fay]]',
        '- [ ] No link at all',
      ),
    );
    expect(tasks.map((t) => [t.line, t.state, t.targets])).toEqual([
      [4, 'open', ['Jane Doe']],
      [5, 'done', ['People/Bo Kim']],
      [6, 'open', ['People/Cy Fox.md', 'People/Di Ray.md']],
      [7, 'open', ['Eve']],
      [9, 'open', []],
    ]);
    expect(tasks[1]).toMatchObject({ doneOn: '2026-05-02', heading: 'Plans' });
  });

  it('does not count links in code, quotes, callouts, comments or embeds', () => {
    const tasks = findTasks(
      note(
        '```',
        '- [ ] [[In Fence]]',
        '```',
        '~~~md',
        '- [ ] [[In Tilde Fence]]',
        '~~~',
        '> - [ ] [[Quoted]]',
        '> [!todo] Callout',
        '> - [ ] [[In Callout]]',
        '%%',
        '- [ ] [[In Comment]]',
        '%%',
        '- [ ] See ![[Embedded]] and `[[Inline Code]]` and %%[[Hidden]]%%',
        '- [ ] Mail [x](mailto:a@b.c), [site](https://x.y/Jane.md) and [[Real]]',
      ),
    );
    expect(tasks.map((t) => t.targets)).toEqual([[], ['Real']]);
  });

  it('reads the Tasks plugin dates and a plain date on a checked task', () => {
    const [a, b, c, d, e] = findTasks(
      note(
        '- [x] 2026-04-01 called [[Jane]]',
        '- [x] [[Jane]] 📅 2026-06-01 ➕ 2026-03-01',
        '- [X] [[Jane]] [completion:: 2026-04-03] [created:: 2026-03-03] [due:: 2026-05-05]',
        '- [ ] [[Jane]] ➕ 2026-03-04 📅 2026-04-04',
        '- [x] [[Jane]] on [[2026-02-30]] no real date',
      ),
    );
    expect(a).toMatchObject({ state: 'done', doneOn: '2026-04-01' });
    expect(b).toMatchObject({ state: 'done', doneOn: null, createdOn: '2026-03-01', due: '2026-06-01' });
    expect(c).toMatchObject({ doneOn: '2026-04-03', createdOn: '2026-03-03', due: '2026-05-05' });
    expect(d).toMatchObject({ state: 'open', doneOn: null, createdOn: '2026-03-04', due: '2026-04-04' });
    expect(e).toMatchObject({ doneOn: null });
  });

  it('takes a plain date only when it is not part of a longer number', () => {
    const [a, b, c] = findTasks(
      note(
        '- [x] ticket 12026-04-01, done 2026-04-02 with [[Jane]]',
        '- [x] 2026-04-011 [[Jane]]',
        '- [x] [[Jane]]:2026-04-03',
      ),
    );
    expect(a?.doneOn).toBe('2026-04-02');
    expect(b?.doneOn).toBeNull();
    expect(c?.doneOn).toBe('2026-04-03');
  });

  it('finds the plain date a lookbehind would (the plugin cannot use one: iOS before 16.4)', () => {
    // The reference is the rule as first written, with a lookbehind, which Node runs.
    const reference = (text: string) => /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
    const chars = fc.constantFrom(...'0123456789- x'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const text = cs.join('');
        const task = findTasks(`- [x] [[Jane]] ${text}`)[0];
        const m = reference(`[[Jane]] ${text}`);
        const expected = m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null;
        expect(task?.doneOn).toBe(expected);
      }),
    );
  });

  it('keeps CRLF notes and line numbers as Obsidian counts them', () => {
    const tasks = findTasks('---\r\na: 1\r\n---\r\ntext\r\n- [ ] [[Jane]]\r\n');
    expect(tasks).toMatchObject([{ line: 4, targets: ['Jane'] }]);
  });

  it('shows a task as a person reads it', () => {
    expect(
      taskDisplayText('Send [[People/Jane Doe|Jane]] the [deck](Decks/Q3.md) ⏫ 📅 2026-06-01 ➕ 2026-05-01'),
    ).toBe('Send Jane the deck');
    expect(taskDisplayText('Call [[People/Bo Kim]] ![[pic.png]] [due:: 2026-01-01]')).toBe('Call Bo Kim');
  });

  it("for the daily-note rule, counts links outside open tasks and outside a review's plan", () => {
    expect(
      contactLinkTargets(
        note(
          'Lunch with [[Ann]] and ![[Bo]]',
          '- [ ] Call [[Cy]]',
          '- [x] Called [[Di]]',
          '> quoted [[Eve]]',
          '```',
          '[[Code]]',
          '```',
          '## Reach-outs for 2026-W18',
          '- [x] Reach out to [[Fay]]',
          '\t- Met at [[Gus]]',
          '## Later',
          'Saw [[Hal]]',
        ),
      ),
    ).toEqual(['Ann', 'Bo', 'Di', 'Eve', 'Hal']);
  });

  it('never throws, and finds no link inside a fenced block, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const tasks = findTasks(s);
        const fenced = findTasks(`\`\`\`\n${s.replace(/`|~/g, '')}\n- [ ] [[X]]\n\`\`\``);
        return Array.isArray(tasks) && fenced.length === 0;
      }),
    );
  });
});

describe('stamping a checked task with its done date', () => {
  const note =
    '---\ntags: [daily]\n---\n## Reach-outs\r\n- [x] Reach out to [[Ann]] ➕ 2026-11-23\r\n- [ ] Call [[Bo]]\r\n';
  const [ann, bo] = findTasks(note);

  it('adds ✅ and the date to that line only, keeping the line ending, so the task now reads as done that day', () => {
    const stamped = stampDone(note, ann!, '2026-11-27');
    expect(stamped).toBe(note.replace('➕ 2026-11-23\r\n', '➕ 2026-11-23 ✅ 2026-11-27\r\n'));
    expect(findTasks(stamped!)[0]?.doneOn).toBe('2026-11-27');
  });

  it('puts the date before a block id, so links to the task still resolve', () => {
    const withId = '- [x] Call [[Jane]] ^call-jane\n';
    expect(stampDone(withId, findTasks(withId)[0]!, '2026-11-27')).toBe(
      '- [x] Call [[Jane]] ✅ 2026-11-27 ^call-jane\n',
    );
  });

  it('leaves alone a task that is open, already dated, or no longer on its line', () => {
    expect(stampDone(note, bo!, '2026-11-27')).toBeNull();
    const dated = stampDone(note, ann!, '2026-11-27')!;
    expect(stampDone(dated, findTasks(dated)[0]!, '2026-11-28')).toBeNull();
    expect(stampDone(note.replace('[x] Reach out', '[x] Wrote to'), ann!, '2026-11-27')).toBeNull();
    expect(stampDone('', ann!, '2026-11-27')).toBeNull();
  });
});
