import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { composeImportReport } from '../../../src/core/import/report';
import { readExport } from '../../../src/core/linkedin/read-export';
import { generateExport } from '../../../scripts/lib/synthetic-export';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };
const csv = (text: string, name = 'Connections.csv') =>
  readExport([{ name, bytes: new TextEncoder().encode(text), origin: 'picked' }]);
const OLD_HEADER = 'First Name,Last Name,Email Address,Company,Position,Connected On\n';

describe('planImport without profile URLs (exports before 2023)', () => {
  it('matches by exact name and never merges an ambiguous one', async () => {
    const vault = new MemoryVault({
      'People/Ann Lee.md': '---\nname: Ann Lee\ncompany: A\nconnected-on: 2018-01-08\n---\n',
      'People/Bo Kim.md': '---\nname: Bo Kim\nconnected-on: 2019-01-01\n---\n',
      'People/Bo Kim (X).md': '---\nname: Bo Kim\nconnected-on: 2020-01-01\n---\n',
      'People/Cy Fox.md': '---\nname: Cy Fox\n---\n',
      'People/Cy Fox 2.md': '---\nname: Cy Fox\n---\n',
    });
    const plan = await planImport(
      csv(`${OLD_HEADER}Ann,Lee,,B,,01 Jan 2019\nBo,Kim,,,,01 Jan 2020\nCy,Fox,,,,01 Jan 2021`),
      vault.snapshot(),
      settings,
    );
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => `${c.field}=${String(c.to)}`)])).toEqual([
      [
        'People/Ann Lee.md',
        ['company=B', 'connected-on=2019-01-01', 'linkedin-status=connected', 'job-changed-on=2026-11-26'],
      ],
      ['People/Bo Kim (X).md', ['linkedin-status=connected']],
    ]);
    expect(plan.ambiguous).toEqual([
      {
        name: 'Cy Fox',
        source: { file: 'Connections.csv', line: 4 },
        candidates: [
          { path: 'People/Cy Fox.md', description: 'Cy Fox' },
          { path: 'People/Cy Fox 2.md', description: 'Cy Fox' },
        ],
        reason: '2 notes are named "Cy Fox" and the export has no profile URL to tell them apart',
      },
    ]);
    expect(plan.creates).toEqual([]);
  });

  it('fills in the URL when a newer export brings one for a note that had none', async () => {
    const vault = new MemoryVault({ 'People/Ann Lee.md': '---\nname: Ann Lee\nlinkedin:\n---\n' });
    const plan = await planImport(
      csv('First Name,Last Name,URL,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,01 Jan 2019'),
      vault.snapshot(),
      settings,
    );
    expect(plan.updates[0]?.changes.map((c) => c.field)).toEqual(['linkedin', 'connected-on', 'linkedin-status']);
  });
});

describe('planImport and the user data it must not touch', () => {
  it('recognises a renamed note moved out of the people folder by its tag and linkedin value (even percent-encoded)', async () => {
    const vault = new MemoryVault({
      'Archive/Matej.md':
        '---\nlinkedin: https://www.linkedin.com/in/matej-%C5%A1ari%C4%87\nname: Matej Šarić\nlinkedin-status: connected\ntags: [person]\n---\n',
    });
    const plan = await planImport(
      csv('First Name,Last Name,URL,Connected On\nMatej,Šarić,https://www.linkedin.com/in/matej-šarić,'),
      vault.snapshot(),
      settings,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.unchanged).toEqual(['Archive/Matej.md']);
  });

  it('reports a note with broken YAML, leaves it byte for byte, and does not create a duplicate', async () => {
    const broken = '---\nname: Jane Doe\nlinkedin: https://www.linkedin.com/in/jane\ncompany: [unclosed\n---\nBody\n';
    const vault = new MemoryVault({ 'People/Jane Doe.md': broken });
    const plan = await planImport(
      csv('First Name,Last Name,URL,Connected On\nJane,Doe,https://www.linkedin.com/in/jane,01 Jan 2020'),
      vault.snapshot(),
      settings,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.unreadable).toEqual([
      { path: 'People/Jane Doe.md', error: expect.stringMatching(/^YAML error/) as string },
    ]);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Jane Doe.md')).toBe(broken);
  });

  it('never overwrites a file that is not the person, and fills an empty note left by a crash', async () => {
    const vault = new MemoryVault({
      'People/Jane Doe.md': '# my own page about some other Jane\n',
      'People/Bo Kim.md': '',
    });
    const plan = await planImport(
      csv(
        'First Name,Last Name,URL,Company,Connected On\nJane,Doe,https://www.linkedin.com/in/jane,Acme,\nBo,Kim,https://www.linkedin.com/in/bo,,',
      ),
      vault.snapshot(),
      settings,
    );
    expect(plan.creates.map((c) => c.path)).toEqual(['People/Jane Doe (Acme).md', 'People/Bo Kim.md']);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Jane Doe.md')).toBe('# my own page about some other Jane\n');
    expect(vault.files.get('People/Bo Kim.md')).toContain('linkedin: https://www.linkedin.com/in/bo');
  });

  it('an empty export value never clears what is in the note', async () => {
    const vault = new MemoryVault({
      'People/A.md': '---\nlinkedin: https://www.linkedin.com/in/a\nemail: typed@by.me\ncompany: Acme\n---\n',
    });
    const plan = await planImport(
      csv('First Name,Last Name,URL,Email Address,Company,Connected On\nA,B,https://www.linkedin.com/in/a,,,'),
      vault.snapshot(),
      settings,
    );
    expect(plan.updates[0]?.changes.map((c) => c.field)).toEqual(['linkedin-status', 'name']);
  });

  it('offers aliases when LinkedIn renames the person, and never brings back one the user deleted', async () => {
    const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const row = (first: string) => csv(`${HEADER}${first},Rocket,https://www.linkedin.com/in/r,,,,08 Dec 2024`);
    const vault = new MemoryVault();
    await applyPlan(await planImport(row('Emoji 🚀'), vault.snapshot(), settings), vault.writer());
    const path = 'People/Emoji 🚀 Rocket.md';
    expect(vault.files.get(path)).toContain('aliases:\n  - Emoji Rocket\n');

    vault.files.set(path, (vault.files.get(path) as string).replace('aliases:\n  - Emoji Rocket\n', ''));
    const same = await planImport(row('Emoji 🚀'), vault.snapshot(), settings);
    expect(same.updates).toEqual([]);

    const renamed = await planImport(row('Rocket ✨'), vault.snapshot(), settings);
    expect(renamed.updates[0]?.changes.map((c) => [c.field, c.to])).toEqual([
      ['name', 'Rocket ✨ Rocket'],
      ['aliases', ['Rocket Rocket']],
    ]);
  });
});

