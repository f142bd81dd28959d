// Fails when main.js would not load on Obsidian mobile: a require() of anything but
// Obsidian's own modules, eval, a bare Buffer, gray-matter (which needs fs and Buffer), or a
// regex lookbehind (older iPhones cannot compile one).
import fs from 'node:fs';

const file = process.argv[2] ?? 'main.js';
const code = fs.readFileSync(file, 'utf8');
const allowed = (id) =>
  id === 'obsidian' || id === 'electron' || id.startsWith('@codemirror/') || id.startsWith('@lezer/');
const problems = [];

for (const m of code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)) {
  if (!allowed(m[2])) problems.push(`requires "${m[2]}"`);
}
if (/\brequire\s*\(\s*[^'"`\s)]/.test(code)) problems.push('calls require() with a computed module name');
if (/\beval\s*\(/.test(code)) problems.push('contains eval(');
if (/\bnew\s+Function\s*\(/.test(code)) problems.push('contains new Function(');
if (/(?<![.\w$])Buffer\b/.test(code)) problems.push('uses a bare Buffer (not defined on mobile)');
if (/gray-matter|graymatter/i.test(code)) problems.push('bundles gray-matter');
if (/(?<![.\w$])process\.(?:env|platform|cwd|versions)/.test(code))
  problems.push('reads process.* (not defined on mobile)');
// In a regex literal or a string given to new RegExp (which the lint rule cannot see).
if (/\(\?<[=!]/.test(code)) problems.push('has a regex lookbehind (a syntax error on iOS before 16.4)');

if (problems.length > 0) {
  console.error(`bundle guard: ${file} is not safe for Obsidian mobile:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`bundle guard: ${file} OK (${(code.length / 1024).toFixed(0)} kB, requires only Obsidian's modules)`);
