/**
 * CSV text → header + rows with their physical line numbers, chunk by chunk.
 *
 * LinkedIn puts a "Notes:" preamble of three lines before the Connections header, Excel
 * re-saves pad it to `Notes:,,`, and people delete it by hand, so the header is found by
 * content in the first lines rather than by position. The delimiter is sniffed from the
 * header line itself (`,` normally, `;` from European Excel, TAB in the UTF-16 files).
 *
 * Parsing is RFC-4180 (quoted commas, `""`, newlines in quotes) and streaming: text is
 * pushed in chunks and each row goes to a sink as soon as it is complete, so a
 * 1,000,000-row file is never held whole, as text or as rows. Every row keeps the line a
 * user would see in a text editor. What a damaged file does is reported, not guessed at:
 * - a row holding bytes that were not UTF-8 (see core/text/decode.ts) is reported and skipped;
 * - a last row cut short (fewer cells than the header, the file ending inside a character
 *   or inside a quoted value on its last line) is reported and skipped;
 * - a column written twice is merged when the copies agree (the non-empty one wins) and is
 *   an error naming both when they do not;
 * - a quote never closed across lines, or a row longer than {@link MAX_ROW_CHARS}, stops
 *   the file, because everything after it would be one garbled value.
 *
 * With {@link CsvReaderOptions.recoverStrayQuotes} (address books), a stray quote that runs a
 * value over the next lines costs only its own row when the lines after it read as whole rows
 * again (see {@link CsvReader} `recover`); otherwise every line it swallowed is reported.
 */
import { quoted } from '../text/control-chars';
import { InputError } from './input-error';

export interface CsvRow {
  /** 1-based physical line on which the row starts. */
  line: number;
  cells: string[];
}

export interface CsvHeader {
  file: string;
  /** Normalised header names (see {@link normaliseHeaderCell}). */
  header: string[];
  /** Header cells as written, for messages. */
  rawHeader: string[];
  headerLine: number;
  delimiter: string;
}

export interface CsvTable extends CsvHeader {
  rows: CsvRow[];
  /** Rows that could not be read; the rest of the file is still usable. */
  badRows: { line: number; message: string }[];
}

export type HeaderTest = (normalisedCells: readonly string[]) => boolean;

/** Where the rows of a file go, one at a time, in line order. */
export interface CsvSink {
  header(header: CsvHeader): void;
  row(row: CsvRow): void;
  /**
   * A row that could not be read, with the reason; with its cells when it was cut into cells
   * (bytes that are not UTF-8, a stray quote), for a reader to tell whose row it was.
   */
  bad(line: number, message: string, cells?: readonly string[]): void;
  /**
   * For a line that is not the header: the columns it lacks when it is this file's header
   * with a column missing (it names at least two of the file's columns), else null. Then
   * the file's error names that line and those columns, rather than quoting its first line.
   */
  headerGaps?(normalisedCells: readonly string[]): string[] | null;
}

export interface CsvReaderOptions {
  /** True once the decoder has met bytes that are not UTF-8: rows holding U+FFFD are then bad. */
  invalidBytes?: () => boolean;
  /**
   * A stray quote (`"Ann "Nancy,…` written by hand or by a careless tool) makes the value run
   * on until some later quote, swallowing the rows between. With this on, the rows after it
   * are read again when that is unambiguous, and every line lost is reported otherwise; an
   * unclosed quote stops the file only when the rows after it cannot be read on their own.
   * Off for LinkedIn's files, whose reading (and its tests and benchmarks) stays as it was.
   */
  recoverStrayQuotes?: boolean;
  /** Called for each row that recovery parses: tests pin that its work grows with the text, not faster. */
  onRecoveryParse?: () => void;
}

const HEADER_SCAN_LINES = 12;
const DELIMITERS = [',', ';', '\t'] as const;
/** Longer than any real row (a long LinkedIn message is a few kB), short enough to stay bounded. */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;
/**
 * Recovery looks for the real end of a value whose quote is never closed within this many lines
 * of its opening quote: more than a real value spans (an address is a few lines, a long note a
 * few dozen). Without a bound, the end of the file would always do (nothing left to misread),
 * and every row down to it would be skipped as part of one; past it the file stops, as it did
 * before recovery. A stray quote needs none: the row ends by the stray quote's line.
 */
