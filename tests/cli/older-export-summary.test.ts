/**
 * An export older than the one the vault holds only fills empty fields, and its pending
 * sent invitations are not saved to the vault state: triage keeps the newer export's list
 * (export-age.ts, record-import.ts). But `network-crm import` still said "2 invitations
 * pending (sent by you, not accepted)", `--json` listed them under `pendingInvitations`,
 * and the report counted and listed them as "still pending", one of them an invitation the
 * newer export no longer had. Pins, for text, `--json` and the report: an older export's
 * pending invitations are not shown as pending but counted as left out because the export
 * is older, while a newer export's are still shown as pending.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportInput } from '../../src/core/linkedin/read-export';
import { cli } from '../support/cli';
import { connections, invitations, url, type InvitationRow } from '../support/export-builder';
import { tempDir } from '../support/temp-dir';

interface Summary {
  pendingInvitations: Array<{ name: string }>;
  pendingInvitationsLeftOut: number;
  bySource: Array<{ id: string; counts: Array<[string, number]> }>;
  warnings: Array<{ reason: string }>;
  reportFile: string | null;
}

/** An export as LinkedIn names it (`Complete_LinkedInDataExport_MM-DD-YYYY.zip`). */
function writeExport(dir: string, date: string, files: readonly ExportInput[]): string {
  const zip = path.join(dir, `Complete_LinkedInDataExport_${date}.zip`);
  fs.writeFileSync(zip, zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))));
  return zip;
}

const ME = url('me-myself');
const sent = (to: string, at: string): InvitationRow => ({
  from: 'Me Myself',
  to,
  at,
  direction: 'OUTGOING',
  inviterUrl: ME,
  inviteeUrl: url(to.toLowerCase().replace(' ', '-')),
});
const dana = { first: 'Dana', last: 'Xu', url: url('dana-xu'), on: '10 Mar 2021' };
const mateo = { first: 'Mateo', last: 'Ali', url: url('mateo-ali'), company: 'Datalune', on: '16 Dec 2024' };

/**
 * The vault after the export of 12-16 (invitations to Pia Lund and Quinn Ode pending), then
 * the one of 12-23 (Dana's new job; Quinn's invitation withdrawn, Pia's still pending).
 * Mateo's company was then cleared by hand, so the older export has a field to fill.
 */
async function setUp() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const older = writeExport(dir, '12-16-2024', [
    connections([{ ...dana, company: 'Datalune' }, mateo]),
    invitations([sent('Pia Lund', '12/11/24, 9:00 AM'), sent('Quinn Ode', '12/12/24, 9:00 AM')]),
  ]);
  const newer = writeExport(dir, '12-23-2024', [
    connections([
      { ...dana, company: 'Hooli' },
      mateo,
      { first: 'Farid', last: 'Yilmaz', url: url('farid-yilmaz'), company: 'Massive Dynamic', on: '23 Dec 2024' },
    ]),
    invitations([sent('Pia Lund', '12/11/24, 9:00 AM')]),
  ]);
  expect((await cli('import', older, '--vault', vault, '--today', '2024-12-17')).code).toBe(0);
  const newerRun = await cli('import', newer, '--vault', vault, '--today', '2024-12-24', '--json');
  expect(newerRun.code).toBe(0);
  const mateoNote = path.join(vault, 'People/Mateo Ali.md');
  fs.writeFileSync(mateoNote, fs.readFileSync(mateoNote, 'utf8').replace(/^company: .*$/m, 'company:'));
  return {
    vault,
    newer: newerRun.json<Summary>(),
    again: ['import', older, '--vault', vault, '--today', '2024-12-25'],
  };
}

const linkedInCounts = (s: Summary) => new Map(s.bySource.find((b) => b.id === 'linkedin')?.counts);
const sentPending = (vault: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(vault, '.obsidian/plugins/network-crm/data.json'), 'utf8')) as {
      state: { triage: { sentPending: Array<{ name: string }> } };
    }
  ).state.triage.sentPending.map((p) => p.name);

describe('network-crm import of an older export: its pending invitations are not claimed', () => {
  it('a newer export: its pending invitations are taken and shown as pending', async () => {
    const { vault, newer } = await setUp();
    expect(newer.pendingInvitations.map((p) => p.name)).toEqual(['Pia Lund']);
    expect(newer.pendingInvitationsLeftOut).toBe(0);
    expect(linkedInCounts(newer).get('Invitations you sent, not accepted')).toBe(1);
    expect(sentPending(vault)).toEqual(['Pia Lund']);
  });

  it('--json: none pending, two left out, and the vault keeps the newer export’s list', async () => {
    const { vault, again } = await setUp();
    const s = (await cli(...again, '--json')).json<Summary>();
    expect(s.warnings.map((w) => w.reason).join('\n')).toContain('older than what the vault holds');
    expect(s.pendingInvitations).toEqual([]);
    expect(s.pendingInvitationsLeftOut).toBe(2);
    const counts = linkedInCounts(s);
    expect(counts.has('Invitations you sent, not accepted')).toBe(false);
    expect(counts.get('Invitations you sent, left out (older export)')).toBe(2);
    expect(sentPending(vault)).toEqual(['Pia Lund']);
  });

  it('text: no "invitations pending", but "2 invitations you sent, left out" and why', async () => {
    const { again } = await setUp();
    const r = await cli(...again);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {8}1 note updated$/m);
    expect(r.out).not.toMatch(/invitations? pending/);
    expect(r.out).toMatch(/^ {8}2 invitations you sent, left out \(this export is older than what the vault holds\)$/m);
  });

  it('the report counts them as left out and lists none as still pending', async () => {
    const { vault, again } = await setUp();
    const s = (await cli(...again, '--report', '--json')).json<Summary>();
    const report = fs.readFileSync(path.join(vault, s.reportFile as string), 'utf8');
    expect(report).toContain('| Invitations you sent, left out (older export) | 2 |');
    expect(report).not.toContain('| Invitations you sent, not accepted |');
    expect(report).not.toContain('Invitations you sent that are still pending');
    expect(report).not.toContain('Quinn Ode');
  });
});
