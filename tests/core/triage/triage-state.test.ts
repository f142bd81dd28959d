/**
 * Pins what triage remembers between imports (the vault state): the new-connection window
 * moves only when an export brings newer connections (a re-run or an older export leaves it),
 * the pending sent invitations are the newest export's, and "keep waiting" / "withdrawn"
 * survive a re-import while the invitation is pending, and go with it. A hand-edited or
 * broken record loads as "nothing known", field by field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordImport } from '../../../src/core/import/record-import';
import type { ImportPlan } from '../../../src/core/import/plan-types';
import {
  EMPTY_TRIAGE_STATE,
  recordExportSeen,
  sanitizeTriageState,
  sentDecisionChanges,
  undoSentDecisions,
  withSentDecision,
  type ExportSeen,
} from '../../../src/core/triage/triage-state';
import { EMPTY_VAULT_STATE } from '../../../src/core/vault-state';
import { url } from './builders';

const seen = (newest: string | null, onNewestDay: string[] = [], invitationsFile = false): ExportSeen => ({
  newestConnectedOn: newest,
  onNewestDay,
  invitationsFile,
});
const sent = (name: string, sentOn = '2026-06-01') => ({ name, profileUrl: url(name), sentOn });

describe('the new-connection window across imports', () => {
  it('first import: no window date yet (the setting applies); a newer export: since the previous newest day', () => {
    const first = recordExportSeen(EMPTY_TRIAGE_STATE, seen('2026-11-20', ['a', 'b']), []);
    expect(first).toMatchObject({ newestSeen: '2026-11-20', newestSeenKeys: ['a', 'b'], newSince: null });
    const second = recordExportSeen(first, seen('2026-11-27', ['c']), []);
    expect(second).toMatchObject({
      newestSeen: '2026-11-27',
      newestSeenKeys: ['c'],
      newSince: '2026-11-20',
      newSinceKnown: ['a', 'b'],
    });
  });

  it('a re-run, the complete archive after the basic one, or an older export leaves the window as it is', () => {
    const second = recordExportSeen(
      recordExportSeen(EMPTY_TRIAGE_STATE, seen('2026-11-20', ['a']), []),
      seen('2026-11-27', ['c']),
      [],
    );
    expect(recordExportSeen(second, seen('2026-11-27', ['c', 'd']), [])).toEqual({
      ...second,
      newestSeenKeys: ['c', 'd'],
    });
    expect(recordExportSeen(second, seen('2026-10-01', ['z']), [])).toEqual(second);
    expect(recordExportSeen(second, seen(null), [])).toEqual(second);
  });
});

describe('sent invitations across imports', () => {
  it('keeps the newest export list and the decisions about invitations still pending', () => {
    let s = recordExportSeen(EMPTY_TRIAGE_STATE, seen('2026-11-20', [], true), [sent('Ann'), sent('Bo'), sent('Cy')]);
    s = withSentDecision(s, [url('Ann')], 'withdrawn', '2026-11-21');
    s = withSentDecision(s, [url('Bo')], 'waiting', '2026-11-21');
    // Bo accepted in the meantime: gone from the pending list, and so is the decision.
    const next = recordExportSeen(s, seen('2026-11-27', [], true), [sent('Ann'), sent('Cy'), sent('Dee')]);
    expect(next.sentPending?.map((p) => p.name)).toEqual(['Ann', 'Cy', 'Dee']);
    expect(next.sentDecisions).toEqual({ [url('Ann')]: { decision: 'withdrawn', on: '2026-11-21' } });
    // An export without Invitations.csv says nothing about them.
    expect(recordExportSeen(next, seen('2026-12-01'), [])).toMatchObject({
      sentPending: next.sentPending,
      sentDecisions: next.sentDecisions,
    });
    expect(withSentDecision(next, [url('Ann')], null, '2026-12-01').sentDecisions).toEqual({});
  });

  it('recordImport keeps the newest connection ever imported, the export owner and the triage record', () => {
    const owner = { name: 'Alex Martin', profileUrl: 'https://www.linkedin.com/in/alex' };
    const plan = (newest: string | null, withOwner = true) =>
      ({
        owner: withOwner ? owner : null,
        stats: { newestConnectedOn: newest },
        seen: { onNewestDay: ['k'], invitationsFile: true },
        pendingInvitations: [
          { ...sent('Ann'), ageDays: 1, notePath: null, source: { file: 'Invitations.csv', line: 2 } },
        ],
      }) as unknown as ImportPlan;
    const a = recordImport(EMPTY_VAULT_STATE, plan('2026-11-20'), '2026-11-21');
    expect(a.lastImport).toEqual({ date: '2026-11-21', newestConnectedOn: '2026-11-20' });
    expect(a.triage.sentPending).toEqual([sent('Ann')]);
    expect(a.owner).toEqual(owner);
    const b = recordImport(a, plan('2026-10-01', false), '2026-11-22');
    expect(b.owner).toEqual(owner);
    expect(b.lastImport).toEqual({ date: '2026-11-22', newestConnectedOn: '2026-11-20' });
    expect(b.triage.newestSeen).toBe('2026-11-20');
  });
});

describe('sanitizeTriageState', () => {
  it('loads a well-formed record as it is and anything else as nothing known, field by field', () => {
    const good = {
      newestSeen: '2026-11-20',
      newestSeenKeys: ['a'],
      newSince: '2026-11-01',
      newSinceKnown: ['b'],
      sentPending: [sent('Ann'), { name: 'No URL', profileUrl: null, sentOn: '2026-06-02' }],
      sentDecisions: { a: { decision: 'waiting', on: '2026-11-21' } },
    };
    expect(sanitizeTriageState(good)).toEqual(good);
    expect(
      sanitizeTriageState({
        newestSeen: 'soon',
        newestSeenKeys: ['a'],
        newSince: 3,
        sentPending: [{ name: 'x' }, sent('Bo'), 'junk'],
        sentDecisions: { a: { decision: 'maybe', on: '2026-11-21' }, b: { decision: 'withdrawn', on: '2026-13-01' } },
      }),
    ).toEqual({ ...EMPTY_TRIAGE_STATE, sentPending: [sent('Bo')] });
  });

  it('never throws and always gives a usable record (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const s = sanitizeTriageState(v);
        expect(Array.isArray(s.newestSeenKeys) && typeof s.sentDecisions === 'object').toBe(true);
        expect(sanitizeTriageState(JSON.parse(JSON.stringify(s)) as unknown)).toEqual(s);
      }),
    );
  });
});

describe('undoing a decision on sent invitations', () => {
  const keys = ['url:a', 'url:b'];
  const start = withSentDecision(EMPTY_TRIAGE_STATE, ['url:b'], 'waiting', '2026-11-01');

  it('puts back what each decision was, when it is still as the change left it', () => {
    const after = withSentDecision(start, keys, 'withdrawn', '2026-11-27');
    const undone = undoSentDecisions(after, sentDecisionChanges(start, after, keys));
    expect(undone.state.sentDecisions).toEqual(start.sentDecisions);
    expect(undone.kept).toEqual([]);
  });

  it('keeps a decision made again since, and says which', () => {
    const after = withSentDecision(start, keys, 'withdrawn', '2026-11-27');
    const later = withSentDecision(after, ['url:a'], 'waiting', '2026-11-28');
    const undone = undoSentDecisions(later, sentDecisionChanges(start, after, keys));
    expect(undone.kept).toEqual(['url:a']);
    expect(undone.state.sentDecisions).toEqual({
      'url:a': { decision: 'waiting', on: '2026-11-28' },
      'url:b': { decision: 'waiting', on: '2026-11-01' },
    });
  });
});
