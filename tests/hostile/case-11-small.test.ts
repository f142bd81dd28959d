/**
 * Issue 13, case 11, the small ones: control characters from the input were echoed raw in
 * error messages (a file could retitle or recolour the terminal); a company called
 * `2024-01-01` was written unquoted, so YAML 1.1 tools read a date; an encrypted zip said
 * "invalid block type" (or "unexpected EOF"); two processes updating one note shared one
 * temp-file name. Pinned here through the CLI as a child process.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { tempPathFor } from '../../src/cli/safe-write';
import { withCompanyOf } from './exports';
import { peopleNotes, runChild, workspace, writeFile, writeZip } from './run';
import { encryptedZip, entry, buildZip } from './zip';

// eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('case 11: the small ones', () => {
  it('control characters from a file, a zip entry name or a value never reach the terminal raw', () => {
    const { dir, vault } = workspace();
    const evil = writeFile(dir, 'evil.csv', '\x1b]0;pwned\x07\x1b[31mred\u202e,text\nx,y');
    const r = runChild(['import', evil, '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(RAW_CONTROL);
    expect(r.err).toContain('\\x1B]0;pwned\\x07\\x1B[31mred\\u202E');

    const zip = writeFile(dir, 'x.zip', buildZip([entry('\x1b[2JConnections.csv', 'not,a,header\n1,2,3')]));
    const z = runChild(['import', zip, '--vault', vault]);
    expect(z.code).toBe(1);
    expect(z.err).not.toMatch(RAW_CONTROL);

    const csv = writeFile(
      dir,
      'Connections.csv',
      'First Name,Last Name,URL,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,\x1b[5m1 Jan\x9b2020',
    );
    const human = runChild(['import', csv, '--vault', vault, '--dry-run']);
    const json = runChild(['import', csv, '--vault', vault, '--dry-run', '--json']);
    expect(human.out + human.err + json.out + json.err).not.toMatch(RAW_CONTROL);
    expect(json.json().warnings[0]?.reason).toContain('\\x1B[5m1 Jan\\x9B2020');
  });

  it('strings YAML 1.1 or 1.2 would read as anything else are quoted; dates in date fields stay plain', () => {
    const { dir, vault } = workspace();
    const odd = ['2024-01-01', '1e3', 'on', '0x1F', '12:30', '=', 'y', '~', 'NULL', '.inf', '+1'];
    const rows = odd.map((c, i) => `Val${i},Test,https://www.linkedin.com/in/val-${i},,${c},CTO,01 Jan 2024`);
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}`;
    expect(runChild(['import', writeFile(dir, 'Connections.csv', csv), '--vault', vault]).code).toBe(0);
    for (const [name, text] of peopleNotes(vault)) {
      const yaml = /^---\n([\s\S]*?)---\n/.exec(text)?.[1] ?? '';
      const company = odd[Number(/^Val(\d+)/.exec(name)?.[1])];
      for (const version of ['1.1', '1.2'] as const)
        expect(YAML.parse(yaml, { version })).toMatchObject({ company, 'connected-on': expect.anything() as unknown });
      expect((matter(text, { cache: false } as never).data as Record<string, unknown>).company, name).toBe(company);
      expect(yaml).toContain('connected-on: 2024-01-01\n');
    }
  });

  it('an encrypted zip says it is encrypted', () => {
    const { dir, vault } = workspace();
    const r = runChild(['import', writeFile(dir, 'locked.zip', encryptedZip()), '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^network-crm: locked\.zip\/Connections\.csv: is encrypted \(the archive has a password\)/);
  });

  it('temp names are unique per process and per write; a temp name taken by another process is no obstacle', () => {
    const target = '/vault/People/Jane Doe.md';
    const a = tempPathFor(target);
    const b = tempPathFor(target);
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe('/vault/People');
    expect(path.basename(a)).toMatch(new RegExp(`^\\.Jane Doe\\.md\\.${process.pid}-[0-9a-f]{8}\\.ncrm-tmp$`));

    const exp = generateExport({ connections: 20, seed: 11 });
    const { dir, vault } = workspace();
    expect(runChild(['import', writeZip(dir, exp.files, '11-01-2026'), '--vault', vault]).code).toBe(0);
    const person = exp.people[0]!;
    const [file] = [...peopleNotes(vault).entries()].find(([, t]) => t.includes(`linkedin: ${person.url}\n`))!;
    // Another process mid-write under the old fixed name, and one under the new scheme (pid 1 is alive).
    fs.mkdirSync(path.join(vault, 'People', `.${file}.ncrm-tmp`));
    const live = path.join(vault, 'People', `.${file}.1-0badcafe.ncrm-tmp`);
    fs.writeFileSync(live, 'half');
    const text = withCompanyOf(exp.files['Connections.csv'] as string, person.url, 'Elsewhere Inc');
    const r = runChild(['import', writeZip(dir, { 'Connections.csv': text }), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().updated).toBe(1);
    expect(fs.readFileSync(live, 'utf8')).toBe('half');
    expect(peopleNotes(vault).get(file)).toContain('company: Elsewhere Inc');
  });

  it("an import removes a killed run's temp files wherever it updated notes, and keeps a running one's", () => {
    const exp = generateExport({ connections: 5, seed: 12 });
    const { dir, vault } = workspace();
    const zip = writeZip(dir, exp.files, '11-01-2026');
    expect(runChild(['import', zip, '--vault', vault]).code).toBe(0);
    // A dead process's temp files beside a person note and beside a tagged note in another folder.
    const dead = 2 ** 22 + 4321;
    fs.mkdirSync(path.join(vault, 'Meetings'));
    const left = [
      path.join(vault, 'People', `.A.md.${dead}-00ff00ff.ncrm-tmp`),
      path.join(vault, 'Meetings', `.B.md.${dead}-00ff00ff.ncrm-tmp`),
    ];
    const running = path.join(vault, 'Meetings', `.C.md.${process.pid}-00ff00ff.ncrm-tmp`);
    for (const f of [...left, running]) fs.writeFileSync(f, 'half');
    // Never followed out of the vault: a link named like a temp file, and a folder that is a link out.
    const outside = fs.mkdtempSync(path.join(dir, 'outside-'));
    const target = path.join(outside, 'target.txt');
    const away = path.join(outside, `.D.md.${dead}-00ff00ff.ncrm-tmp`);
    for (const f of [target, away]) fs.writeFileSync(f, 'not yours');
    const link = path.join(vault, 'People', `.E.md.${dead}-00ff00ff.ncrm-tmp`);
    fs.symlinkSync(target, link);
    fs.symlinkSync(outside, path.join(vault, 'Elsewhere'));
    expect(runChild(['import', zip, '--vault', vault]).code).toBe(0);
    expect(left.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.readFileSync(running, 'utf8')).toBe('half');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect([target, away].map((f) => fs.readFileSync(f, 'utf8'))).toEqual(['not yours', 'not yours']);
  });
});
