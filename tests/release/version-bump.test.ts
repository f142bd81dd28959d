/**
 * Releasing starts with `npm version patch|minor|major`. This runs it for real on a copy of the
 * release files in a temp git repository (never on this checkout) and pins what Obsidian and
 * the release workflow rely on: package.json, manifest.json and versions.json move together in
 * one commit, the tag is the bare version (no "v"), the changelog's Unreleased notes become the
 * new version's section, and a bump with no notes is refused before anything changes. It also
 * checks that the files in this checkout agree with each other right now.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const RELEASE_FILES = [
  'package.json',
  'package-lock.json',
  'manifest.json',
  'versions.json',
  'CHANGELOG.md',
  '.npmrc',
  'scripts/version-bump.mjs',
  'scripts/changelog.mjs',
  'scripts/release-notes.mjs',
];

const readJson = (dir: string, file: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

/** Runs a command as a release manager would, with a throw-away HOME (npm's cache, git's config). */
function sh(cmd: string, args: string[], cwd: string, home = process.env.HOME) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...env,
      npm_config_update_notifier: 'false',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: home,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A git repository holding copies of the release files, with `unreleased` as the notes to ship. */
function releaseRepo(unreleased: string): string {
  const base = tempDir('ncrm-bump-');
  const dir = path.join(base, 'repo');
  for (const f of RELEASE_FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  const changelog = fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'CHANGELOG.md'),
    changelog.replace(/## \[Unreleased\]\n[\s\S]*?(?=\n## \[)/, `## [Unreleased]\n\n${unreleased}\n`),
  );
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'start'],
  ]) {
    const r = sh('git', args, dir, homeOf(dir));
    expect(r.code, r.err).toBe(0);
  }
  return dir;
}

const homeOf = (repo: string) => {
  const home = path.join(path.dirname(repo), 'home');
  fs.mkdirSync(home, { recursive: true });
  return home;
};

function bumped(version: string, minor: number): string {
  const [major] = version.split('.');
  return `${major}.${minor}.0`;
}

describe('npm version', () => {
  it('the files in this checkout agree: package.json, manifest.json, versions.json and CHANGELOG.md', () => {
    const pkg = readJson(ROOT, 'package.json');
    const manifest = readJson(ROOT, 'manifest.json');
    expect(manifest.version).toBe(pkg.version);
    expect(readJson(ROOT, 'versions.json')[manifest.version as string]).toBe(manifest.minAppVersion);
    const r = sh(process.execPath, ['scripts/release-notes.mjs', pkg.version as string], ROOT);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('### Added');
  });

  it('a minor bump updates the three files, versions.json and the changelog in one commit tagged without "v"', () => {
    const dir = releaseRepo('### Added\n\n- A thing users will notice.');
    const before = readJson(dir, 'package.json').version as string;
    const minAppVersion = readJson(dir, 'manifest.json').minAppVersion as string;
    const next = bumped(before, Number(before.split('.')[1]) + 1);

    const r = sh('npm', ['version', 'minor'], dir, homeOf(dir));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe(next);

    expect(readJson(dir, 'package.json').version).toBe(next);
    expect(readJson(dir, 'package-lock.json').version).toBe(next);
    expect(readJson(dir, 'manifest.json')).toEqual({ ...readJson(ROOT, 'manifest.json'), version: next });
    expect(readJson(dir, 'versions.json')).toEqual({ ...readJson(ROOT, 'versions.json'), [next]: minAppVersion });
    const changelog = fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(
      new RegExp(
        `## \\[Unreleased\\]\\n\\n## \\[${next}\\] - \\d{4}-\\d{2}-\\d{2}\\n\\n### Added\\n\\n- A thing users will notice\\.`,
      ),
    );
    // Still valid JSON in the layout prettier keeps.
    expect(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(
      `${JSON.stringify(readJson(dir, 'manifest.json'), null, 2)}\n`,
    );

    const files = sh('git', ['show', '--name-only', '--format=%s', 'HEAD'], dir).out.trim().split('\n');
    expect(files[0]).toBe(next);
    expect(files.slice(1).filter(Boolean).sort()).toEqual([
      'CHANGELOG.md',
      'manifest.json',
      'package-lock.json',
      'package.json',
      'versions.json',
    ]);
    expect(sh('git', ['tag', '--points-at', 'HEAD'], dir).out.trim()).toBe(next);
    expect(sh('git', ['status', '--porcelain'], dir).out).toBe('');

    // The release workflow accepts that tag and takes the new section as the notes.
    const notes = sh(process.execPath, ['scripts/release-notes.mjs', next], dir);
    expect(notes.code, notes.err).toBe(0);
    expect(notes.out).toBe('### Added\n\n- A thing users will notice.\n');
  });

  it('refuses to bump with empty Unreleased notes, and changes nothing', () => {
    const dir = releaseRepo('');
    const before = readJson(dir, 'package.json').version;
    const r = sh('npm', ['version', 'patch'], dir, homeOf(dir));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('the "## [Unreleased]" section of CHANGELOG.md is empty');
    expect(readJson(dir, 'package.json').version).toBe(before);
    expect(sh('git', ['status', '--porcelain'], dir).out).toBe('');
    expect(sh('git', ['tag'], dir).out).toBe('');
  });
});

describe('release notes for a tag', () => {
  it('rejects a "v" tag and a tag the files do not agree with, naming each mismatch', () => {
    const version = readJson(ROOT, 'package.json').version as string;
    const v = sh(process.execPath, ['scripts/release-notes.mjs', `v${version}`], ROOT);
    expect(v.code).toBe(1);
    expect(v.err).toContain(`tag "v${version}" is not a bare X.Y.Z version`);
    const other = sh(process.execPath, ['scripts/release-notes.mjs', '99.0.0'], ROOT);
    expect(other.code).toBe(1);
    expect(other.err).toContain(`package.json says ${version}`);
    expect(other.err).toContain(`manifest.json says ${version}`);
    expect(other.err).toContain('CHANGELOG.md has no notes under "## [99.0.0]"');
  });
});
