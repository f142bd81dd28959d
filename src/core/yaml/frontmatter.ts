/**
 * A note's frontmatter, classified once for every adapter: none, parsed, or broken with
 * the reason in the same words wherever it is shown (import preview, report, CLI). The
 * YAML parser is passed in: Obsidian's `parseYaml` in the plugin, the `yaml` package
 * (behind a fast path) in the CLI and the tests; the core bundles neither.
 */
import { splitNote } from '../notes/note-text';
import { escapeControlChars, quoted } from '../text/control-chars';

/** Parses a YAML text into a value; throws on a syntax error. */
export type YamlParser = (yaml: string) => unknown;

export const FRONTMATTER_UNTERMINATED = 'the frontmatter has no closing ---';
export const FRONTMATTER_NOT_A_MAP = 'the frontmatter is not a list of properties';

/** How much of an unterminated note stands in for its YAML (enough to find its URL and name). */
const RAW_HEAD = 2000;

export type NoteFrontmatter =
  | { kind: 'none'; body: string }
  | { kind: 'parsed'; data: Record<string, unknown>; yaml: string; body: string }
  | { kind: 'broken'; error: string; rawYaml: string; body: string };

/** The line of the note a frontmatter's YAML starts on: the opening `---` is line 1. */
const FRONTMATTER_FIRST_LINE = 2;
/** How much of the bad line the message quotes. */
const EXCERPT_MAX = 60;

/** Where the `yaml` package (" at line 2, column 10:") and js-yaml (" (2:10)") put the place in their first line. */
const AT_LINE = / at line (\d+), column (\d+):?\s*$/;
const AT_MARK = / \((\d+):(\d+)\)\s*$/;

/** A place in the YAML given to the parser, both counted from 1. */
interface YamlPlace {
  line: number;
  column: number;
}

const wholeNumber = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Where the parser says the error is, from the error's own fields: `linePos` (the `yaml`
 * package, from 1), `mark` (js-yaml, as Obsidian's parser throws, from 0), or `pos` (an
 * offset into the YAML, when the `yaml` package was told not to work out lines).
 */
function placeOf(e: unknown, yaml: string | undefined): YamlPlace | null {
  if (typeof e !== 'object' || e === null) return null;
  const { linePos, mark, pos } = e as { linePos?: unknown; mark?: unknown; pos?: unknown };
  const first: unknown = Array.isArray(linePos) ? linePos[0] : undefined;
  if (typeof first === 'object' && first !== null) {
    const { line, col } = first as { line?: unknown; col?: unknown };
    if (wholeNumber(line) && wholeNumber(col) && line > 0) return { line, column: Math.max(col, 1) };
  }
  if (typeof mark === 'object' && mark !== null) {
    const { line, column } = mark as { line?: unknown; column?: unknown };
    if (wholeNumber(line) && wholeNumber(column)) return { line: line + 1, column: column + 1 };
  }
  const offset: unknown = Array.isArray(pos) ? pos[0] : undefined;
  if (yaml !== undefined && wholeNumber(offset) && offset <= yaml.length) {
    const before = yaml.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  }
  return null;
}

/** Line `line` (from 1) of the YAML, trimmed, cut short and made safe to print, or null when it is blank or not there. */
function excerptOf(yaml: string | undefined, line: number): string | null {
  const text = yaml?.split('\n')[line - 1]?.trim();
  return text ? quoted(text, EXCERPT_MAX) : null;
}