export const UNCLOSED_VALUE_LINES = 100;

export const BAD_BYTES_MESSAGE =
  'holds bytes that are not valid UTF-8 (shown as �); skipped. Download the export again, or save the file as UTF-8';
export const CUT_SHORT_MESSAGE =
  'the file ends in the middle of this row (cut short, as an interrupted download or copy leaves it); skipped';
const MALFORMED_QUOTE_MESSAGE = 'a quote inside a quoted value is not doubled (expected "" inside "…"); skipped';

/** `" Connected_On "` → `connected on`. */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/\uFEFF/g, '')
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

function sniffDelimiter(line: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

interface HeaderLocation {
  offset: number;
  line: number;
  delimiter: string;
  cells: string[];
}

/** Looks for the header among the first lines; returns null when none matches. */
export function findHeader(text: string, isHeader: HeaderTest): HeaderLocation | null {
  let offset = 0;
  for (let line = 1; line <= HEADER_SCAN_LINES && offset <= text.length; line++) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(offset, end).replace(/\r$/, '');
    const delimiter = sniffDelimiter(raw);
    const cells = raw.split(delimiter);
    if (isHeader(cells.map(normaliseHeaderCell))) return { offset, line, delimiter, cells };
    if (nl === -1) break;
    offset = nl + 1;
  }
  return null;
}