describe('interrupted imports', () => {
  it('a cancel part-way, then a second run, gives every person exactly one note', async () => {
    const exp = generateExport({ connections: 300, seed: 3 });
    const data = readExport([
      { name: 'Connections.csv', bytes: new TextEncoder().encode(exp.files['Connections.csv']), origin: 'picked' },
    ]);
    const vault = new MemoryVault();
    let calls = 0;
    const first = await applyPlan(await planImport(data, vault.snapshot(), settings), vault.writer(), {
      shouldStop: () => ++calls > 120,
    });
    expect(first.cancelled).toBe(true);
    expect(first.created).toHaveLength(120);
    const secondPlan = await planImport(data, vault.snapshot(), settings);
    expect(secondPlan.unchanged).toHaveLength(120);
    await applyPlan(secondPlan, vault.writer());
    const urls = [...vault.files.values()].map((t) => /^linkedin: (.*)$/m.exec(t)?.[1]);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(exp.people.length);
  });
});

describe('composeImportReport', () => {
  it('counts, links and lists problems, with hostile names shown as text', async () => {
    const vault = new MemoryVault({
      'People/Gone.md':
        '---\nname: Gone Person\nlinkedin: https://www.linkedin.com/in/gone\nlinkedin-status: connected\n---\n',
    });
    const plan = await planImport(
      csv(
        'First Name,Last Name,URL,Connected On\n<img src=x onerror=alert(1)>,[[Evil]],https://www.linkedin.com/in/x,01 Jan 2020\n,,,02 Jan 2020',
      ),
      vault.snapshot(),
      settings,
    );
    const result = await applyPlan(plan, vault.writer());
    const report = composeImportReport(plan, { date: '2026-11-26', result });
    expect(report).toContain('| Created | 1 |');
    expect(report).toContain('| Skipped rows | 1 |');
    expect(report).toContain('- [[People/img src=x onerror=alert(1) Evil|img src=x onerror=alert(1) Evil]]');
    expect(report).toContain('Connections.csv, line 3: blank member row');
    expect(report).toContain('[[People/Gone|Gone]] (Gone Person): not in this export');
    expect(report).not.toMatch(/<img/);
  });

  it('caps long lists for a 30,000-person import', async () => {
    const exp = generateExport({ connections: 450, seed: 5 });
    const data = readExport([
      { name: 'Connections.csv', bytes: new TextEncoder().encode(exp.files['Connections.csv']), origin: 'picked' },
    ]);
    const vault = new MemoryVault();
    const plan = await planImport(data, vault.snapshot(), settings);
    const report = composeImportReport(plan, { date: '2026-11-26', result: await applyPlan(plan, vault.writer()) });
    expect(report).toMatch(/## Created \(4\d\d\)/);
    expect(report).toMatch(/- …and 2\d\d more/);
  });
});
