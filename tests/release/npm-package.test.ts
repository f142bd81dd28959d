/**
 * The `network-crm` npm package, as a user gets it: `npm pack`, then `npx ./network-crm-X.Y.Z.tgz`
 * in an empty folder with npm forced offline and a fresh cache. This pins that the tarball
 * carries only what runs (dist/, README, LICENSE), that dist/ is self-contained (no runtime
 * dependencies to fetch: the bin requires only Node and its own vendor files), that the bin
 * has a shebang and runs, and that imports through the installed package write notes (a
 * LinkedIn export, then a calendar that loads the vendor files). CI runs it, so a dependency that sneaks out of
 * the bundle, or a `files` entry that drops the CLI, fails the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { ics, meeting } from '../support/calendar-builders';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
};

interface PackResult {
  filename: string;
  files: Array<{ path: string; mode: number }>;
}

/** An environment where npm can reach nothing: no registry, an empty cache, no user config. */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  fs.mkdirSync(path.join(home, 'cache'), { recursive: true });
  fs.writeFileSync(path.join(home, 'npmrc'), '');
  return {
    ...env,
    npm_config_userconfig: path.join(home, 'npmrc'),
    npm_config_cache: path.join(home, 'cache'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tarball = '';
let packed: PackResult;
let home = '';

beforeAll(() => {
  // Global set-up has just built dist/cli.js; --ignore-scripts keeps prepack from rebuilding
  // it under the feet of other test files.
  // Not tempDir(): that one is emptied after each test, and the tarball serves them all.
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-pack-'));
  const r = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', home], ROOT, offlineEnv(home));
  expect(r.code, r.err).toBe(0);
  packed = (JSON.parse(r.out) as PackResult[])[0] as PackResult;
  tarball = path.join(home, packed.filename);
}, 60_000);

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds only the CLI (with its read-ahead worker and vendor files), the README, the licence and package.json', () => {
    expect(packed.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/read-ahead-worker.js',
      'dist/vendor/fflate.js',
      'dist/vendor/ical.js',
      'dist/vendor/windows-iana.js',
      'dist/vendor/yaml.js',
      'package.json',
    ]);
    expect(pkg.bin).toEqual({ 'network-crm': 'dist/cli.js' });
    expect(fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('declares no runtime dependency: everything the CLI needs is bundled into dist/', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.engines).toEqual({ node: '>=20' });
    // The bin requires Node's modules and its own vendor files (loaded on first use), which the package carries.
    const requires = [...fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)];
    const builtins = new Set(builtinModules);
    const foreign = requires.map((m) => m[1] as string).filter((id) => !builtins.has(id.replace(/^node:/, '')));
    const shipped = new Set(packed.files.map((f) => f.path));
    expect(foreign.filter((id) => !shipped.has(path.posix.join('dist', id)))).toEqual([]);
  });

  it('runs with npx from the tarball in an empty folder, offline: --help and --version', () => {
    // As a user who downloaded the tarball: `npx ./network-crm-X.Y.Z.tgz …` (npx needs the ./
    // to take it for a package rather than a command).
    const dir = tempDir('ncrm-npx-');
    const env = offlineEnv(dir);
    fs.copyFileSync(tarball, path.join(dir, packed.filename));
    const help = run('npx', ['--yes', `./${packed.filename}`, '--help'], dir, env);
    expect(help.code, help.err).toBe(0);
    expect(help.out).toMatch(/^Usage: network-crm <command>/);
    const version = run('npx', ['--yes', `./${packed.filename}`, '--version'], dir, env);
    expect(version.code, version.err).toBe(0);
    expect(version.out.trim()).toBe(pkg.version);
    // npx installed into its cache and left the folder as it was.
    expect(fs.readdirSync(dir).sort()).toEqual(['cache', packed.filename, 'npmrc']);
  });

  it('imports an export into a vault through the installed package', () => {
    const dir = tempDir('ncrm-install-');
    const env = offlineEnv(dir);
    const installed = run('npm', ['install', '--no-save', tarball], dir, env);
    expect(installed.code, installed.err).toBe(0);
    // Nothing but the package itself was installed: it has no dependency tree.
    expect(fs.readdirSync(path.join(dir, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['network-crm']);

    const exp = generateExport({ connections: 40 });
    const zip = path.join(dir, 'Complete_LinkedInDataExport_11-20-2026.zip');
    fs.writeFileSync(zip, zipExport(exp));
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const bin = path.join(dir, 'node_modules/.bin/network-crm');
    const r = run(bin, ['import', zip, '--vault', vault, '--json', '--today', '2026-11-26'], dir, env);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { created: number }).created).toBe(exp.people.length);
    expect(fs.readdirSync(path.join(vault, 'People')).filter((f) => f.endsWith('.md'))).toHaveLength(exp.people.length);

    // A calendar with a Windows zone name, and a note in block YAML: the vendor files load
    // from the installed package (20:00 in Hawaii is the 21st in UTC, read through windows-iana).
    fs.writeFileSync(
      path.join(vault, 'People', 'Ann Lee.md'),
      '---\ntags:\n  - person\nname: Ann Lee\nemails:\n  - ann@example.com\nabout: |\n  met at a meetup\n---\n',
    );
    const me: [string, string] = ['Me', 'me@example.com'];
    const calendar = path.join(dir, 'calendar.ics');
    fs.writeFileSync(
      calendar,
      ics([
        meeting('DTSTART;TZID=Hawaiian Standard Time:20261020T200000', 'Coffee', [me, ['Ann Lee', 'ann@example.com']]),
        meeting('DTSTART:20261001T100000Z', 'Planning', [me]),
      ]),
    );
    const cal = run(bin, ['import', calendar, '--vault', vault, '--today', '2026-11-26'], dir, { ...env, TZ: 'UTC' });
    expect(cal.code, cal.err).toBe(0);
    expect(fs.readFileSync(path.join(vault, 'People', 'Ann Lee.md'), 'utf8')).toContain(
      '- 2026-10-21 · meeting · Coffee',
    );
  });
});
