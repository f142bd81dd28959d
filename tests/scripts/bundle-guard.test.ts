import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp-dir';

function guard(code: string) {
  const file = path.join(tempDir(), 'main.js');
  fs.writeFileSync(file, code);
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/bundle-guard.mjs'), file], { encoding: 'utf8' });
}

const LOOKBEHIND = ['(?', '<'].join('');

describe('bundle guard', () => {
  it('passes the real bundle', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bundle-guard.mjs'), path.join(ROOT, 'main.js')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
  });

  it.each([
    ['var fs = require("fs");', 'requires "fs"'],
    ['const p = require("node:path");', 'requires "node:path"'],
    ['eval("1")', 'contains eval('],
    ['const b = Buffer.from("x")', 'bare Buffer'],
    ['/* gray-matter */ module.exports = {}', 'gray-matter'],
    ['if (process.platform === "win32") {}', 'process.*'],
    ['require(name)', 'computed module name'],
    // A lookbehind in a regex literal and in a string for new RegExp: text for the guard, made
    // from pieces so this file has none itself (the lint rule would refuse it).
    [`const r = /${LOOKBEHIND}!\\d)x/;`, 'lookbehind'],
    [`const r = new RegExp("${LOOKBEHIND}=a)b");`, 'lookbehind'],
  ])('rejects %j', (code, message) => {
    const r = guard(`require("obsidian");\n${code}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it('allows Obsidian, Electron and CodeMirror modules', () => {
    expect(
      guard(
        'require("obsidian"); require("electron"); require("@codemirror/view"); require("@lezer/common"); x.Buffer;',
      ).status,
    ).toBe(0);
  });
});
