/**
 * How a command names a note it could not write. The error of a refused write already names
 * the note ("People/Ann.md is read-only; …"): the line then gives it once, not twice.
 */
export function failureLine(failure: { path: string; error: string }): string {
  const { path, error } = failure;
  return error.startsWith(`${path} `) ? error : `${path}: ${error}`;
}
