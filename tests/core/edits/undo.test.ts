/**
 * The one undo rule (plugin and CLI): exact restore when the note is as the change left it,
 * else take back only the change's own keys and lines, else leave the note and say why.
 * Pins that later edits by the user are never thrown away, whichever adapter undoes.
 */
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  planEntryUndo,
  planNoteUndo,
  sanitizeUndoEntry,
  trimUndoHistory,
  type NoteChange,
} from '../../../src/core/edits/undo';

const note = (fm: string, body = '') => `---\n${fm}---\n${body}`;
const parse = (yaml: string): unknown => YAML.parse(yaml);
const BEFORE = note('name: Ann\nmet-where:\n', '## Interactions\n\n');
const AFTER = note('name: Ann\nmet-where: Web Summit\n', '## Interactions\n\n- 2026-11-26 · met at Web Summit\n');
const change: NoteChange = { path: 'People/Ann.md', before: BEFORE, after: AFTER };

describe('planNoteUndo', () => {
  it('puts the old text back byte for byte when the note is as the change left it', () => {
    expect(planNoteUndo(change, AFTER, parse)).toEqual({ kind: 'restore', path: 'People/Ann.md', text: BEFORE });
  });

  it('takes back only its own key and line when the user wrote elsewhere since', () => {
    const now = note(
      'name: Ann\nmet-where: Web Summit\ntrust: 4\n',
      '## Interactions\n\n- 2026-11-26 · met at Web Summit\nmine\n',
    );
    expect(planNoteUndo(change, now, parse)).toEqual({
      kind: 'revert',
      path: 'People/Ann.md',
      fields: [{ key: 'met-where', value: null }],
      body: '## Interactions\n\nmine\n',
    });
  });

  it('leaves the note and says why when the user changed the very key', () => {
    const now = AFTER.replace('met-where: Web Summit', 'met-where: Lisbon');
    expect(planNoteUndo(change, now, parse)).toEqual({
      kind: 'skip',
      path: 'People/Ann.md',
      reason: 'met-where was changed since (now "Lisbon")',
    });
  });

  it('deletes a note it created only while untouched; brings back a note it moved away only into an empty place', () => {
    const created: NoteChange = { path: 'List.md', before: null, after: 'x' };
    expect(planNoteUndo(created, 'x', parse).kind).toBe('delete');
    expect(planNoteUndo(created, 'x and more', parse)).toMatchObject({
      kind: 'skip',
      reason: 'it was edited after it was created',
    });
    const moved: NoteChange = { path: 'Old.md', before: 'text', after: null };
    expect(planNoteUndo(moved, null, parse)).toEqual({ kind: 'restore', path: 'Old.md', text: 'text' });
    expect(planNoteUndo(moved, 'someone else', parse)).toMatchObject({
      kind: 'skip',
      reason: 'another note has taken its place',
    });
  });

  it('a note already as it was before the change (an undo stopped part-way, run again) counts as taken back', () => {
    expect(planNoteUndo(change, BEFORE, parse)).toEqual({ kind: 'restore', path: 'People/Ann.md', text: BEFORE });
    const moved: NoteChange = { path: 'Old.md', before: 'text', after: null };
    expect(planNoteUndo(moved, 'text', parse)).toEqual({ kind: 'restore', path: 'Old.md', text: 'text' });
  });

  it('a note gone since, or whose YAML broke since, is left alone with the reason', () => {
    expect(planNoteUndo(change, null, parse)).toMatchObject({ kind: 'skip', reason: 'it was moved or deleted since' });
    expect(planNoteUndo(change, AFTER.replace('name: Ann', 'name: [Ann'), parse)).toMatchObject({
      kind: 'skip',
      reason: 'its frontmatter can no longer be read',
    });
  });
});

describe('planEntryUndo', () => {
  // A merge in the CLI moves the other note to .trash: the old place emptied, the copy created.
  const move = {
    label: 'merge',
    notes: [
      { path: 'People/Bo.md', before: 'Bo', after: null },
      { path: '.trash/Bo.md', before: null, after: 'Bo' },
    ],
  };

  it('brings a moved note back and removes the copy', () => {
    const files: Record<string, string> = { '.trash/Bo.md': 'Bo' };
    expect(planEntryUndo(move, (p) => files[p] ?? null, parse).map((s) => s.kind)).toEqual(['restore', 'delete']);
  });

  it('keeps the copy when the old place is taken, so the note is never lost', () => {
    const files: Record<string, string> = { 'People/Bo.md': 'someone new', '.trash/Bo.md': 'Bo' };
    expect(planEntryUndo(move, (p) => files[p] ?? null, parse)).toEqual([
      { kind: 'skip', path: 'People/Bo.md', reason: 'another note has taken its place' },
      { kind: 'skip', path: '.trash/Bo.md', reason: 'kept, because People/Bo.md could not come back' },
    ]);
  });
});

describe('trimUndoHistory', () => {
  const entry = (label: string, chars: number) => ({
    label,
    notes: [{ path: `${label}.md`, before: 'x'.repeat(chars), after: '' }],
  });

  it('keeps the newest entries up to the depth and drops older ones once the text kept is too big', () => {
    const history = [entry('a', 10), entry('b', 10), entry('c', 10), entry('d', 10)];
    expect(trimUndoHistory(history, 3, 1000).map((e) => e.label)).toEqual(['b', 'c', 'd']);
    expect(trimUndoHistory(history, 10, 25).map((e) => e.label)).toEqual(['c', 'd']);
  });

  it('always keeps the newest change, however big (a bulk action on thousands of people)', () => {
    expect(trimUndoHistory([entry('small', 5), entry('bulk', 5000)], 10, 100).map((e) => e.label)).toEqual(['bulk']);
  });
});

describe('sanitizeUndoEntry', () => {
  it('reads a stored entry (moved-away notes included) and rejects anything else', () => {
    const stored = { label: 'merge', notes: [{ path: 'a.md', before: 'x', after: null }] };
    expect(sanitizeUndoEntry(stored)).toEqual(stored);
    expect(sanitizeUndoEntry({ label: 'x', notes: [{ path: 'a.md', before: null, after: null }] })).toBeNull();
    expect(sanitizeUndoEntry({ label: 'x', notes: [{ path: 'a.md', before: 1, after: 'y' }] })).toBeNull();
    expect(sanitizeUndoEntry('nonsense')).toBeNull();
    // What a change did to sent-invitation decisions (null: none) comes back as stored; a damaged one voids the entry.
    const waiting = { decision: 'waiting', on: '2026-11-01' };
    const withdrawn = { decision: 'withdrawn', on: '2026-11-27' };
    const decided = {
      label: 'withdrawn: Ann',
      notes: [],
      sentDecisions: { 'url:a': { before: null, after: withdrawn }, 'url:b': { before: waiting, after: withdrawn } },
    };
    expect(sanitizeUndoEntry(decided)).toEqual(decided);
    // The CLI's journal id (a stopped command is never stored twice) is kept; anything else there is dropped.
    expect(sanitizeUndoEntry({ ...decided, journal: '123-abc' })).toEqual({ ...decided, journal: '123-abc' });
    expect(sanitizeUndoEntry({ ...stored, journal: 7 })).toEqual(stored);
    expect(
      sanitizeUndoEntry({
        ...decided,
        sentDecisions: { 'url:a': { before: { decision: 'maybe', on: 'x' }, after: null } },
      }),
    ).toBeNull();
    expect(sanitizeUndoEntry({ ...decided, sentDecisions: { 'url:a': null } })).toBeNull();
  });
});
