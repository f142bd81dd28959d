/**
 * A tiny, test-only import source, written by following docs/ARCHITECTURE.md ("Adding a
 * source"): an address book CSV (`Name,Email,Phone,Company,Met on,Where`). It shows what a
 * real one (lane 17's address books and calendars) needs and nothing more: rows → people
 * with identities (email, name), the fields it owns, dated interactions with a
 * de-duplication key, rows it skips with file and line, and its own counts.
 */
import { isIsoDate } from '../../../../src/core/dates/iso-date';
import { IncomingSet, partsFromName } from '../../../../src/core/import/incoming';
import type { ImportSource } from '../../../../src/core/import/source';
import type { RowIssue } from '../../../../src/core/linkedin/records';

export interface AddressBookFile {
  name: string;
  text: string;
}

interface Entry {
  name: string;
  email: string;
  phone: string;
  company: string;
  metOn: string;
  where: string;
  line: number;
}

function parse(file: AddressBookFile): { entries: Entry[]; skipped: RowIssue[] } {
  const entries: Entry[] = [];
  const skipped: RowIssue[] = [];
  file.text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (line === 1 || raw.trim() === '') return; // the header, blank lines
    const [name = '', email = '', phone = '', company = '', metOn = '', where = ''] = raw
      .split(',')
      .map((v) => v.trim());
    if (name === '' && email === '') {
      skipped.push({ file: file.name, line, reason: 'no name and no email' });
      return;
    }
    if (metOn !== '' && !isIsoDate(metOn)) {
      skipped.push({ file: file.name, line, reason: `"${metOn}" is not a date (expected YYYY-MM-DD)` });
      return;
    }
    entries.push({ name, email, phone, company, metOn, where, line });
  });
  return { entries, skipped };
}

export function addressBookSource(file: AddressBookFile): ImportSource {
  const { entries, skipped } = parse(file);
  return {
    id: 'address-book',
    label: 'Address book',
    files: [file.name],
    // `company` is deliberately not owned: the test checks the seam drops it.
    owns: ['name', 'email', 'phone'],
    skipped,
    warnings: [],
    collect() {
      const people = new IncomingSet();
      for (const e of entries) {
        people.add({
          identity: { profileUrl: null, emails: e.email ? [e.email] : [], name: e.name },
          parts: partsFromName(e.name, e.company),
          owned: { name: e.name, email: e.email, phone: e.phone, company: e.company },
          interactions:
            e.metOn === ''
              ? []
              : [{ date: e.metOn, line: `- ${e.metOn} · met · ${e.where}`, key: `- ${e.metOn} · met ·` }],
          source: { file: file.name, line: e.line },
          createIfMissing: true,
          isConnection: false,
        });
      }
      return people;
    },
    counts: () => [
      ['Address book entries', entries.length],
      ['Address book entries without email', entries.filter((e) => e.email === '').length],
    ],
  };
}
