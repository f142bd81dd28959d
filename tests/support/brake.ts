/**
 * A vault and an export that trip the import's sanity brake: the vault imported from a
 * 400-person export, and a Connections.csv that moves a quarter of those people to one company.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { withCompaniesChanged } from '../hostile/exports';
import { cli } from './cli';
import { tempDir } from './temp-dir';

const EXPORT = generateExport({ connections: 400, seed: 13 });

export async function brakeTripping(today: string): Promise<{ vault: string; garbled: string }> {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const first = path.join(dir, 'Complete_LinkedInDataExport_11-01-2026.zip');
  fs.writeFileSync(first, zipExport(EXPORT));
  expect((await cli('import', first, '--vault', vault, '--today', today)).code).toBe(0);
  const garbled = path.join(dir, 'Connections.csv');
  fs.writeFileSync(
    garbled,
    withCompaniesChanged(EXPORT, (i) => i % 4 === 0, 'Garbled Corp'),
  );
  return { vault, garbled };
}
