/**
 * Pins the LinkedIn status a note keeps on import (settleLinkedInStatus): a recorded decline
 * or connection is not undone by an old invitation. Its fast path (a connection, or the
 * status the note already has, answered before any date is read: every person of an
 * unchanged re-import) must give what the full rule, mergeStatus, gives, for any statuses
 * and invitation dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStatus } from '../../../src/core/import/invitations-plan';
import { settleLinkedInStatus } from '../../../src/core/import/sources/linkedin';
import { FIELD } from '../../../src/core/notes/schema';

const STATUSES = ['connected', 'invitation-received', 'invitation-sent', 'invitation-declined', 'Connected', ''];
const date = fc.option(
  fc
    .integer({ min: 0, max: 3000 })
    .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  { nil: null },
);

describe('the status a note keeps on import', () => {
  it('is what mergeStatus says, fast path or not', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
        fc.constantFrom(...STATUSES.filter((s) => s !== '' && s !== 'Connected')),
        date,
        date,
        (current, wanted, currentInvitedOn, wantedInvitedOn) => {
          const settled = settleLinkedInStatus(
            { [FIELD.status]: current, [FIELD.invitedOn]: currentInvitedOn },
            { [FIELD.status]: wanted, [FIELD.invitedOn]: wantedInvitedOn },
          );
          expect(settled[FIELD.status]).toBe(
            mergeStatus((current ?? '').toLowerCase(), wanted, currentInvitedOn, wantedInvitedOn),
          );
        },
      ),
    );
  });

  it('keeps a decline against an older invitation, and takes a newer one', () => {
    const declined = { [FIELD.status]: 'invitation-declined', [FIELD.invitedOn]: '2026-03-01' };
    const again = (on: string) =>
      settleLinkedInStatus(declined, { [FIELD.status]: 'invitation-received', [FIELD.invitedOn]: on })[FIELD.status];
    expect(again('2026-02-01')).toBe('invitation-declined');
    expect(again('2026-04-01')).toBe('invitation-received');
  });
});
