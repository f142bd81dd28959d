/**
 * A CLI that reads well (issue 14): nouns agree with counts, a no-op re-import says so and
 * writes no second report, an unknown flag is called unknown, every command has --help,
 * `show` prints the person in text, `--person` takes an absolute path, `stale` lines up
 * wide names and takes --limit, and the plugin's batch commands (met-at-event,
 * prune-list) and undo work on a folder, undo refusing notes edited since.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main';
import { cli } from '../support/cli';
import { ROOT } from '../support/paths';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const person = (name: string, fields: string) => `---\nname: ${name}\n${fields}tags:\n  - person\n---\n`;

function vault(): string {
  const dir = tempDir();
  writeTree(dir, {
    'People/Ann.md': person(
      'Ann Lee',
      'company: Acme\nposition: CTO\ntrust: 4\nmet-where: "[[Web Summit 2024]]"\nlast-contact: 2026-01-10\nlinkedin: https://www.linkedin.com/in/ann-lee\n',
    ),
    'People/Yamada.md': person('山田太郎', 'trust: 5\nlast-contact: 2026-09-01\n'),
    'People/Rocket.md': person('Emoji 🚀 Rocket', 'trust: 5\nlast-contact: 2026-08-01\n'),
    'People/Ivy.md': person(
      'Ivy Stone',
      'linkedin-status: invitation-received\ninvited-on: 2026-11-20\ninvitation-message: Loved your talk\n',
    ),
    'People/Cy.md': person('Cy Park', 'linkedin-status: connected\nconnected-on: 2026-11-21\ncompany: Initech\n'),
    'People/Old.md': person('Old Friend', 'prune: true\nlinkedin: https://www.linkedin.com/in/old\n'),
  });
  return dir;
}

describe('network-crm reads well', () => {
  it('calls an unknown flag unknown and gives every command its own --help', async () => {
    const r = await cli('stale', '--vault', vault(), '--bogus-flag', 'x');
    expect([r.code, r.err.trim()]).toEqual([
      2,
      'network-crm: unknown option --bogus-flag for stale (see network-crm stale --help)',
    ]);
    for (const spec of COMMANDS) {
      const help = await cli(spec.name, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: network-crm ${spec.name}`);
      for (const f of spec.flags) expect(help.out).toContain(`--${f.name}`);
    }
    expect((await cli('help', 'undo')).out).toContain('Usage: network-crm undo');
    expect((await cli('--help')).out).toContain('met-at-event');
  });

  it('the README lists every command and every flag', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const cliSection = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Development'));
    for (const spec of COMMANDS) {
      expect(cliSection, spec.name).toContain(`| \`${spec.name}`);
      for (const f of spec.flags) expect(cliSection, `${spec.name} --${f.name}`).toContain(`--${f.name}`);
    }
  });

  it('show prints the fields in text and takes an absolute path', async () => {
    const dir = vault();
    const r = await cli(
      'show',
      '--vault',
      dir,
      '--person',
      path.join(dir, 'People', 'Ann.md'),
      '--today',
      '2026-11-26',
    );
    expect(r.out).toBe(
      [
        'Ann Lee (People/Ann.md)',
        '  company:      Acme',
        '  position:     CTO',
        '  trust:        4 · Trusted',
        '  met where:    [[Web Summit 2024]]',
        '  last contact: 2026-01-10 (from field)',
        '  LinkedIn:     https://www.linkedin.com/in/ann-lee',
        '  status:       —',
        '',
      ].join('\n'),
    );
    const ivy = (await cli('show', '--vault', dir, '--person', 'Ivy Stone')).out;
    expect(ivy).toContain('  invitation note: Loved your talk\n');
    const outside = await cli('show', '--vault', dir, '--person', path.join(tempDir(), 'x.md'));
    expect(outside.err).toContain('is not inside the vault');
  });

  it('stale agrees with its nouns, lines up wide names and takes --limit', async () => {
    const dir = vault();
    const all = (await cli('stale', '--vault', dir, '--today', '2026-11-26')).out.split('\n').filter(Boolean);
    expect(all[0]).toBe('3 stale contacts on 2026-11-26');
    // Row lines only: each row is followed by an indented line saying the rule that applies.
    const pathColumn = all
      .slice(1)
      .filter((l) => !l.startsWith('      '))
      .map((l) => {
        const before = l.slice(0, l.indexOf('last contact'));
        return [...new Intl.Segmenter().segment(before)].reduce(
          (w, { segment }) => w + (/[\u3000-\u9fff]|\p{Extended_Pictographic}/u.test(segment) ? 2 : 1),
          0,
        );
      });
    expect(new Set(pathColumn).size).toBe(1);
    const one = (await cli('stale', '--vault', dir, '--today', '2026-11-26', '--limit', '1')).out;
    expect(one.split('\n')[0]).toBe('3 stale contacts on 2026-11-26, the first 1 shown');
    expect((await cli('stale', '--vault', dir, '--today', '2026-01-11')).out).toMatch(/^0 stale contacts/);
    expect((await cli('stale', '--vault', dir, '--limit', '0')).err).toContain('--limit "0" must be a whole number');
  });

  it('met-at-event sets met-where in one undoable step; undo keeps later edits and refuses a changed key', async () => {
    const dir = vault();
    const before = readTree(dir);
    const event = ['met-at-event', '--vault', dir, '--from', '2026-11-19', '--to', '2026-11-22'];
    const dry = await cli(...event, '--met-where', 'Web Summit', '--dry-run');
    expect(dry.out.split('\n')[0]).toBe(
      'Dry run: would set met-where to Web Summit on 2 people who connected or invited you from 2026-11-19 to 2026-11-22',
    );
    expect(readTree(dir)).toEqual(before);
    const r = await cli(...event, '--met-where', 'Web Summit');
    expect(r.code).toBe(0);
    expect(readTree(dir)['People/Cy.md']).toContain('met-where: Web Summit\n');
    expect(readTree(dir)['People/Ivy.md']).toContain('met-where: Web Summit\n');
    // The user writes in one note afterwards: undo takes back met-where there and keeps their words.
    fs.appendFileSync(path.join(dir, 'People/Cy.md'), 'my words\n');
    const undo = await cli('undo', '--vault', dir);
    expect(undo.code).toBe(0);
    expect(undo.out).toBe(
      'Undone: met at Web Summit (2 people) (2 notes taken back).\n1 note had changed since; the later changes were kept:\n  People/Cy.md\n',
    );
    expect(readTree(dir)['People/Ivy.md']).toBe(before['People/Ivy.md']);
    expect(readTree(dir)['People/Cy.md']).toBe(`${before['People/Cy.md']}my words\n`);
    expect((await cli('undo', '--vault', dir)).out).toBe('Nothing to undo.\n');

    // The user changes the very key the command set: that note is left alone, with the reason.
    await cli(...event, '--met-where', 'Web Summit');
    const cy = path.join(dir, 'People/Cy.md');
    fs.writeFileSync(cy, fs.readFileSync(cy, 'utf8').replace('met-where: Web Summit', 'met-where: Lisbon'));
    const refused = await cli('undo', '--vault', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe(
      'Undone: met at Web Summit (2 people) (1 note taken back).\n1 note left alone:\n  People/Cy.md: met-where was changed since (now "Lisbon")\n',
    );
    expect(readTree(dir)['People/Cy.md']).toContain('met-where: Lisbon\n');
  });

  it('log and decide are undone by undo; prune-list writes the checklist and undo removes it', async () => {
    const dir = vault();
    const before = readTree(dir);
    await cli(
      'log',
      '--vault',
      dir,
      '--person',
      'Ann Lee',
      '--channel',
      'call',
      '--note',
      'caught up',
      '--today',
      '2026-11-26',
    );
    expect(readTree(dir)['People/Ann.md']).toContain('last-contact: 2026-11-26');
    expect((await cli('undo', '--vault', dir)).out).toBe('Undone: log call with Ann Lee (1 note taken back).\n');
    expect(readTree(dir)).toEqual(before);

    await cli('decide', '--vault', dir, '--person', 'Cy Park', '--trust', '2');
    const list = await cli('prune-list', '--vault', dir, '--today', '2026-11-26');
    expect(list.out).toBe('Wrote Network CRM/Prune list.md: 1 person marked to prune\n');
    expect(readTree(dir)['Network CRM/Prune list.md']).toContain('- [ ] [[People/Old|Old]]');
    await cli('undo', '--vault', dir);
    expect(fs.existsSync(path.join(dir, 'Network CRM/Prune list.md'))).toBe(false);
    // Undo again takes back the change before: the decision.
    expect((await cli('undo', '--vault', dir)).out).toBe('Undone: trust Cy Park (1 note taken back).\n');
    expect(readTree(dir)).toEqual(before);
  });

  it('a re-import with nothing to do says so and --report writes no second report', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'Connections.csv');
    fs.writeFileSync(
      csv,
      'First Name,Last Name,URL,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann-lee,Acme,CTO,01 Jan 2024\n',
    );
    const v = path.join(dir, 'vault');
    fs.mkdirSync(v);
    const first = await cli('import', csv, '--vault', v, '--report', '--today', '2026-11-26');
    expect(first.out).toContain('        1 note created\n');
    const again = await cli('import', csv, '--vault', v, '--report', '--today', '2026-11-26');
    expect(again.out).toBe(`Already up to date: 1 note unchanged in ${v}/People\n`);
    expect(fs.readdirSync(path.join(v, 'Network CRM', 'Imports'))).toEqual(['LinkedIn import 2026-11-26.md']);
  });
});
