/**
 * The file-name format setting (`{first} {last}`): one check for the settings tab, the
 * loaded settings and the CLI's `--format`, so a format one adapter accepts the other does too.
 */
export const FILE_NAME_PLACEHOLDERS = ['first', 'last', 'name', 'company'] as const;

/** What is wrong with a format, in words for the user; null when it is usable. */
export function fileNameFormatProblem(format: string): string | null {
  const used = [...format.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string);
  const unknown = used.find((p) => !(FILE_NAME_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown !== undefined)
    return `{${unknown}} is not a placeholder; use ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  if (used.length === 0)
    return `the format has no placeholder; use ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  return null;
}

export function isValidFileNameFormat(format: string): boolean {
  return fileNameFormatProblem(format) === null;
}