/** The first non-empty line, shortened, for "found … expected …" messages. */
export function firstLinePreview(text: string): string {
  const first = text.split(/\r?\n/, HEADER_SCAN_LINES).find((l) => l.replace(/[\s,;\uFEFF]/g, '') !== '') ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}…` : first;
}

/** The first line (of those a header is looked for in) that `gaps` finds columns missing from. */
function headerWithGaps(
  text: string,
  gaps: NonNullable<CsvSink['headerGaps']>,
): { line: number; missing: string[] } | null {
  const lines = text.split('\n', HEADER_SCAN_LINES);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    const missing = gaps(raw.split(sniffDelimiter(raw)).map(normaliseHeaderCell));
    if (missing !== null && missing.length > 0) return { line: i + 1, missing };
  }
  return null;
}

/** The error for a file whose first lines hold no header we know. */
export function notTheExpectedFile(
  file: string,
  text: string,
  expected: string,
  gaps?: CsvSink['headerGaps'],
): InputError {
  // NUL bytes never occur in a text export (UTF-16 is decoded by its BOM): this is binary data.
  if (text.slice(0, 4096).includes('\u0000'))
    return new InputError(file, undefined, `holds binary data, not text; expected ${expected}`);
  const near = gaps === undefined ? null : headerWithGaps(text, gaps);
  if (near !== null) {
    const names = near.missing.map((m) => `"${m}"`).join(', ');
    const what = near.missing.length === 1 ? `has no ${names} column` : `lacks the columns ${names}`;
    return new InputError(file, near.line, `the header ${what}; expected ${expected}`);
  }
  return new InputError(file, undefined, `found "${firstLinePreview(text)}", expected ${expected}`);
}

function rawHeader(cells: readonly string[]): string[] {
  return cells.map((c) =>
    c
      .replace(/\uFEFF/g, '')
      .trim()
      .replace(/^"(.*)"$/s, '$1'),
  );
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface ParsedRow {
  cells: string[];
  /** Index just past the row (and its line break). */
  next: number;
  /** Line breaks the row spans, its own included. */
  breaks: number;
  /** The row ran to the end of the text without a line break. */
  atEnd: boolean;
  malformed: boolean;
  /** A quoted value still open at the end of the text. */
  unclosed: boolean;
}

interface PendingRow {
  row: CsvRow;
  atEnd: boolean;
  malformed: boolean;
  /** Known to be cut short (a quoted value open at the end of the file). */
  cut: boolean;
  /** The row's last line, for a malformed row that runs on over the lines below its first. */
  lastLine?: number;
}

/** Copies of one column (the same normalised name written twice or more). */
type ColumnCopies = number[];

/**
 * The streaming reader: {@link push} text as it is decoded, then {@link end}. Rows reach
 * the sink one behind, because only the end of the file tells whether the last one was
 * cut short.
 */
export class CsvReader {
  private buf = '';
  /** Physical line of buf[0]. */
  private line = 1;
  private head: CsvHeader | null = null;
  private skipHeaderRow = true;
  private width = 0;
  private copies: ColumnCopies[] = [];
  private pending: PendingRow | null = null;
  private carriageReturnsOnly = false;

  constructor(
    private readonly file: string,
    private readonly isHeader: HeaderTest,
    private readonly expected: string,
    private readonly sink: CsvSink,
    private readonly options: CsvReaderOptions = {},
  ) {}

  /** Characters held between pushes: at most one unfinished row (or the header's first lines). */
  get buffered(): number {
    return this.buf.length;
  }

  push(text: string): void {
    this.buf += this.carriageReturnsOnly ? text.replace(/\r/g, '\n') : text;
    this.process(false);
  }

  /** Ends the file; `cutShort` when the decoder found it ends inside a character. */
  end(facts: { cutShort?: boolean } = {}): void {
    this.process(true);
    if (this.head === null) return;
    const last = this.pending;
    this.pending = null;
    if (last === null) return;
    if (last.cut || (last.atEnd && (facts.cutShort === true || last.row.cells.length < this.width))) {
      this.sink.bad(last.row.line, CUT_SHORT_MESSAGE);
      return;
    }
    this.emit(last);
  }

  private findHeaderNow(final: boolean): boolean {
    if (!final && countNewlines(this.buf, 0, this.buf.length) < HEADER_SCAN_LINES && this.buf.length < 1 << 20)
      return false;
    // Classic Mac line ends (\r alone) from very old spreadsheet tools.
    if (!this.buf.includes('\n') && this.buf.includes('\r')) {
      this.carriageReturnsOnly = true;
      this.buf = this.buf.replace(/\r/g, '\n');
    }
    const found = findHeader(this.buf, this.isHeader);
    if (!found) throw notTheExpectedFile(this.file, this.buf, this.expected, this.sink.headerGaps?.bind(this.sink));
    this.buf = this.buf.slice(found.offset);
    this.line = found.line;
    const header = found.cells.map(normaliseHeaderCell);
    this.head = {
      file: this.file,
      header,
      rawHeader: rawHeader(found.cells),
      headerLine: found.line,
      delimiter: found.delimiter,
    };
    this.width = found.cells.length;
    const byName = new Map<string, number[]>();
    header.forEach((name, i) => {
      if (name !== '') byName.set(name, [...(byName.get(name) ?? []), i]);
    });
    this.copies = [...byName.values()].filter((list) => list.length > 1);
    this.sink.header(this.head);
    return true;
  }

  private process(final: boolean): void {
    if (this.head === null && !this.findHeaderNow(final)) return;
    const delimiter = (this.head as CsvHeader).delimiter;
    let pos = 0;
    // The next quote in the buffer, found once and reused until passed (a search per row
    // would rescan the rest of the buffer each time: quadratic on a file of short rows).
    let quote = -2;
    while (pos < this.buf.length) {
      // Runs of empty lines, skipped in a tight loop (a file of nothing else is a zip bomb's favourite).
      for (let c = this.buf.charCodeAt(pos); c === 10 || (c === 13 && this.buf.charCodeAt(pos + 1) === 10);) {
        pos += c === 10 ? 1 : 2;
        this.line++;
        c = this.buf.charCodeAt(pos);
      }
      if (pos >= this.buf.length) break;
      if (quote !== -1 && quote < pos) quote = this.buf.indexOf('"', pos);
      const parsed = parseRow(this.buf, pos, delimiter, final, quote);
      if (parsed === null) break;
      const line = this.line;
      if (
        (parsed.malformed || (parsed.unclosed && parsed.breaks > 0)) &&
        this.options.recoverStrayQuotes === true &&
        !this.skipHeaderRow
      ) {
        pos = this.recover(pos, parsed, line, final);
        continue;
      }
      this.line += parsed.breaks;
      // A quote still open at the end: on the last line, a row cut short; across lines, a broken file.
      if (parsed.unclosed && parsed.breaks > 0)
        throw new InputError(this.file, line, 'a quoted value is never closed (expected a matching ")');
      pos = parsed.next;
      if (this.skipHeaderRow) {
        this.skipHeaderRow = false;
        continue;
      }
      if (parsed.cells.every((c) => c.trim() === '')) continue; // a blank line, or Excel's `,,` padding
      this.flushPending();
      const lastLine = line + parsed.breaks - (parsed.atEnd ? 0 : 1);
      this.pending = {
        row: { line, cells: parsed.cells },
        atEnd: parsed.atEnd,
        malformed: parsed.malformed,
        cut: parsed.unclosed,
        ...(parsed.malformed && lastLine > line ? { lastLine } : {}),
      };
    }
    this.buf = pos === 0 ? this.buf : this.buf.slice(pos);
    if (!final && this.buf.length > MAX_ROW_CHARS) {
      throw new InputError(
        this.file,
        this.line,
        `a row runs on for more than ${MAX_ROW_CHARS / 1024 / 1024} MB: a quote is never closed, or this is not a CSV file (LinkedIn's files and contacts exports hold short rows)`,
      );
    }
  }

  /**
   * A row with a stray quote (a quote inside a quoted value that is not doubled, or one never
   * closed). Returns where reading goes on. The quote is the culprit or the value it opened
   * is, so the row really ended at the end of a line from the value's first line to the line
   * of the first stray quote (before it the value holds doubled quotes only), or, for a quote
   * never closed, to any line after (a value of several lines that lost its closing quote),
   * within {@link UNCLOSED_VALUE_LINES}. The earliest such line after which the rest of what the
   * parser took as this row reads as whole rows (the header's width, no quote problem, ending
   * exactly where this row ended) is taken: the row is skipped, those rows are read again.
   * Valid CSV never comes here, and the rows that follow are read as they always are. The work
   * is in proportion to the row's text, whatever the number of line ends tried (see
   * {@link wholeRowCounter}).
   */
  private recover(pos: number, parsed: ParsedRow, line: number, final: boolean): number {
    const text = this.buf;
    const delimiter = (this.head as CsvHeader).delimiter;
    const trace: QuoteTrace = { cell: -1, open: -1, stray: -1 };
    parseQuotedRow(text, pos, delimiter, final, trace);
    const column = this.columnName(trace.cell);
    const to = parsed.next;
    const lineOf = (at: number) => line + countNewlines(text, pos, at);
    const lastLine = lineOf(to) - (parsed.atEnd ? 0 : 1);
    this.flushPending();
    // Where the row may have really ended: after the value's first line, up to the stray quote's
    // line, or for a quote never closed (no stray quote), within UNCLOSED_VALUE_LINES of it.
    const strayLineEnd = trace.stray === -1 ? -1 : text.indexOf('\n', trace.stray);
    const lastCandidate = strayLineEnd === -1 ? to : strayLineEnd;
    const first = text.indexOf('\n', trace.open);
    // The rest of the row after the value's first line, parsed once for every candidate end. It is
    // read as a file of its own: as `to` ends a line (or the file), no row in it reads differently.
    const rest = first === -1 || first >= to ? '' : text.slice(first + 1, to);
    const rowsFrom = wholeRowCounter(rest, delimiter, this.width, this.options.onRecoveryParse);
    let tried = 0;
    for (let nl = first; nl !== -1 && nl < to; nl = text.indexOf('\n', nl + 1)) {
      tried++;
      // Nothing but blank lines after it: a quote never closed on the last row costs that row only.
      const rows = rowsFrom(nl - first);
      if (rows > 0 || (rows === 0 && parsed.unclosed)) {
        const endLine = lineOf(nl);
        const which = endLine > line ? `this row (lines ${line}–${endLine})` : 'this row';
        const after = rows > 0 ? ', the rows after it are read as usual' : '';
        this.sink.bad(line, `${unbalancedQuote(column, delimiter)}; ${which} is skipped${after}`);
        // A row that ends far below its quote (a row after it not whole) may hold rows it swallowed.
        this.reportSwallowed(rest, nl - first, lineOf(first + 1), line);
        this.line = endLine + 1;
        return nl + 1;
      }
      if (nl >= lastCandidate || (trace.stray === -1 && tried >= UNCLOSED_VALUE_LINES)) break;
    }
    if (parsed.unclosed) {
      const why = tried > 0 ? `: the lines after it do not all read as rows of ${this.width} values` : '';
      throw new InputError(
        this.file,
        line,
        `${unbalancedQuote(column, delimiter)}, and the rest of the file cannot be read${why}`,
      );
    }
    this.line = line + parsed.breaks;
    if (lastLine === line) {
      this.sink.bad(
        line,
        `a quote inside the value in column ${column} is not doubled (expected "" inside "…"); skipped`,
      );
      return to;
    }
    this.sink.bad(
      line,
      `${unbalancedQuote(column, delimiter)}, so the value runs on to line ${lastLine}: lines ${line}–${lastLine} are skipped`,
    );
    this.reportSwallowed(rest, rest.length, lineOf(first + 1), line);
    return to;
  }

  /**
   * Each line of `text[0, to)` (the first is line `firstLine`) that reads as a row of its own is
   * most likely a row the quote on `quoteLine` swallowed: named, so that no row is lost unseen.
   */
  private reportSwallowed(text: string, to: number, firstLine: number, quoteLine: number): void {
    const delimiter = (this.head as CsvHeader).delimiter;
    for (let at = 0, l = firstLine; at < to; l++) {
      const nl = text.indexOf('\n', at);
      const end = nl === -1 || nl >= to ? to : nl + 1;
      if (wholeRowCounter(text.slice(at, end), delimiter, this.width, this.options.onRecoveryParse)(0) > 0)
        this.sink.bad(
          l,
          `this row is inside the value the unbalanced quote on line ${quoteLine} opened; skipped with it`,
        );
      at = end;
    }
  }

  /** `"First Name"` for a column, by the header as written. */
  private columnName(index: number): string {
    const raw = (this.head as CsvHeader).rawHeader[index];
    return raw !== undefined && raw !== '' ? `"${quoted(raw)}"` : String(index + 1);
  }

  private flushPending(): void {
    if (this.pending !== null) this.emit(this.pending);
    this.pending = null;
  }

  private emit({ row, malformed, lastLine }: PendingRow): void {
    if (malformed && lastLine !== undefined) {
      // The row runs on over the lines below it, and takes them with it: the message says which
      // (their rows are not looked for one by one, which is the stray-quote recovery's work).
      this.sink.bad(
        row.line,
        `a quote inside a quoted value is not doubled (expected "" inside "…"), so the row runs on to line ${lastLine}: lines ${row.line}–${lastLine} are skipped`,
        row.cells,
      );
      return;
    }
    if (malformed) {
      this.sink.bad(row.line, MALFORMED_QUOTE_MESSAGE, row.cells);
      return;
    }
    if (this.options.invalidBytes?.() && row.cells.some((c) => c.includes('\uFFFD'))) {
      this.sink.bad(row.line, BAD_BYTES_MESSAGE, row.cells);
      return;
    }
    for (const copies of this.copies) this.mergeCopies(row, copies);
    this.sink.row(row);
  }

  /** One value for a column written twice: the non-empty copy, or an error when the copies disagree. */
  private mergeCopies(row: CsvRow, copies: ColumnCopies): void {
    let chosen: number | null = null;
    for (const i of copies) {
      const value = (row.cells[i] ?? '').trim();
      if (value === '') continue;
      if (chosen === null) chosen = i;
      else if ((row.cells[chosen] as string).trim() !== value) {
        const raw = (this.head as CsvHeader).rawHeader;
        throw new InputError(
          this.file,
          row.line,
          `the column "${raw[chosen] ?? ''}" is there twice (columns ${chosen + 1} and ${i + 1}) and the two disagree: "${quoted(row.cells[chosen] as string)}" and "${quoted(row.cells[i] as string)}". Keep one of them`,
        );
      }
    }
    const first = copies[0] as number;
    if (chosen !== null && chosen !== first) row.cells[first] = row.cells[chosen] as string;
  }
}

