// `node scripts/release-notes.mjs X.Y.Z`: run by the release workflow before anything is
// built. Checks that the pushed tag is a bare version (Obsidian looks releases up by the exact
// manifest version, without a "v") and that package.json, manifest.json, versions.json and
// CHANGELOG.md all agree with it, then prints that version's changelog section: the release notes.
import fs from 'node:fs';
import { section } from './changelog.mjs';

const tag = process.argv[2] ?? '';
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const problems = [];

if (!/^\d+\.\d+\.\d+$/.test(tag))
  problems.push(`tag "${tag}" is not a bare X.Y.Z version (Obsidian needs e.g. 1.2.3, no "v")`);
const pkg = readJson('package.json');
const manifest = readJson('manifest.json');
const versions = readJson('versions.json');
if (pkg.version !== tag) problems.push(`package.json says ${pkg.version}`);
if (manifest.version !== tag) problems.push(`manifest.json says ${manifest.version}`);
if (versions[tag] !== manifest.minAppVersion)
  problems.push(
    `versions.json maps ${tag} to ${versions[tag] ?? 'nothing'}, not to minAppVersion ${manifest.minAppVersion}`,
  );
const notes = section(fs.readFileSync('CHANGELOG.md', 'utf8'), tag);
if (!notes) problems.push(`CHANGELOG.md has no notes under "## [${tag}]"`);

if (problems.length > 0) {
  console.error(`release-notes: cannot release ${tag}:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
process.stdout.write(`${notes}\n`);
