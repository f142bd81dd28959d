// CHANGELOG.md in Keep a Changelog style: an `## [Unreleased]` section on top, then one
// `## [X.Y.Z] - YYYY-MM-DD` section per release. Shared by the version bump (which turns
// Unreleased into the new version's section) and the release workflow (which takes a
// version's section as the release notes).

const HEADING = /^## \[([^\]]+)\](.*)$/;

/** The body of the section headed `## [name]`, trimmed; null when there is no such heading. */
export function section(text, name) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === name);
  if (start === -1) return null;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  // Link reference definitions at the end of the file belong to no section.
  const body = lines.slice(start + 1, end).filter((l) => !/^\[[^\]]+\]:\s/.test(l));
  return body.join('\n').trim();
}

/**
 * The changelog with the Unreleased notes moved under a new `## [version] - date` heading and
 * an empty Unreleased section left above it, ready for the next change.
 */
export function stampRelease(text, version, date) {
  if (section(text, version) !== null) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => HEADING.exec(l)?.[1] === 'Unreleased');
  if (at === -1) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  lines.splice(at + 1, 0, '', `## [${version}] - ${date}`);
  return lines.join('\n');
}