/**
 * One row from `pos`, or null when the text ends before the row does and more may come.
 * `quote` is the first quote at or after `pos` (-1: none). A row without a quote is split
 * directly (the common case, as papaparse's fast mode does); a quote sends the row
 * through the careful scanner.
 */
function parseRow(text: string, pos: number, delimiter: string, final: boolean, quote: number): ParsedRow | null {
  const nl = text.indexOf('\n', pos);
  if (nl === -1 && !final) return null;
  const end = nl === -1 ? text.length : nl;
  if (quote === -1 || quote >= end) {
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    return {
      cells: text.slice(pos, lineEnd).split(delimiter),
      next: nl === -1 ? text.length : nl + 1,
      breaks: nl === -1 ? 0 : 1,
      atEnd: nl === -1,
      malformed: false,
      unclosed: false,
    };
  }
  return parseQuotedRow(text, pos, delimiter, final);
}

/**
 * For a position at a line start in `text` (the rest of a runaway row, read as a whole file): how
 * many whole rows of `width` values the text from there to its end reads as (blank lines between
 * them allowed), or -1 when it does not. The answer from a row's start is that row's verdict and
 * the answer from the row after it, kept once found, so no line start is parsed twice however
 * many line ends are tried (each used to parse the rest again, each row to look again for the
 * next quote, which may be the file's last: cubic on a 20,000-line runaway). And the rows parsed
 * add up to about the text once: up to the stray quote the runaway value holds doubled quotes
 * only, so a row from one of its lines ends on that line and the rows from those line ends meet;
 * past it two chains of rows at most are walked; and a row is given up at its first stray quote
 * rather than read on to its value's end.
 */
