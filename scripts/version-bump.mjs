// Run by `npm version patch|minor|major` (see "preversion" and "version" in package.json), as
// Obsidian's sample plugin does: npm has just written the new version into package.json and
// package-lock.json; this copies it into manifest.json, maps it to minAppVersion in
// versions.json, and moves the changelog's Unreleased notes under the new version. npm then
// commits all of them together and tags the commit with the bare version (.npmrc sets no "v").
//
// `--check` runs before npm touches anything: it refuses to release with no changelog notes,
// or from files whose versions already disagree.
import fs from 'node:fs';
import { section, stampRelease } from './changelog.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const fail = (message) => {
  console.error(`version-bump: ${message}`);
  process.exit(1);
};

const pkg = readJson('package.json');
const manifest = readJson('manifest.json');
const versions = readJson('versions.json');
const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');

if (process.argv.includes('--check')) {
  if (manifest.version !== pkg.version)
    fail(`manifest.json says ${manifest.version} but package.json says ${pkg.version}; make them agree first`);
  if (versions[manifest.version] === undefined) fail(`versions.json has no entry for ${manifest.version}`);
  const notes = section(changelog, 'Unreleased');
  if (notes === null) fail('CHANGELOG.md has no "## [Unreleased]" section');
  if (notes === '') fail('the "## [Unreleased]" section of CHANGELOG.md is empty: say what this release changes');
  process.exit(0);
}

const version = pkg.version;
if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`${version} is not a plain X.Y.Z version (Obsidian needs one)`);
const d = new Date();
const today = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

manifest.version = version;
versions[version] = manifest.minAppVersion;
writeJson('manifest.json', manifest);
writeJson('versions.json', versions);
try {
  fs.writeFileSync('CHANGELOG.md', stampRelease(changelog, version, today));
} catch (e) {
  fail(e.message);
}
console.log(`version-bump: manifest.json, versions.json and CHANGELOG.md now at ${version}`);
