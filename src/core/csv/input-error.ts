/**
 * The one error type for bad input. It always names the file, and the line when there is
 * one, so the CLI can print a single useful line and the plugin can show it in a notice.
 * Control characters from the input (a file name, a quoted first line) are escaped in the
 * message, so a hostile file cannot drive the terminal that shows it.
 */
import { escapeControlChars } from '../text/control-chars';

export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    super(escapeControlChars(line === undefined ? `${file}: ${message}` : `${file}, line ${line}: ${message}`));
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}
