/**
 * What an address book may change in a note: lists only grow (phones compared by digits),
 * a birthday follows the card unless that would drop a known year, company/position/linkedin
 * only where empty, the notes section once and never rewritten; an updated card changes only
 * these, the same card nothing.
 */
import { describe, expect, it } from 'vitest';
import { addressBookChanges, addressBookSection, combineContacts } from '../../../src/core/sources/address-book-fields';
import { emptyContact, type AddressBookContact } from '../../../src/core/sources/contact';

const card = (c: Partial<AddressBookContact>): AddressBookContact => ({
  ...emptyContact({ file: 'a.vcf', line: 1 }),
  ...c,
});
const fields = (fm: Record<string, unknown>, c: Partial<AddressBookContact>) =>
  Object.fromEntries(addressBookChanges(fm, card(c)).map((ch) => [ch.field, ch.to]));

describe('addressBookChanges', () => {
  it('adds new addresses and numbers, never removes, never repeats LinkedIn’s email', () => {
    expect(
      fields(
        { email: 'a@x.org', emails: ['b@x.org'], phones: ['+1 555 0100'] },
        { emails: ['a@x.org', 'c@x.org'], phones: ['+15550100', '+1 555 0199'] },
      ),
    ).toEqual({ emails: ['b@x.org', 'c@x.org'], phones: ['+1 555 0100', '+1 555 0199'] });
  });

  it('the same card again changes nothing', () => {
    const fm = { emails: ['b@x.org'], phones: ['1'], birthday: '1980-05-01', company: 'Acme', position: 'CTO' };
    expect(
      fields(fm, { emails: ['b@x.org'], phones: ['1'], birthday: '1980-05-01', company: 'Acme', position: 'CTO' }),
    ).toEqual({});
  });

  it('birthday follows the card, but a year-less one never replaces a full one on the same day', () => {
    expect(fields({ birthday: '1980-05-01' }, { birthday: '--05-01' })).toEqual({});
    expect(fields({ birthday: '--05-01' }, { birthday: '1980-05-01' })).toEqual({ birthday: '1980-05-01' });
    expect(fields({ birthday: '1980-05-01' }, { birthday: '1980-06-01' })).toEqual({ birthday: '1980-06-01' });
    expect(fields({ birthday: new Date(Date.UTC(1980, 4, 1)) }, { birthday: '1980-05-01' })).toEqual({});
  });

  it('company, position and LinkedIn only where the note has none', () => {
    expect(
      fields(
        { company: 'Acme', position: '' },
        { company: 'Other', position: 'CTO', linkedin: 'https://www.linkedin.com/in/x' },
      ),
    ).toEqual({
      position: 'CTO',
      linkedin: 'https://www.linkedin.com/in/x',
    });
    expect(
      fields({ linkedin: 'https://www.linkedin.com/in/y' }, { linkedin: 'https://www.linkedin.com/in/x' }),
    ).toEqual({});
  });

  it('an empty value never clears anything', () => {
    expect(fields({ emails: ['a@x.org'], birthday: '1980-05-01', company: 'Acme' }, {})).toEqual({});
  });
});

describe('notes section and duplicate cards', () => {
  it('added once, escaped, and never when the section exists (even empty)', () => {
    expect(addressBookSection('## Interactions\n', 'Call *after* 5\n<b>')).toEqual({
      heading: 'From address book',
      text: 'Call \\*after\\* 5\n\\<b\\>',
    });
    expect(addressBookSection('## From address book\n', 'new text')).toBeNull();
    expect(addressBookSection('## From address book\n\nedited by me\n', 'new text')).toBeNull();
    expect(addressBookSection('x', '   ')).toBeNull();
  });

  it('two cards for one person combine', () => {
    expect(
      combineContacts(
        card({ name: 'A', emails: ['a@x'], phones: ['1'] }),
        card({ emails: ['b@x'], phones: ['1'], birthday: '--01-02' }),
      ),
    ).toMatchObject({
      name: 'A',
      emails: ['a@x', 'b@x'],
      phones: ['1'],
      birthday: '--01-02',
    });
  });
});
