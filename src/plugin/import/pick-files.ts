/**
 * Files from the user, the way that also works on Obsidian mobile: an `<input type=file>`
 * (no Node `fs`, no Electron dialog), read into memory with `arrayBuffer()`.
 */
import type { ExportInput } from '../../core/linkedin/read-export';

export const ACCEPTED_FILES = '.zip,.csv,application/zip,text/csv';

/** A hidden file input inside `parent`; the caller triggers `click()` from a user gesture. */
export function createFileInput(parent: HTMLElement, onFiles: (files: File[]) => void): HTMLInputElement {
  const input = parent.createEl('input', {
    type: 'file',
    cls: 'ncrm-file-input',
    attr: { accept: ACCEPTED_FILES, multiple: true },
  });
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = ''; // picking the same file again must fire `change` again
    if (files.length > 0) onFiles(files);
  });
  return input;
}

export async function readPickedFiles(files: readonly File[]): Promise<ExportInput[]> {
  const out: ExportInput[] = [];
  for (const file of files)
    out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), origin: 'picked' });
  return out;
}
