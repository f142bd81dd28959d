/**
 * The words a broken frontmatter is reported in (core/yaml/frontmatter.ts): one line, the
 * parser's reason, the line and column in the whole note (its opening `---` is line 1), and
 * the line itself, whichever parser threw (the `yaml` package in the CLI, js-yaml's kind of
 * error in Obsidian, or an error that has only its message).
 */
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { classifyYaml, readNoteFrontmatter, yamlErrorText, type YamlParser } from '../../../src/core/yaml/frontmatter';
import { parseYaml } from '../../../src/cli/yaml-full';

const STARK = '---\nname: Tony Stark\ncompany: Stark Industries: R&D\nposition: CEO\n---\n\nBody.\n';

/**
 * An error in the shape js-yaml throws (what Obsidian's `parseYaml` throws): the place in
 * `mark`, counted from 0, and written "(line:column)" after the reason, then an excerpt.
 * Seen from js-yaml 4.3: "bad indentation of a mapping entry (2:26)\n\n 1 | name: A\n …".
 */
class YAMLException extends Error {
  constructor(
    readonly reason: string,
    readonly mark: { line: number; column: number },
  ) {
    super(`${reason} (${mark.line + 1}:${mark.column + 1})\n\n ${mark.line + 1} | excerpt\n-----^`);
    this.name = 'YAMLException';
  }
}

/** The `yaml` package's verdict, thrown as js-yaml would throw it. */
const jsYamlLike: YamlParser = (yaml) => {
  try {
    return YAML.parse(yaml);
  } catch (e) {
    if (!(e instanceof YAML.YAMLParseError) || e.linePos === undefined) throw e;
    const reason = e.message.split('\n')[0]!.replace(/ at line .*$/, '');
    throw new YAMLException(reason, { line: e.linePos[0].line - 1, column: e.linePos[0].col - 1 });
  }
};

/** Only the message survives: how a wrapper that re-throws the parser's text looks. */
const messageOnly =
  (parse: YamlParser): YamlParser =>
  (yaml) => {
    try {
      return parse(yaml);
    } catch (e) {
      throw new Error(e instanceof Error ? e.message : String(e));
    }
  };

function errorOf(text: string, parse: YamlParser): string {
  const fm = readNoteFrontmatter(text, parse);
  if (fm.kind !== 'broken') throw new Error(`not broken: ${fm.kind}`);
  return fm.error;
}

