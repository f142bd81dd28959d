/**
 * What an address book may change in a note (its field rules, applied by the plan): lists
 * only grow (phones compared by digits, LinkedIn's email not repeated), a birthday only fills
 * or adds the year to the same day (a different one in the note may be the user's: an import
 * never overwrites it), name/company/position/linkedin only where empty; the notes section once and never rewritten; duplicate cards are one person. An
 * updated card changes only these, the same card nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { diffOwned } from '../../../src/core/import/field-diff';
import { planImport } from '../../../src/core/import/plan';
import { addressBookSource } from '../../../src/core/import/sources/address-book';
import { ADDRESS_BOOK_RULES } from '../../../src/core/sources/address-book-fields';
import { emptyContact, type AddressBookContact } from '../../../src/core/sources/contact';
import { ADDRESS_BOOK_OWNED } from '../../../src/core/notes/schema';
import type { FrontmatterValue } from '../../../src/core/yaml/emit';
import { MemoryVault } from '../../support/memory-vault';

const card = (c: Partial<AddressBookContact>, line = 1): AddressBookContact => ({
  ...emptyContact({ file: 'a.vcf', line }),
  ...c,
});

/** The changes the rules make to a note with this frontmatter, as the plan computes them. */
function fields(fm: Record<string, unknown>, owned: Record<string, FrontmatterValue>) {
  const wanted: Record<string, FrontmatterValue> = {};
  for (const [k, v] of Object.entries(owned)) {
    const rule = ADDRESS_BOOK_RULES[k];
    const ruled = rule ? rule(fm, v) : v;
    if (ruled !== undefined) wanted[k] = ruled;
  }
  return Object.fromEntries(diffOwned(fm, wanted, ADDRESS_BOOK_OWNED).map((ch) => [ch.field, ch.to]));
}

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-06-30' };
const book = (...contacts: AddressBookContact[]) =>
  addressBookSource('vcard', [
    { file: 'a.vcf', format: 'vcard', contacts, skipped: [], warnings: [], ignored: { PHOTO: 2, ADR: 1 } },
  ]);

describe('address-book field rules', () => {
  it('adds new addresses and numbers, never removes, never repeats LinkedIn’s email', () => {
    expect(
      fields(
        { email: 'a@x.org', emails: ['b@x.org'], phones: ['+1 555 0100'] },
        { emails: ['a@x.org', 'c@x.org'], phones: ['+15550100', '+1 555 0199'] },
      ),
    ).toEqual({ emails: ['b@x.org', 'c@x.org'], phones: ['+1 555 0100', '+1 555 0199'] });
  });

  it('keeps the user’s spelling of an address they typed', () => {
    expect(fields({ emails: ['Bob@Home.example'] }, { emails: ['bob@home.example', 'b@w.example'] })).toEqual({
      emails: ['Bob@Home.example', 'b@w.example'],
    });
  });

  it('the same card again changes nothing', () => {
    const fm = { emails: ['b@x.org'], phones: ['1'], birthday: '1980-05-01', company: 'Acme', position: 'CTO' };
    expect(
      fields(fm, { emails: ['b@x.org'], phones: ['1'], birthday: '1980-05-01', company: 'Acme', position: 'CTO' }),
    ).toEqual({});
  });

  it("birthday fills an empty one or adds the year to the same day, and never overwrites the note's", () => {
    expect(fields({}, { birthday: '1980-05-01' })).toEqual({ birthday: '1980-05-01' });
    expect(fields({ birthday: '' }, { birthday: '1980-05-01' })).toEqual({ birthday: '1980-05-01' });
    expect(fields({ birthday: 'ask Jo' }, { birthday: '1980-05-01' })).toEqual({});
    expect(fields({ birthday: '1980-05-01' }, { birthday: '--05-01' })).toEqual({});
    expect(fields({ birthday: '--05-01' }, { birthday: '1980-05-01' })).toEqual({ birthday: '1980-05-01' });
    // A different day, or a different year: the note's (typed, or kept in a merge) stays.
    expect(fields({ birthday: '1988-12-02' }, { birthday: '1988-12-03' })).toEqual({});
    expect(fields({ birthday: '1980-05-01' }, { birthday: '1981-05-01' })).toEqual({});
    expect(fields({ birthday: '--05-01' }, { birthday: '--06-01' })).toEqual({});
    expect(fields({ birthday: new Date(Date.UTC(1980, 4, 1)) }, { birthday: '1980-05-01' })).toEqual({});
  });

  it('company, position and LinkedIn only where the note has none', () => {
    expect(
      fields(
        { company: 'Acme', position: '' },
        { company: 'Other', position: 'CTO', linkedin: 'https://www.linkedin.com/in/x' },
      ),
    ).toEqual({ position: 'CTO', linkedin: 'https://www.linkedin.com/in/x' });
    expect(
      fields({ linkedin: 'https://www.linkedin.com/in/y' }, { linkedin: 'https://www.linkedin.com/in/x' }),
    ).toEqual({});
  });

  it('an empty value never clears anything', () => {
    expect(fields({ emails: ['a@x.org'], birthday: '1980-05-01', company: 'Acme' }, {})).toEqual({});
  });
});

