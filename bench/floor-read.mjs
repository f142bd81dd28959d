// The read floor: a bare Node process reading every note of a vault (hidden folders left
// out, as the CLI does) as text. `node floor-read.mjs VAULT`.
import fs from 'node:fs';
import path from 'node:path';

let chars = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.md')) chars += fs.readFileSync(full, 'utf8').length;
  }
};
walk(process.argv[2]);
process.stdout.write(`${chars}\n`);
