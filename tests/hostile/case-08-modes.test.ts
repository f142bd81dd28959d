/**
 * Issue 13, case 8: a re-import loosened permissions (a 0600 or 0444 note came back 0644)
 * and replaced read-only notes. Pinned here: an updated note keeps its mode exactly, and a
 * read-only note (no write bit) is refused and reported in `failed`, its bytes unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { withCompanyOf } from './exports';
import { runChild, workspace, writeZip } from './run';

const exp = generateExport({ connections: 40, seed: 8 });

describe('case 8: modes kept, read-only notes refused', () => {
  it('0600 and 0640 stay as they were; 0444 is left unchanged and reported', () => {
    const { dir, vault } = workspace();
    expect(runChild(['import', writeZip(dir, exp.files, '11-01-2026'), '--vault', vault]).code).toBe(0);
    const people = exp.people.slice(0, 3);
    const files = fs.readdirSync(path.join(vault, 'People')).map((f) => path.join(vault, 'People', f));
    const fileOf = (url: string) => files.find((f) => fs.readFileSync(f, 'utf8').includes(`linkedin: ${url}\n`))!;
    const [secret, group, locked] = people.map((p) => fileOf(p.url)) as [string, string, string];
    fs.chmodSync(secret, 0o600);
    fs.chmodSync(group, 0o640);
    fs.chmodSync(locked, 0o444);
    const lockedBefore = fs.readFileSync(locked, 'utf8');
    const text = people.reduce((t, p) => withCompanyOf(t, p.url, 'Moved Corp'), exp.files['Connections.csv'] as string);

    const r = runChild(['import', writeZip(dir, { 'Connections.csv': text }), '--vault', vault, '--json']);
    expect(r.code).toBe(1);
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect([mode(secret), mode(group), mode(locked)]).toEqual([0o600, 0o640, 0o444]);
    expect(fs.readFileSync(secret, 'utf8')).toContain('company: Moved Corp');
    expect(fs.readFileSync(locked, 'utf8')).toBe(lockedBefore);
    expect(r.json().failed).toEqual([
      {
        path: path.relative(vault, locked).split(path.sep).join('/'),
        error: expect.stringMatching(/is read-only; left unchanged/) as string,
      },
    ]);
    expect(r.json().updated).toBe(2);

    // Said once, on a line of its own, in the summary a person reads.
    const again = runChild(['import', writeZip(dir, { 'Connections.csv': text }), '--vault', vault]);
    const shown = path.relative(vault, locked).split(path.sep).join('/');
    expect(again.err).toContain(
      `  ${shown} is read-only; left unchanged (make it writable to let network-crm update it)`,
    );
    expect(again.err).not.toContain(`${shown}: ${shown}`);
  });

  it("the plugin's own state stays writable for a command: a read-only data.json is updated and keeps its mode", () => {
    const { dir, vault } = workspace();
    const data = path.join(vault, '.obsidian', 'plugins', 'network-crm', 'data.json');
    fs.mkdirSync(path.dirname(data), { recursive: true });
    fs.writeFileSync(data, '{"folder":"People"}\n');
    fs.chmodSync(data, 0o444);
    const r = runChild(['import', writeZip(dir, exp.files, '11-01-2026'), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().failed).toEqual([]);
    expect(fs.statSync(data).mode & 0o777).toBe(0o444);
    const saved = JSON.parse(fs.readFileSync(data, 'utf8')) as Record<string, unknown>;
    expect(saved.folder).toBe('People');
    expect(saved.state).toBeDefined();
  });
});
