/**
 * Pins the import planned in parts (core/import/parts.ts) to the import planned at once: on a
 * realistic network re-imported a week later (new connections, job changes, people gone
 * from the export, invitations and messages), with URLs and without (the pre-2023 files,
 * where messages teach URLs by name), the vault written part by part is byte for byte the
 * vault written at once, and the plan says the same (counts, updates, ambiguous rows, the
 * people missing from the export, the newest connection day). Parts are made tiny here so
 * that every rule that places people (linked to another file, namesakes) is exercised.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { advanceNetwork, generateNetwork, networkFiles } from '../../../scripts/lib/realistic-network';
import { applyPlan } from '../../../src/core/import/apply';
import { planInParts } from '../../../src/core/import/parts';
import { planImport } from '../../../src/core/import/plan';
import type { ImportPlan } from '../../../src/core/import/plan-types';
import { compactExportOf, linkedInSource } from '../../../src/core/import/sources/linkedin';
import { readExport, type LinkedInExport } from '../../../src/core/linkedin/read-export';
import type { ExportInput } from '../../../src/core/linkedin/read-export';
import { messages2021, url } from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';
import { planSays } from '../../support/plan-said';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };

function exportOf(files: Record<string, string>, compactAbove?: number): LinkedInExport {
  return readExport(
    Object.entries(files).map(([name, text]) => ({ name, bytes: strToU8(text), origin: 'picked' as const })),
    { compactAbove },
  );
}

/** Connections.csv as the 2021–23 exports wrote it: no URL column. */
function withoutUrls(files: Record<string, string>): Record<string, string> {
  const csv = files['Connections.csv'] as string;
  const lines = csv.split('\n');
  const header = lines.findIndex((l) => l.startsWith('First Name'));
  const dropUrl = (line: string, i: number) => {
    if (i < header || line === '') return line;
    // Split on every comma: only the third cell goes (a URL, which holds none), so a quoted
    // comma in a later cell is joined back as it was.
    const cells = line.split(',');
    return [...cells.slice(0, 2), ...cells.slice(3)].join(',');
  };
  return { ...files, 'Connections.csv': lines.map(dropUrl).join('\n') };
}

/** The next export: a week later, with some connections gone. */
function nextFiles(urls: boolean) {
  const net = generateNetwork({ connections: 2400, outgoing: 400, incoming: 60, seed: 5 });
  const later = advanceNetwork(net, { newConnections: 250, jobChanges: 120 }).network;
  later.connections = later.connections.filter((_, i) => i % 97 !== 13);
  const first = networkFiles(net);
  const next = networkFiles(later);
  return urls ? { first, next } : { first: withoutUrls(first), next: withoutUrls(next) };
}

async function baseVault(first: Record<string, string>): Promise<MemoryVault> {
  const vault = new MemoryVault();
  await applyPlan(await planImport(exportOf(first), vault.snapshot(), settings), vault.writer());
  return vault;
}

describe.each([
  ['with profile URLs', true],
  ['without profile URLs (2021–23)', false],
])('an import planned in parts, %s', (_, urls) => {
  it('writes the vault and says what the import at once writes and says', async () => {
    const { first, next } = nextFiles(urls);
    const atOnce = await baseVault(first);
    const inParts = await baseVault(first);
    expect([...inParts.files]).toEqual([...atOnce.files]);

    const whole = await planImport(exportOf(next), atOnce.snapshot(), settings);
    await applyPlan(whole, atOnce.writer());

    const exp = exportOf(next, 0);
    expect(compactExportOf(linkedInSource(exp))).toBe(exp);
    const parts: ImportPlan[] = [];
    const plan = await planInParts(exp, inParts.snapshot(), settings, {
      partSize: 150,
      onPart: async (part) => {
        parts.push(part);
        await applyPlan(part, inParts.writer());
        return true;
      },
    });
    expect(parts.length).toBeGreaterThan(5);
    expect(whole.creates.length).toBeGreaterThan(200);
    expect(whole.updates.some((u) => u.jobChange)).toBe(true);
    expect(whole.missingFromExport.length).toBeGreaterThan(10);

    expect(planSays(plan)).toEqual(planSays(whole));
    expect(new Map(inParts.files)).toEqual(new Map(atOnce.files));
  });
});

describe('an import stopped between parts', () => {
  it('writes no part after the stop and calls no one missing from the export', async () => {
    const { first, next } = nextFiles(true);
    const vault = await baseVault(first);
    const before = new Map(vault.files);
    const whole = await planImport(exportOf(next), vault.snapshot(), settings);
    // The plan made at once finds people gone from the export: a stopped import must not.
    expect(whole.missingFromExport.length).toBeGreaterThan(10);
    let parts = 0;
    const plan = await planInParts(exportOf(next, 0), vault.snapshot(), settings, {
      partSize: 150,
      onPart: async (part) => {
        await applyPlan(part, vault.writer());
        return ++parts < 2;
      },
    });
    expect(parts).toBe(2);
    expect(plan.missingFromExport).toEqual([]);
    // Only the two parts made were written: fewer notes changed than the import at once changes.
    const changed = [...vault.files].filter(([p, text]) => before.get(p) !== text).length;
    expect(changed).toBe(plan.creates.length + plan.updates.length);
    expect(changed).toBeLessThan(whole.creates.length + whole.updates.length);
  });
});

