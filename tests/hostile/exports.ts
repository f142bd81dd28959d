/**
 * Exports handed over the way people really do it: the Basic archive and the Complete one
 * in a single run (or both unzipped into one folder), two entries of one name in a zip,
 * a company changed for many people at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { generateExport, type ExportOptions, type SyntheticExport } from '../../scripts/lib/synthetic-export';
import { buildZip, entry } from './zip';

export interface TwoExports {
  /** The older, connections-only archive. */
  basic: SyntheticExport;
  /** The newer archive: the same people, some with a new company, a few new connections. */
  complete: SyntheticExport;
  basicName: string;
  completeName: string;
  /** Profile URLs whose company differs between the two. */
  changed: string[];
}

/**
 * Basic dated `basicDate`, Complete dated `completeDate` (MM-DD-YYYY, as LinkedIn names
 * them). Every 20th person has a new company in Complete; Complete has 5 more people; both
 * hold the same invitations and messages.
 */
export function twoExports(options: ExportOptions, basicDate = '11-18-2026', completeDate = '11-20-2026'): TwoExports {
  const complete = generateExport({ ...options, connections: options.connections + 5 });
  const basicPeople = complete.people.slice(5);
  const changed: string[] = [];
  let connections = complete.files['Connections.csv'] as string;
  const header = connections.indexOf('First Name');
  const lines = connections.slice(header).split('\n');
  // Drop the 5 newest rows (Complete was exported later) and give every 20th person the old company.
  const basicLines = [lines[0] as string];
  let person = 0;
  for (const line of lines.slice(1)) {
    if (/^,+\d/.test(line)) {
      basicLines.push(line);
      continue;
    }
    const p = complete.people[person++];
    if (person <= 5 || !p) continue;
    if (person % 20 === 0 && p.company !== '' && line.includes(`,${p.company},`)) {
      changed.push(p.url);
      basicLines.push(line.replace(`,${p.company},`, ',Old Employer Ltd,'));
    } else basicLines.push(line);
  }
  connections = connections.slice(0, header) + basicLines.join('\n');
  // The Basic archive has the same Invitations.csv and messages.csv (exported two days apart).
  const basic: SyntheticExport = {
    ...complete,
    files: { ...complete.files, 'Connections.csv': connections },
    people: basicPeople,
  };
  return {
    basic,
    complete,
    basicName: `Basic_LinkedInDataExport_${basicDate}`,
    completeName: `Complete_LinkedInDataExport_${completeDate}`,
    changed,
  };
}

function zipOf(exp: SyntheticExport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(exp.files)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}

/** Writes both archives into `dir`; returns their paths (Basic first). */
export function writeTwoZips(dir: string, two: TwoExports): [string, string] {
  const a = path.join(dir, `${two.basicName}.zip`);
  const b = path.join(dir, `${two.completeName}.zip`);
  fs.writeFileSync(a, zipOf(two.basic));
  fs.writeFileSync(b, zipOf(two.complete));
  return [a, b];
}

/** Unzips both into one folder, as `Downloads/` looks after opening both archives. */
export function writeTwoFolders(dir: string, two: TwoExports): string {
  const root = path.join(dir, 'Downloads');
  for (const [name, exp] of [
    [two.basicName, two.basic],
    [two.completeName, two.complete],
  ] as const) {
    fs.mkdirSync(path.join(root, name), { recursive: true });
    for (const [file, text] of Object.entries(exp.files)) fs.writeFileSync(path.join(root, name, file), text);
  }
  return root;
}

/**
 * One zip with two entries called `Connections.csv` (a re-zipped folder, a tool that
 * appended instead of replacing): the first holds `first`, the second `second`.
 */
export function zipWithTwoEntries(first: string, second: string, name = 'Connections.csv'): Uint8Array {
  return buildZip([entry(name, first), entry(name, second)]);
}

/**
 * The export with every person whose index satisfies `pick` moved to `company`, as a
 * garbled decode or a bad export would make it look.
 */
export function withCompaniesChanged(exp: SyntheticExport, pick: (i: number) => boolean, company: string): string {
  const text = exp.files['Connections.csv'] as string;
  const header = text.indexOf('First Name');
  const lines = text.slice(header).split('\n');
  let person = 0;
  const out = lines.map((line, i) => {
    if (i === 0 || /^,+\d/.test(line)) return line;
    const p = exp.people[person++];
    if (!p || p.company === '' || !pick(person - 1) || !line.includes(`,${p.company},`)) return line;
    return line.replace(`,${p.company},`, `,${company},`);
  });
  return text.slice(0, header) + out.join('\n');
}

/** Connections.csv text with one person's company replaced (found by their profile URL). */
export function withCompanyOf(text: string, url: string, company: string): string {
  const slug = url.slice(url.lastIndexOf('/') + 1);
  const encoded = `https://www.linkedin.com/in/${encodeURIComponent(slug)},`;
  const start = text.lastIndexOf('\n', text.indexOf(encoded)) + 1;
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  const cells = text.slice(start, end).split(',');
  cells[4] = company;
  return text.slice(0, start) + cells.join(',') + text.slice(end);
}
