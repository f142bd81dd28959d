/**
 * Issue 13, case 5: notes the import did not recognise got a twin: a note saved with a
 * UTF-8 BOM, broken YAML whose key is written `"linkedin":`, and every mobile or tracking
 * form of a profile URL (`/mwlite/in/…`, `m.linkedin.com`, `?trk=…`) in a note without
 * `name`. Pinned here: all are the person they are about (no twin), a broken note is
 * reported as unreadable whatever its key quoting and left byte for byte, and a BOM note
 * keeps its BOM when it is updated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { normaliseProfileUrl } from '../../src/core/identity/profile-url';
import { withCompanyOf } from './exports';
import { hostileNotes, profileUrlForms } from './notes';
import { peopleNotes, runChild, workspace, writeZip } from './run';

const exp = generateExport({ connections: 60, seed: 5 });

describe('case 5: notes the import must recognise', () => {
  it('every profile URL form LinkedIn produces normalises to the one canonical URL', () => {
    for (const form of profileUrlForms('jane-doe-123'))
      expect(normaliseProfileUrl(form), form).toBe('https://www.linkedin.com/in/jane-doe-123');
  });

  it('BOM, quoted keys in broken YAML, mobile and tracking URLs: no twin, broken notes reported and untouched', () => {
    const { dir, vault } = workspace();
    const people = exp.people.filter((p) => p.company !== '').slice(0, hostileNotes('x').length);
    const specs = people.map((p, i) => {
      const spec = hostileNotes(p.url.slice(p.url.lastIndexOf('/') + 1), p.company, p.position)[i];
      return { ...spec!, file: `People/Note ${i}.md`, person: p };
    });
    fs.mkdirSync(path.join(vault, 'People'));
    for (const s of specs) fs.writeFileSync(path.join(vault, s.file), s.text);
    // The BOM note's person moved on: it is updated, and its BOM must survive the write.
    const bomPerson = specs[0]!.person;
    const text = withCompanyOf(exp.files['Connections.csv'] as string, bomPerson.url, 'Elsewhere AB');

    const r = runChild(['import', writeZip(dir, { 'Connections.csv': text }), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    const s = r.json();
    for (const spec of specs) {
      const twins = [...peopleNotes(vault).entries()].filter(
        ([name, t]) => name !== path.basename(spec.file) && t.includes(`linkedin: ${spec.person.url}\n`),
      );
      expect(
        twins.map(([name]) => name),
        spec.label,
      ).toEqual([]);
    }
    expect(s.unreadable.map((u) => u.path).sort()).toEqual(specs.filter((x) => x.unreadable).map((x) => x.file));
    for (const spec of specs.filter((x) => x.unreadable))
      expect(fs.readFileSync(path.join(vault, spec.file), 'utf8'), spec.label).toBe(spec.text);
    const bom = fs.readFileSync(path.join(vault, specs[0]!.file), 'utf8');
    expect(bom.startsWith('\uFEFF---\n')).toBe(true);
    expect(bom).toContain('company: Elsewhere AB');
  });
});