describe('a Connections.csv row that cannot be read', () => {
  it('does not make its person missing from the export, planned at once or in parts', async () => {
    const { first, next } = nextFiles(true);
    const vault = await baseVault(first);
    const lines = (next['Connections.csv'] as string).split('\n');
    const texts = [...vault.files.values()];
    const slugOf = (line: string) => /\/in\/([^,/]+)/.exec(line)?.[1];
    const connected = (slug: string) => (t: string) =>
      t.includes(`/in/${slug}\n`) && t.includes('linkedin-status: connected\n');
    // A row of a connection with a note, starting with a plain letter.
    const at = lines.findIndex((l) => {
      const slug = slugOf(l);
      return /^[A-Za-z]/.test(l) && slug !== undefined && texts.some(connected(slug));
    });
    const who = slugOf(lines[at] as string) as string;
    // Its first letter becomes a Latin-1 byte: the row is skipped, its URL is still read.
    const head = new TextEncoder().encode(`${lines.slice(0, at).join('\n')}\n`);
    const rest = new TextEncoder().encode(`${(lines[at] as string).slice(1)}\n${lines.slice(at + 1).join('\n')}`);
    const bytes = new Uint8Array([...head, 0xe9, ...rest]);
    const read = (compactAbove?: number) =>
      readExport(
        [
          ...Object.entries(next)
            .filter(([name]) => name !== 'Connections.csv')
            .map(([name, text]) => ({ name, bytes: strToU8(text), origin: 'picked' as const })),
          { name: 'Connections.csv', bytes, origin: 'picked' as const },
        ],
        { compactAbove },
      );
    expect(read().connections[0]?.skipped.some((r) => r.line === at + 1 && r.reason.startsWith('unreadable'))).toBe(
      true,
    );
    const whole = await planImport(read(), vault.snapshot(), settings);
    const inParts = await planInParts(read(0), vault.snapshot(), settings, { partSize: 500 });
    const missing = whole.missingFromExport.map((m) => m.path).sort();
    expect(missing.length).toBeGreaterThan(10);
    expect(inParts.missingFromExport.map((m) => m.path).sort()).toEqual(missing);
    const note = [...vault.files].find(([, text]) => connected(who)(text))?.[0];
    expect(note).toBeDefined();
    expect(missing).not.toContain(note);
  });
});

describe('a note that people of two parts both fit', () => {
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
  const filler = Array.from({ length: 40 }, (_, i) => `Filler,Person${i},${url(`filler-${i}`)},,Acme,,14 Sep 2024`);
  const note = (name: string, email: string) =>
    `---\nname: ${name}\nemail: ${email}\nlinkedin-status: connected\ntags: [person]\n---\n`;

  /** Planned at once and in parts of one person, the same note goes to the same row. */
  async function expectSameOwner(vaultFiles: Record<string, string>, inputs: ExportInput[]) {
    const atOnce = new MemoryVault(vaultFiles);
    const inParts = new MemoryVault(vaultFiles);
    const whole = await planImport(readExport(inputs), atOnce.snapshot(), settings);
    await applyPlan(whole, atOnce.writer());
    const plan = await planInParts(readExport(inputs, { compactAbove: 0 }), inParts.snapshot(), settings, {
      partSize: 1,
      onPart: async (part) => (await applyPlan(part, inParts.writer()), true),
    });
    expect(whole.updates).toHaveLength(1);
    expect(planSays(plan)).toEqual(planSays(whole));
    expect(new Map(inParts.files)).toEqual(new Map(atOnce.files));
  }

  it('goes to the earlier row when two rows share an e-mail address', async () => {
    const csv = [
      header,
      `Ann,New,${url('ann')},ann@x.com,Acme,,14 Sep 2024`,
      `Zed,Other0,${url('zed')},ann@x.com,,,14 Sep 2024`,
      ...filler,
    ];
    await expectSameOwner({ 'People/Ann.md': note('Ann Old', 'ann@x.com') }, [
      { name: 'Connections.csv', bytes: strToU8(csv.join('\n')), origin: 'picked' },
    ]);
  });

  it('goes to the connection, not to someone only messages.csv names', async () => {
    const csv = [header, `Foo,Barrington,${url('foo')},foo@x.com,Acme,,14 Sep 2024`, ...filler];
    await expectSameOwner({ 'People/Foo.md': note('Foo Bar', 'foo@x.com') }, [
      { name: 'Connections.csv', bytes: strToU8(csv.join('\n')), origin: 'picked' },
      messages2021([
        {
          conversation: 'c1',
          from: 'Foo Bar',
          fromUrl: url('foo-old'),
          to: 'Alex Owner',
          at: '2024-09-01 10:00:00 UTC',
        },
        { conversation: 'c1', from: 'Alex Owner', fromUrl: url('me'), to: 'Foo Bar', at: '2024-09-02 10:00:00 UTC' },
        {
          conversation: 'c2',
          from: 'Alex Owner',
          fromUrl: url('me'),
          to: 'Filler Person1',
          at: '2024-09-03 10:00:00 UTC',
        },
      ]),
    ]);
  });
});