describe('through the import', () => {
  it('an import leaves a birthday the user typed, and still adds the card’s addresses', async () => {
    const vault = new MemoryVault({
      'People/Ines.md': '---\nname: Ines Kowalski\nbirthday: 1988-12-02\nemails:\n  - ines.k@home.example\n---\n',
    });
    const cardOfInes = card({
      name: 'Ines Kowalski',
      emails: ['ines.k@home.example', 'ines@work.example'],
      birthday: '1988-12-03',
    });
    const plan = await planImport([book(cardOfInes)], vault.snapshot(), settings);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Ines.md')).toBe(
      '---\nname: Ines Kowalski\nbirthday: 1988-12-02\nemails:\n  - ines.k@home.example\n  - ines@work.example\n---\n',
    );
  });

  it('the notes section is added once, escaped, and never when the note has one (even empty)', async () => {
    const vault = new MemoryVault({
      'People/Ann.md': '---\nname: Ann Lee\nemail: ann@x.org\n---\n## Interactions\n',
      'People/Bo.md': '---\nname: Bo Kim\nemail: bo@x.org\n---\n## From address book\n\nedited by me\n',
    });
    const plan = await planImport(
      [
        book(
          card({ name: 'Ann Lee', emails: ['ann@x.org'], notes: 'Call *after* 5\n<b>' }),
          card({ name: 'Bo Kim', emails: ['bo@x.org'], notes: 'new text' }, 2),
        ),
      ],
      vault.snapshot(),
      settings,
    );
    expect(plan.updates.map((u) => [u.path, u.sections])).toEqual([
      ['People/Ann.md', [{ heading: 'From address book', text: 'Call \\*after\\* 5\n\\<b\\>' }]],
    ]);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Ann.md')).toContain('## From address book\n\nCall \\*after\\* 5\n\\<b\\>\n');
    const again = await planImport(
      [book(card({ name: 'Ann Lee', emails: ['ann@x.org'], notes: 'Call *after* 5\n<b>' }))],
      vault.snapshot(),
      settings,
    );
    expect(again.updates).toEqual([]);
  });

  it('two cards for one person are one note, their lists joined; what notes do not take is reported', async () => {
    const plan = await planImport(
      [
        book(
          card({ name: 'A B', emails: ['a@x.org'], phones: ['1'] }),
          card({ emails: ['a@x.org', 'b@x.org'], phones: ['1', '2'], birthday: '--01-02' }, 9),
        ),
      ],
      new MemoryVault().snapshot(),
      settings,
    );
    expect(plan.creates.map((c) => c.path)).toEqual(['People/A B.md']);
    expect(plan.creates[0]?.text()).toContain(
      'emails:\n  - a@x.org\n  - b@x.org\nphones:\n  - "1"\n  - "2"\nbirthday: "--01-02"\n',
    );
    expect(plan.bySource[0]?.details).toEqual([
      {
        title: 'vCard: left out on purpose (what a person note does not take)',
        items: ['a.vcf: PHOTO ×2 (photos are not copied)', 'a.vcf: ADR ×1'],
        total: 2,
      },
    ]);
  });

  it('a card with no name is only added to a note its addresses find, and listed otherwise', async () => {
    const vault = new MemoryVault({ 'People/Ann.md': '---\nname: Ann Lee\nemail: ann@x.org\n---\n' });
    const plan = await planImport(
      [book(card({ emails: ['ann@x.org'], phones: ['+1 555'] }), card({ emails: ['who@x.org'] }, 5))],
      vault.snapshot(),
      settings,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => c.field)])).toEqual([['People/Ann.md', ['phones']]]);
    expect(plan.bySource[0]).toMatchObject({ withoutNote: 1, matched: { profile: 0, email: 1, name: 0 } });
    expect(plan.bySource[0]?.details[0]).toEqual({
      title: 'vCard: entries with no name whose addresses are on no note (not created)',
      items: ['who@x.org (a.vcf, line 5)'],
      total: 1,
    });
  });
});
