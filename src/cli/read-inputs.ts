/**
 * CLI arguments → export inputs: a zip, a folder (searched at any depth for the three
 * files we read, case-insensitively), or CSV files named one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/csv/input-error';
import { checkInputSize, kindFromFileName } from '../core/linkedin/export-files';
import type { ExportInput } from '../core/linkedin/read-export';
import type { HostInflater } from '../core/zip/zip-reader';
import { ZLIB_INFLATER } from './zlib-inflater';

/** Reads a file the user named, refusing sizes no export has before reading a byte. */
function readBytes(file: string, shown: string): Uint8Array {
  checkInputSize(shown, fs.statSync(file).size);
  return fs.readFileSync(file);
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && kindFromFileName(entry.name) !== null) out.push(full);
  }
}

/** `inflater`: how zips are inflated (zlibInflater with the worker's script, in the CLI). */
export function readInputs(paths: readonly string[], inflater: HostInflater = ZLIB_INFLATER): ExportInput[] {
  const inputs: ExportInput[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(p, undefined, 'no such file or folder');
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(p, found);
      if (found.length === 0)
        throw new InputError(p, undefined, 'no Connections.csv, Invitations.csv or messages.csv in this folder');
      for (const f of found.sort())
        inputs.push({
          name: path
            .relative(path.dirname(path.resolve(p)), f)
            .split(path.sep)
            .join('/'),
          bytes: readBytes(f, f),
          origin: 'listed',
          inflater,
        });
    } else {
      inputs.push({
        name: path.basename(p),
        bytes: readBytes(p, path.basename(p)),
        origin: 'picked',
        inflater,
      });
    }
  }
  return inputs;
}
