/**
 * `npm run demo`: writes a synthetic LinkedIn export, installs the built plugin into
 * ./demo-vault (enabled), imports the export there with the CLI and prints a summary.
 * Run it twice: the second import changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateExport, zipExport } from './lib/synthetic-export';
import { runCli } from '../src/cli/main';
import { processIo } from '../src/cli/io';

const root = path.resolve(__dirname, '..');
const vault = path.join(root, 'demo-vault');
const exportDir = path.join(root, 'demo-export');
const zipPath = path.join(exportDir, 'Complete_LinkedInDataExport_11-20-2026.zip');

async function main(): Promise<void> {
  for (const f of ['main.js', 'manifest.json', 'styles.css']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  fs.mkdirSync(exportDir, { recursive: true });
  const exp = generateExport({ connections: 400, invitations: 60, messages: 1500, seed: 7, newest: '2026-11-20' });
  fs.writeFileSync(zipPath, zipExport(exp));

  const pluginDir = path.join(vault, '.obsidian', 'plugins', 'network-crm');
  fs.mkdirSync(pluginDir, { recursive: true });
  for (const f of ['main.js', 'manifest.json', 'styles.css'])
    fs.copyFileSync(path.join(root, f), path.join(pluginDir, f));
  fs.writeFileSync(
    path.join(vault, '.obsidian', 'community-plugins.json'),
    `${JSON.stringify(['network-crm'], null, 2)}\n`,
  );
  const welcome = path.join(vault, 'Welcome.md');
  if (!fs.existsSync(welcome)) {
    fs.writeFileSync(
      welcome,
      '# Network CRM demo vault\n\nOpen this folder as a vault in Obsidian. The People folder holds the imported connections.\nTry the command palette: "Network CRM".\n',
    );
  }

  console.log(
    `Demo export: ${path.relative(root, zipPath)} (${exp.people.length} people, ${exp.blankRows} blank member rows)`,
  );
  console.log(`Plugin installed and enabled in ${path.relative(root, pluginDir)}\n`);
  const code = await runCli(['import', zipPath, '--vault', vault, '--report'], processIo());
  console.log(`\nOpen ${path.relative(root, vault)}/ as a vault in Obsidian to try the plugin.`);
  process.exitCode = code;
}

void main();
