/**
 * Files from the user, the way that also works on Obsidian mobile: an `<input type=file>`
 * (no Node `fs`, no Electron dialog), read into memory with `arrayBuffer()`.
 *
 * Phones are picky about the input: iOS does not open a picker for an input that is
 * `display: none`, and both iOS and Android grey out files whose type the system labels
 * differently from the `accept` list (a CSV saved from a mail or a cloud drive is often
 * "plain text" or "Excel"). So on mobile there is no `accept` list at all, the input is
 * hidden visually but still laid out, and what was picked is checked afterwards.
 */
import { Platform } from 'obsidian';
import type { ExportInput } from '../../core/linkedin/read-export';
import { checkInputSize, isZipName, looksLikeZip } from '../../core/linkedin/export-files';

/** What desktop pickers offer by default; other files can still be chosen and are checked after. */
export const ACCEPTED_FILES =
  '.zip,.csv,.vcf,.vcard,.ics,application/zip,application/x-zip-compressed,text/csv,text/comma-separated-values,application/vnd.ms-excel,text/plain,text/vcard,text/x-vcard,text/calendar';

/** A file input inside `parent`, hidden but clickable; the caller triggers `click()` from a user gesture. */
export function createFileInput(parent: HTMLElement, onFiles: (files: File[]) => void): HTMLInputElement {
  const input = parent.createEl('input', {
    type: 'file',
    cls: 'ncrm-file-input',
    attr: { multiple: true, tabindex: '-1', 'aria-hidden': 'true' },
  });
  if (!Platform.isMobile) input.setAttr('accept', ACCEPTED_FILES);
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = ''; // picking the same file again must fire `change` again
    if (files.length > 0) onFiles(files);
  });
  return input;
}

/** Signatures of files people pick by mistake from a phone's recent files. */
const NOT_TEXT: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG photo', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
];

function describeBinary(bytes: Uint8Array): string | null {
  for (const [what, magic] of NOT_TEXT) if (magic.every((b, i) => bytes[i] === b)) return what;
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) return 'a photo or video';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 1024).includes(0)) return 'not a text file';
  return null;
}

/**
 * Why a picked file cannot be imported, or null when it may be (a zip, or text that the
 * readers then identify by its content: an export CSV, a vCard, a contacts CSV, a calendar).
 */
export function notAnExport(input: ExportInput): string | null {
  if (looksLikeZip(input.bytes)) return null;
  if (input.bytes.length === 0) return `"${input.name}" is empty.`;
  const binary = describeBinary(input.bytes);
  if (binary === null && !isZipName(input.name)) return null;
  return `"${input.name}" cannot be imported (it is ${binary ?? 'not a zip archive'}). Choose the .zip file LinkedIn sent you (or Connections.csv, Invitations.csv or messages.csv from it), an address book (.vcf, Google or Outlook CSV) or a calendar (.ics).`;
}

export async function readPickedFiles(files: readonly File[]): Promise<ExportInput[]> {
  const out: ExportInput[] = [];
  for (const file of files) {
    checkInputSize(file.name, file.size); // before arrayBuffer(): a phone would run out of memory first
    const input: ExportInput = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), origin: 'picked' };
    const problem = notAnExport(input);
    if (problem !== null) throw new Error(problem);
    out.push(input);
  }
  return out;
}
