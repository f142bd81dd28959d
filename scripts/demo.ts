/**
 * `npm run demo`: builds ./demo-vault from a generated network shaped like a real one
 * (scripts/lib/demo-vault.ts: two exports a week apart, a few weeks of use in between),
 * installs the built plugin there (enabled), and prints what is in it. Run it again to start
 * over: the vault is rebuilt from scratch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate } from '../src/core/dates/iso-date';
import { runCli } from '../src/cli/main';
import { processIo } from '../src/cli/io';
import { buildDemoVault } from './lib/demo-vault';

const root = path.resolve(__dirname, '..');
const vault = path.join(root, 'demo-vault');
const exportDir = path.join(root, 'demo-export');

async function main(): Promise<void> {
  for (const f of ['main.js', 'manifest.json', 'styles.css']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  fs.rmSync(vault, { recursive: true, force: true });
  fs.rmSync(exportDir, { recursive: true, force: true });
  fs.mkdirSync(vault, { recursive: true });
  fs.mkdirSync(exportDir, { recursive: true });
  const today = localIsoDate(new Date());
  const { log } = await buildDemoVault(vault, today, exportDir);

  const pluginDir = path.join(vault, '.obsidian', 'plugins', 'network-crm');
  fs.mkdirSync(pluginDir, { recursive: true });
  for (const f of ['main.js', 'manifest.json', 'styles.css'])
    fs.copyFileSync(path.join(root, f), path.join(pluginDir, f));
  fs.writeFileSync(
    path.join(vault, '.obsidian', 'community-plugins.json'),
    `${JSON.stringify(['network-crm'], null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(vault, 'Welcome.md'),
    '# Network CRM demo vault\n\nOpen this folder as a vault in Obsidian. The People folder holds a generated network of 3,700 connections, imported twice a week apart.\nTry the ribbon\'s inbox icon (triage), or the command palette: "Network CRM".\n',
  );
  for (const line of log) console.log(line);
  console.log(
    `Exports in ${path.relative(root, exportDir)}/, plugin installed and enabled in ${path.relative(root, pluginDir)}\n`,
  );
  console.log("Today's triage queue, as `network-crm triage` prints it:\n");
  const code = await runCli(['triage', '--vault', vault, '--today', today, '--limit', '25'], processIo());
  console.log(`\nOpen ${path.relative(root, vault)}/ as a vault in Obsidian to try the plugin.`);
  process.exitCode = code;
}

void main();
