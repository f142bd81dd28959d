/**
 * Fault injection for a child process (`node --import tsx --import disk-full.ts …`): the
 * disk fills up after `NCRM_DISK_FULL_AFTER` note writes. Like a real full disk, a new
 * file is created and then its write fails with ENOSPC, leaving it empty; temp-file
 * writes fail the same way. Only `.md` and `.base` files count, so the CLI's own data
 * file is written once the "disk" has room again (the next run, without this preload).
 */
import fs from 'node:fs';

const after = Number(process.env.NCRM_DISK_FULL_AFTER ?? 'NaN');
let writes = 0;

function enospc(file: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, write '${file}'`);
  e.code = 'ENOSPC';
  return e;
}

if (Number.isFinite(after)) {
  const write = fs.writeFileSync.bind(fs);
  fs.writeFileSync = (
    file: fs.PathOrFileDescriptor,
    data: string | NodeJS.ArrayBufferView,
    options?: fs.WriteFileOptions,
  ) => {
    const name = String(file);
    if (/\.(md|base)(\.ncrm-tmp)?$/i.test(name) || /\.ncrm-tmp$/.test(name)) {
      writes++;
      if (writes > after) {
        write(file, '', options); // the file is there, its content is not
        throw enospc(name);
      }
    }
    write(file, data, options);
  };
}