describe('a frontmatter the parser rejects', () => {
  it('is named by its line in the note, with the line, on one line (the yaml package)', () => {
    expect(errorOf(STARK, (y) => YAML.parse(y))).toBe(
      'YAML error: Nested mappings are not allowed in compact mappings at line 3, column 10 ("company: Stark Industries: R&D")',
    );
    expect(errorOf(STARK, parseYaml)).toBe(errorOf(STARK, (y) => YAML.parse(y)));
  });

  it('counts the lines of the whole note: the bad line 4 after `---` and two lines', () => {
    const text =
      '---\nname: Tony Stark\nlinkedin: https://www.linkedin.com/in/tony\ncompany: Stark Industries: R&D\n---\n';
    expect(errorOf(text, parseYaml)).toMatch(/ at line 4, column 10 \("company: Stark Industries: R&D"\)$/);
  });

  it('says the same from an error as js-yaml throws it (as Obsidian does) and from a message alone', () => {
    for (const parse of [jsYamlLike, messageOnly(jsYamlLike)]) {
      expect(errorOf(STARK, parse)).toBe(errorOf(STARK, (y) => YAML.parse(y)));
    }
    expect(
      errorOf(
        STARK,
        messageOnly((y) => YAML.parse(y)),
      ),
    ).toBe(errorOf(STARK, (y) => YAML.parse(y)));
  });

  it('never ends in a colon nor runs onto a second line', () => {
    const notes = [
      STARK,
      '---\na: [b\n---\n',
      '---\nname: Bad Yaml\ntrust: 5\n  last-contact: [2026-01-01\n---\n',
      '---\na: 1\na: 2\n---\n',
      '---\r\nname: A\r\ncompany: x: y\r\n---\r\n',
      '\uFEFF---\nk: @x\n---\n',
      '---\na: *nope\n---\n',
    ];
    for (const text of notes)
      for (const parse of [parseYaml, jsYamlLike, messageOnly(parseYaml)]) {
        const error = errorOf(text, parse);
        expect(error).toMatch(/^YAML error: \S/);
        expect(error).not.toMatch(/[:\s]$/);
        expect(error).not.toMatch(/[\r\n]/);
      }
  });

  it('leaves out a line that is empty (the end of the frontmatter) and cuts a long one', () => {
    expect(errorOf('---\na: [b\n---\n', parseYaml)).toBe(
      'YAML error: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1',
    );
    const long = `---\nnote: ${'x'.repeat(100)}: y\n---\n`;
    expect(errorOf(long, parseYaml)).toMatch(/ at line 2, column \d+ \("note: x+…"\)$/);
    expect(errorOf(long, parseYaml).length).toBeLessThan(200);
  });

  it('keeps the CRLF and the BOM of a note out of its line numbers and its excerpt', () => {
    expect(errorOf('\uFEFF---\r\nname: A\r\ncompany: x: y\r\n---\r\n', parseYaml)).toBe(
      'YAML error: Nested mappings are not allowed in compact mappings at line 3, column 10 ("company: x: y")',
    );
  });

  it('shows the control characters of the line quoted as escapes, never raw', () => {
    expect(errorOf('---\ncompany: x: \u001b[31mred\u202e\n---\n', parseYaml)).toBe(
      'YAML error: Nested mappings are not allowed in compact mappings at line 2, column 10 ("company: x: \\x1B[31mred\\u202E")',
    );
  });

  it('names the line where a quote that is never closed was opened, not the end where the parser gave up', () => {
    const note = (value: string) => `---\nname: A\ntrust: 3\nmet-where: ${value}\ncompany: Acme\ntags: [person]\n---\n`;
    for (const parse of [parseYaml, jsYamlLike]) {
      expect(errorOf(note('"Slush 2024'), parse)).toBe(
        'YAML error: the " opened at line 4, column 12 is never closed ("met-where: "Slush 2024")',
      );
      expect(errorOf(note("'Slush 2024"), parse)).toBe(
        `YAML error: the ' opened at line 4, column 12 is never closed ("met-where: 'Slush 2024")`,
      );
    }
    // js-yaml's own words for it (Obsidian's parser).
    const yaml = 'name: A\nmet-where: "Slush 2024\ntrust: 3\n';
    const end = new YAMLException('unexpected end of the stream within a double quoted scalar', { line: 3, column: 0 });
    expect(yamlErrorText(end, yaml)).toBe(
      'YAML error: the " opened at line 3, column 12 is never closed ("met-where: "Slush 2024")',
    );
    // A quote closed on its line, escapes and doubled quotes included, is not the one.
    const earlier = '---\na: "x \\" y"\nb: \'it\'\'s\'\nc: "open\nd: 1\n---\n';
    expect(errorOf(earlier, parseYaml)).toBe(
      'YAML error: the " opened at line 4, column 4 is never closed ("c: "open")',
    );
    // In a flow list, even after a valid value of several lines (found in review: it named that one).
    expect(errorOf('---\nnote: "two\n  lines"\ntags: ["a, b]\n---\n', parseYaml)).toMatch(
      /opened at line 4, column 8 /,
    );
    // A list item's quote too.
    expect(errorOf('---\ntags:\n  - "a\n  - b\n---\n', parseYaml)).toMatch(/opened at line 3, column 5 /);
  });

  it('is the first line of the message, without its colon, when no line is known', () => {
    expect(yamlErrorText(new Error('something went wrong:\n\nexcerpt\n'))).toBe('YAML error: something went wrong');
    expect(yamlErrorText('plain')).toBe('YAML error: plain');
    expect(errorOf('---\na: *nope\n---\n', parseYaml)).toMatch(/^YAML error: Unresolved alias/);
  });

  it('from classifyYaml, counts the frontmatter of a note as starting on line 2, unless told', () => {
    const yaml = 'name: A\ncompany: x: y\n';
    expect(classifyYaml(yaml, parseYaml)).toEqual({
      error: 'YAML error: Nested mappings are not allowed in compact mappings at line 3, column 10 ("company: x: y")',
    });
    expect(classifyYaml(yaml, parseYaml, 1)).toEqual({
      error: 'YAML error: Nested mappings are not allowed in compact mappings at line 2, column 10 ("company: x: y")',
    });
  });
});