/** The quote a parser says is never closed, from its reason (the `yaml` package's words, then js-yaml's); null for other errors. */
function unclosedQuote(reason: string): '"' | "'" | null {
  if (/Missing closing "quote|within a double quoted scalar/.test(reason)) return '"';
  if (/Missing closing 'quote|within a single quoted scalar/.test(reason)) return "'";
  return null;
}

/**
 * A value (after `key: ` or `- `, or first in a flow list `[`) opening with a quote: the text
 * before the quote, the quote, the rest of the line.
 */
const QUOTED_VALUE = /^(\s*(?:-[ \t]+)?(?:[^\s"'#][^:]*:[ \t]+)?(?:\[[ \t]*)?)(["'])(.*)$/;

/**
 * Where a quoted value the parser ran off the end of begins: the last line up to `line` whose
 * value opens with `quote` and does not close it on that line. Both parsers name the end of the
 * frontmatter, where the quote is missing, which is no help to someone looking for the quote
 * they opened (a real-scale trial: "line 14" for a `met-where: "Slush 2024` on line 10).
 */
function openingOf(yaml: string, quote: '"' | "'", line: number): YamlPlace | null {
  const lines = yaml.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = QUOTED_VALUE.exec((lines[i] as string).replace(/\r$/, ''));
    if (m === null || m[2] !== quote) continue;
    // Escapes (`\"` inside double quotes, `''` inside single ones) do not close the value.
    const rest = (m[3] as string).replace(quote === '"' ? /\\./g : /''/g, '');
    if (!rest.includes(quote)) return { line: i + 1, column: (m[1] as string).length + 1 };
  }
  return null;
}

/**
 * "YAML error: <the parser's reason> at line L, column C ("<that line>")", on one line, L
 * counted in the whole note. The parsers' own messages go on over several lines (an excerpt
 * of the YAML under a first line ending in a colon) and count lines in the YAML alone.
 *
 * `yaml`: the text the parser was given, to quote the line from; `firstLine`: the line of the
 * note it starts on (2 for a frontmatter: the opening `---` is line 1).
 */
export function yamlErrorText(e: unknown, yaml?: string, firstLine = FRONTMATTER_FIRST_LINE): string {
  const message = e instanceof Error ? e.message : String(e);
  let reason = (message.split('\n')[0] ?? '').trim();
  let place = placeOf(e, yaml);
  const written = AT_LINE.exec(reason) ?? AT_MARK.exec(reason);
  if (written) {
    reason = reason.slice(0, written.index).trimEnd();
    place ??= { line: Number(written[1]), column: Number(written[2]) };
  }
  reason = escapeControlChars(reason.replace(/\s*:$/, '')) || 'the YAML cannot be parsed';
  const quote = unclosedQuote(reason);
  const opening = quote === null || yaml === undefined ? null : openingOf(yaml, quote, place?.line ?? Infinity);
  if (opening !== null) {
    const excerpt = excerptOf(yaml, opening.line);
    const at = `line ${opening.line + firstLine - 1}, column ${opening.column}`;
    return `YAML error: the ${quote} opened at ${at} is never closed${excerpt === null ? '' : ` ("${excerpt}")`}`;
  }
  if (place === null) return `YAML error: ${reason}`;
  const excerpt = excerptOf(yaml, place.line);
  const at = `at line ${place.line + firstLine - 1}, column ${place.column}`;
  return `YAML error: ${reason} ${at}${excerpt === null ? '' : ` ("${excerpt}")`}`;
}

/**
 * The parsed YAML as properties, or the reason it is not a list of properties. `yaml` is a
 * note's frontmatter (the lines between its fences) unless `firstLine` says which line of
 * the note it starts on: errors name lines of the note.
 */
export function classifyYaml(
  yaml: string,
  parse: YamlParser,
  firstLine = FRONTMATTER_FIRST_LINE,
): { data: Record<string, unknown> } | { error: string } {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (e) {
    return { error: yamlErrorText(e, yaml, firstLine) };
  }
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { error: FRONTMATTER_NOT_A_MAP };
  return { data: data as Record<string, unknown> };
}

export function readNoteFrontmatter(text: string, parse: YamlParser): NoteFrontmatter {
  const parts = splitNote(text);
  if (parts.unterminated)
    return { kind: 'broken', error: FRONTMATTER_UNTERMINATED, rawYaml: text.slice(0, RAW_HEAD), body: text };
  if (parts.yaml === null) return { kind: 'none', body: parts.body };
  const result = classifyYaml(parts.yaml, parse);
  return 'data' in result
    ? { kind: 'parsed', data: result.data, yaml: parts.yaml, body: parts.body }
    : { kind: 'broken', error: result.error, rawYaml: parts.yaml, body: parts.body };
}
