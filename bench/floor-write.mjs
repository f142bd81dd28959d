// The write floor: a bare Node process writing the same notes the import wrote, one
// exclusive create each (as the import creates them), from one bundle file of
// [name, text] pairs. `node floor-write.mjs BUNDLE DIR`.
import fs from 'node:fs';
import path from 'node:path';

const [bundle, dir] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(bundle, 'utf8'));
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text, { flag: 'wx' });