function wholeRowCounter(
  text: string,
  delimiter: string,
  width: number,
  onParse?: () => void,
): (from: number) => number {
  // Every quote, so that a row without one is split directly as parseRow does, found by bisection.
  const quotes: number[] = [];
  for (let q = text.indexOf('"'); q !== -1; q = text.indexOf('"', q + 1)) quotes.push(q);
  const hasQuote = (from: number, end: number): boolean => {
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((quotes[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < quotes.length && (quotes[lo] as number) < end;
  };
  const known = new Map<number, number>();
  return (from: number): number => {
    // Walk on to an answer, then give it to every position passed, from the last one back.
    const passed: number[] = [];
    const isRow: boolean[] = [];
    let p = from;
    let rows: number;
    for (;;) {
      const k = known.get(p);
      if (k !== undefined) {
        rows = k;
        break;
      }
      if (p >= text.length) {
        rows = 0;
        break;
      }
      const c = text.charCodeAt(p);
      if (c === 10 || (c === 13 && text.charCodeAt(p + 1) === 10)) {
        passed.push(p);
        isRow.push(false);
        p += c === 10 ? 1 : 2;
        continue;
      }
      onParse?.();
      const nl = text.indexOf('\n', p);
      const r = hasQuote(p, nl === -1 ? text.length : nl)
        ? parseQuotedRow(text, p, delimiter, true, undefined, true)
        : parseRow(text, p, delimiter, true, -1);
      if (
        r === null ||
        r.malformed ||
        r.unclosed ||
        (r.cells.length !== width && !r.cells.every((v) => v.trim() === ''))
      ) {
        known.set(p, -1);
        rows = -1;
        break;
      }
      passed.push(p);
      isRow.push(true);
      p = r.next;
    }
    for (let i = passed.length - 1; i >= 0; i--) {
      if (rows >= 0 && isRow[i] === true) rows++;
      known.set(passed[i] as number, rows);
    }
    return rows;
  };
}

/** Where a row's quotes went wrong, for messages and for reading the rows after it again. */
interface QuoteTrace {
  /** Column of the value the first stray quote is in, or of the value never closed. */
  cell: number;
  /** Index of that value's opening quote. */
  open: number;
  /** Index of the first quote inside a quoted value that neither doubles nor closes it; -1: none. */
  stray: number;
}

function unbalancedQuote(column: string, delimiter: string): string {
  const next = delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
  return `unbalanced quote in column ${column} (expected "" for a quote inside a value, and a closing " before the next ${next} or the end of the line)`;
}

function parseQuotedRow(
  text: string,
  pos: number,
  delimiter: string,
  final: boolean,
  trace?: QuoteTrace,
  /** Only whether the row is whole is wanted: null at its first stray quote, not read on to the value's end. */
  wholeOnly = false,
): ParsedRow | null {
  const cells: string[] = [];
  let malformed = false;
  let i = pos;
  for (;;) {
    if (text[i] === '"') {
      // A quoted value: runs to a quote followed by a delimiter, a line break or the end.
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) {
          if (!final) return null;
          if (trace !== undefined && trace.cell === -1) {
            trace.cell = cells.length;
            trace.open = i;
          }
          cells.push(value + text.slice(start));
          return row(cells, text, pos, text.length, true, malformed, true);
        }
        value += text.slice(start, q);
        if (q + 1 >= text.length && !final) return null; // `"` then `"` may follow in the next chunk
        const after = text[q + 1];
        if (after === '"') {
          value += '"';
          start = q + 2;
          continue;
        }
        if (after === delimiter) {
          cells.push(value);
          i = q + 2;
          break;
        }
        if (after === undefined || after === '\n' || (after === '\r' && text[q + 2] === '\n')) {
          cells.push(value);
          const next = after === undefined ? text.length : after === '\n' ? q + 2 : q + 3;
          return row(cells, text, pos, next, after === undefined, malformed, false);
        }
        if (after === '\r' && q + 2 >= text.length && !final) return null;
        // `"abc"def`: not valid CSV. Keep reading to the real end of the value, and report the row.
        if (wholeOnly) return null;
        if (trace !== undefined && trace.stray === -1) {
          trace.cell = cells.length;
          trace.open = i;
          trace.stray = q;
        }
        malformed = true;
        value += '"';
        start = q + 1;
      }
      continue;
    }
    // An unquoted value: to the next delimiter or line break (a quote inside it is literal).
    const nl = text.indexOf('\n', i);
    if (nl === -1 && !final) return null;
    const lineEnd = nl === -1 ? text.length : nl;
    const d = text.indexOf(delimiter, i);
    if (d !== -1 && d < lineEnd) {
      cells.push(text.slice(i, d));
      i = d + 1;
      continue;
    }
    const valueEnd = lineEnd > i && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    cells.push(text.slice(i, valueEnd));
    return row(cells, text, pos, nl === -1 ? text.length : nl + 1, nl === -1, malformed, false);
  }
}

function row(
  cells: string[],
  text: string,
  pos: number,
  next: number,
  atEnd: boolean,
  malformed: boolean,
  unclosed: boolean,
): ParsedRow {
  return { cells, next, breaks: countNewlines(text, pos, next), atEnd, malformed, unclosed };
}

/**
 * Parses a whole text (a file the caller already holds) and returns the table. Throws
 * {@link InputError} when no header is found (`describeExpected` says what we looked for),
 * when a quote is never closed, or when a column's copies disagree.
 */
export function readCsvTable(
  text: string,
  file: string,
  isHeader: HeaderTest,
  describeExpected: string,
  options: CsvReaderOptions = {},
): CsvTable {
  let head: CsvHeader | null = null;
  const rows: CsvRow[] = [];
  const badRows: CsvTable['badRows'] = [];
  const reader = new CsvReader(
    file,
    isHeader,
    describeExpected,
    {
      header: (h) => (head = h),
      row: (r) => rows.push(r),
      bad: (line, message) => badRows.push({ line, message }),
    },
    options,
  );
  reader.push(text);
  reader.end();
  const h = head as CsvHeader | null;
  if (h === null)
    throw new InputError(file, undefined, `found "${firstLinePreview(text)}", expected ${describeExpected}`);
  return { ...h, rows, badRows };
}

/** A file format's reader: which header it wants, what to do with each row, and the result. */
export interface TableReader<T> extends CsvSink {
  readonly isHeader: HeaderTest;
  /** What the header should look like, for the message when none is found. */
  readonly expected: string;
  finish(): T;
}

/** Runs a {@link TableReader} over a whole text. */
export function readTable<T>(text: string, file: string, reader: TableReader<T>, options?: CsvReaderOptions): T {
  const csv = new CsvReader(file, reader.isHeader, reader.expected, reader, options);
  csv.push(text);
  csv.end();
  return reader.finish();
}
