/**
 * The undo journal's fold (core/edits/undo-journal.ts): what a command stopped part-way did,
 * from the lines it wrote before and after each note and the notes as they are now. Pins,
 * because `undo` acts on it: a note never written is left out; a write whose end line is
 * missing is judged by the note (done, not done, or changed since by someone else, when the
 * undo rule must keep that change); a note written twice keeps its first text before; a torn
 * or foreign line is not read as one. The property: whatever point a run of writes is cut
 * at, undoing the folded changes gives back the vault as it was before the command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldJournal, sanitizeJournalLine, type JournalLine } from '../../../src/core/edits/undo-journal';
import { planEntryUndo } from '../../../src/core/edits/undo';

const notes = (texts: Record<string, string | null>) => (p: string) => texts[p] ?? null;
const noParse = () => ({});

describe('foldJournal', () => {
  it('a created note whose write ended is one change; a note begun and never written is none', () => {
    const lines: JournalLine[] = [
      { path: 'A.md', before: null, planned: 'a' },
      { path: 'A.md', after: 'a' },
      { path: 'B.md', before: null, planned: 'b' },
    ];
    expect(foldJournal(lines, notes({ 'A.md': 'a' }))).toEqual([{ path: 'A.md', before: null, after: 'a' }]);
  });

  it('a write begun and not seen to end: the note says whether it happened', () => {
    const begun: JournalLine[] = [{ path: 'A.md', before: 'old', planned: 'new' }];
    expect(foldJournal(begun, notes({ 'A.md': 'new' }))).toEqual([{ path: 'A.md', before: 'old', after: 'new' }]);
    expect(foldJournal(begun, notes({ 'A.md': 'old' }))).toEqual([]);
    // Changed by someone else since: the change keeps the text the write meant, so undo sees the later edit.
    expect(foldJournal(begun, notes({ 'A.md': 'theirs' }))).toEqual([{ path: 'A.md', before: 'old', after: 'new' }]);
    // Killed between the file's creation and the write of its text: an empty note, the command's own.
    const created: JournalLine[] = [{ path: 'A.md', before: null, planned: 'new' }];
    expect(foldJournal(created, notes({ 'A.md': '' }))).toEqual([{ path: 'A.md', before: null, after: '' }]);
    // An edit's text after is not known before it is made: the note gives it.
    expect(foldJournal([{ path: 'A.md', before: 'old' }], notes({ 'A.md': 'edited' }))).toEqual([
      { path: 'A.md', before: 'old', after: 'edited' },
    ]);
  });

  it('a note written twice keeps its first text before and its last text after', () => {
    const lines: JournalLine[] = [
      { path: 'A.md', before: 'v1' },
      { path: 'A.md', after: 'v2' },
      { path: 'A.md', before: 'v2' },
      { path: 'A.md', after: 'v3' },
    ];
    expect(foldJournal(lines, notes({ 'A.md': 'v3' }))).toEqual([{ path: 'A.md', before: 'v1', after: 'v3' }]);
    // Cut before the second write: only the first happened.
    expect(foldJournal(lines.slice(0, 3), notes({ 'A.md': 'v2' }))).toEqual([
      { path: 'A.md', before: 'v1', after: 'v2' },
    ]);
  });

  it('a try made again (another program saved the note meanwhile) starts from the text it was made from', () => {
    const lines: JournalLine[] = [
      { path: 'A.md', before: 'old', planned: 'old+ours' },
      { path: 'A.md', before: 'old+theirs', planned: 'old+theirs+ours' },
      { path: 'A.md', after: 'old+theirs+ours' },
    ];
    // Their save is not the command's change: undo gives back their text, not the old one.
    expect(foldJournal(lines, notes({ 'A.md': 'old+theirs+ours' }))).toEqual([
      { path: 'A.md', before: 'old+theirs', after: 'old+theirs+ours' },
    ]);
    // Killed before the second try's end line: the same.
    expect(foldJournal(lines.slice(0, 2), notes({ 'A.md': 'old+theirs+ours' }))).toEqual([
      { path: 'A.md', before: 'old+theirs', after: 'old+theirs+ours' },
    ]);
  });

  it('a move is the old place emptied and the copy made', () => {
    const lines: JournalLine[] = [
      { path: 'A.md', before: 'a' },
      { path: 'Trash/A.md', before: null, planned: 'a' },
      { path: 'A.md', after: null },
      { path: 'Trash/A.md', after: 'a' },
    ];
    expect(foldJournal(lines, notes({ 'Trash/A.md': 'a' }))).toEqual([
      { path: 'A.md', before: 'a', after: null },
      { path: 'Trash/A.md', before: null, after: 'a' },
    ]);
    // Killed before the rename: nothing moved, nothing to undo.
    expect(foldJournal(lines.slice(0, 2), notes({ 'A.md': 'a' }))).toEqual([]);
  });
});

describe('sanitizeJournalLine', () => {
  it('reads the two kinds of line and nothing else', () => {
    expect(sanitizeJournalLine({ path: 'A.md', before: null, planned: 'x' })).toEqual({
      path: 'A.md',
      before: null,
      planned: 'x',
    });
    expect(sanitizeJournalLine({ path: 'A.md', after: null })).toEqual({ path: 'A.md', after: null });
    for (const bad of [null, 'x', { path: 1, after: 'a' }, { path: 'A', before: 'a', after: 'b' }, { path: 'A' }])
      expect(sanitizeJournalLine(bad)).toBeNull();
    expect(sanitizeJournalLine({ path: 'A.md', before: 'a', planned: 3 })).toBeNull();
  });
});

describe('a command cut at any point is undone whole', () => {
  // A command: creates and edits of notes (some twice), each journaled before and after; the
  // process is killed at any line, possibly between a write and its end line.
  const step = fc.record({
    note: fc.constantFrom('A.md', 'B.md', 'C.md', 'D.md'),
    text: fc.string({ maxLength: 3 }).map((s) => `t${s}`),
  });
  it('holds for every cut', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.boolean(),
        (steps, cutAt, writeBeforeCut) => {
          const start: Record<string, string | null> = { 'A.md': 'a0', 'B.md': null, 'C.md': 'c0', 'D.md': null };
          const vault = { ...start };
          const journal: JournalLine[] = [];
          const cut = cutAt % (steps.length * 2 + 1);
          let lines = 0;
          for (const { note, text } of steps) {
            if (lines++ >= cut) break;
            journal.push({ path: note, before: vault[note] ?? null, planned: text });
            // The kill may come after the write and before its end line.
            if (lines >= cut) {
              if (writeBeforeCut) vault[note] = text;
              break;
            }
            vault[note] = text;
            lines++;
            journal.push({ path: note, after: text });
          }
          const changes = foldJournal(journal, (p) => vault[p] ?? null);
          for (const s of planEntryUndo({ label: 'x', notes: changes }, (p) => vault[p] ?? null, noParse)) {
            if (s.kind === 'delete') vault[s.path] = null;
            else if (s.kind === 'restore') vault[s.path] = s.text;
            else throw new Error(`unexpected ${s.kind} of ${s.path}`);
          }
          expect(vault).toEqual(start);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
