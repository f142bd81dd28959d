/**
 * The rows of messages.csv, held by column instead of as an object per row. 200,000 messages
 * as objects (a record, its source, its list of recipients: three objects a row) were ~71 MB
 * that lived through the whole import, and that garbage collections copied; held here they
 * are ~2 MB. A row is a few numbers; each text (conversation id, name, URL, date, file name)
 * is kept once in the table of texts, and rows refer to it.
 *
 * The import's passes over every row read it column by column ({@link MessageRows.from} …);
 * a row is made a {@link MessageRecord} only where one is asked for (tests, a few rows).
 */
import type { IsoDate } from '../dates/iso-date';
import type { InvitationDirection, MessageColumns, MessageRecord, SourceRef } from './records';

/** No text (a sender URL the row does not have). */
const NONE = -1;
const DIRECTIONS: readonly (InvitationDirection | null)[] = [null, 'incoming', 'outgoing'];
const NO_URLS: readonly string[] = Object.freeze([]);

type NumberArray = Int32Array | Float64Array | Uint8Array;

/** A column of numbers that grows as rows are added, in the typed array `make` makes. */
class Column<A extends NumberArray> {
  private data: A;
  length = 0;

  constructor(private readonly make: (length: number) => A) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const more = this.make(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = value;
  }

  done(): A {
    return this.data.slice(0, this.length) as A;
  }
}

const ints = () => new Column((n) => new Int32Array(n));

interface Columns {
  conversation: Int32Array;
  from: Int32Array;
  sender: Int32Array;
  to: Int32Array;
  date: Int32Array;
  time: Float64Array;
  direction: Uint8Array;
  file: Int32Array;
  line: Int32Array;
  /** Where each row's recipient URLs start in `recipients`, and one more: the end. */
  recipientsAt: Int32Array;
  recipients: Int32Array;
}

/** The texts of a set of rows, each once, by number. */
class Texts {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

/** One message as the reader adds it: its texts by number in the builder's table ({@link MessageRowsBuilder.text}). */
export interface NewMessage {
  conversation: number;
  from: number;
  /** -1 when the row has no sender URL. */
  sender: number;
  to: number;
  recipients: readonly number[];
  date: number;
  time: number;
  direction: InvitationDirection | null;
  file: number;
  line: number;
}

/** Rows added one at a time, as messages.csv is read; {@link done} makes them {@link MessageRows}. */
export class MessageRowsBuilder {
  private readonly texts = new Texts();
  private readonly columns = {
    conversation: ints(),
    from: ints(),
    sender: ints(),
    to: ints(),
    date: ints(),
    time: new Column((n) => new Float64Array(n)),
    direction: new Column((n) => new Uint8Array(n)),
    file: ints(),
    line: ints(),
    recipientsAt: ints(),
    recipients: ints(),
  };

  /**
   * The number of `text` in the table (added when new). The table keeps the string it is
   * given: it must not be a slice of a larger text, which it would keep alive.
   */
  text(text: string): number {
    return this.texts.id(text);
  }

  add(m: NewMessage): void {
    const c = this.columns;
    c.conversation.push(m.conversation);
    c.from.push(m.from);
    c.sender.push(m.sender);
    c.to.push(m.to);
    c.date.push(m.date);
    c.direction.push(m.direction === null ? 0 : m.direction === 'incoming' ? 1 : 2);
    c.file.push(m.file);
    c.line.push(m.line);
    c.recipientsAt.push(c.recipients.length);
    for (const r of m.recipients) c.recipients.push(r);
    c.time.push(m.time);
  }

  done(): MessageRows {
    const c = this.columns;
    c.recipientsAt.push(c.recipients.length);
    return new MessageRows(this.texts.list, {
      conversation: c.conversation.done(),
      from: c.from.done(),
      sender: c.sender.done(),
      to: c.to.done(),
      date: c.date.done(),
      time: c.time.done(),
      direction: c.direction.done(),
      file: c.file.done(),
      line: c.line.done(),
      recipientsAt: c.recipientsAt.done(),
      recipients: c.recipients.done(),
    });
  }
}

export class MessageRows implements MessageColumns {
  /** @internal Made by {@link MessageRowsBuilder}, {@link filter} and {@link concat}. */
  constructor(
    private readonly texts: readonly string[],
    private readonly c: Columns,
  ) {}

  /** The rows of several files as one set, in the order given (each file's in its order). */
  static concat(all: readonly MessageColumns[]): MessageColumns {
    if (all.length === 1) return all[0] as MessageColumns;
    const b = new MessageRowsBuilder();
    for (const rows of all) copyRows(rows, b, () => true);
    return b.done();
  }

  get length(): number {
    return this.c.line.length;
  }

  conversationId(i: number): string {
    return this.texts[this.c.conversation[i] as number] as string;
  }

  from(i: number): string {
    return this.texts[this.c.from[i] as number] as string;
  }

  senderUrl(i: number): string | null {
    const id = this.c.sender[i] as number;
    return id === NONE ? null : (this.texts[id] as string);
  }

  /** Recipient names as one string: names can contain commas, so it is never split. */
  to(i: number): string {
    return this.texts[this.c.to[i] as number] as string;
  }

  recipientCount(i: number): number {
    return (this.c.recipientsAt[i + 1] as number) - (this.c.recipientsAt[i] as number);
  }

  recipientUrls(i: number): readonly string[] {
    const from = this.c.recipientsAt[i] as number;
    const to = this.c.recipientsAt[i + 1] as number;
    if (from === to) return NO_URLS;
    const out: string[] = [];
    for (let k = from; k < to; k++) out.push(this.texts[this.c.recipients[k] as number] as string);
    return out;
  }

  date(i: number): IsoDate {
    return this.texts[this.c.date[i] as number] as IsoDate;
  }

  /** Ordering key (ms, wall time read as UTC). */
  time(i: number): number {
    return this.c.time[i] as number;
  }

  /** Only the 2018 format says; later formats are resolved against the owner's URL. */
  direction(i: number): InvitationDirection | null {
    return DIRECTIONS[this.c.direction[i] as number] ?? null;
  }

  source(i: number): SourceRef {
    return { file: this.texts[this.c.file[i] as number] as string, line: this.c.line[i] as number };
  }

  /** Row `i` whole, made for the caller. */
  record(i: number): MessageRecord {
    return {
      conversationId: this.conversationId(i),
      from: this.from(i),
      senderUrl: this.senderUrl(i),
      to: this.to(i),
      recipientUrls: [...this.recipientUrls(i)],
      date: this.date(i),
      time: this.time(i),
      direction: this.direction(i),
      source: this.source(i),
    };
  }

  /** Every row whole, in order (for a few rows: each is made anew). */
  toArray(): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.record(i));
    return out;
  }

  /**
   * The row numbers, oldest message first (rows of the same time keep their order). Every
   * messages.csv gives whole seconds: each row is then one number, its second since 1970 above
   * its row number, and a typed array sorts them without calling back: 25–31 against 70–110 ms
   * for 200,000 messages in process, where the comparisons were half of the aggregation. Other
   * times, or more rows than the key holds, are sorted by comparing.
   */
  byTime(): number[] {
    return byKey(this.c.time, this.length) ?? byComparing(this.c.time, this.length);
  }

  /** The rows `keep` keeps, in order. */
  filter(keep: (i: number) => boolean): MessageRows {
    const b = new MessageRowsBuilder();
    copyRows(this, b, keep);
    return b.done();
  }
}

/** Row numbers below this fit under a second count below 2^32 in one exact double (2^53). */
const ROWS_IN_KEY = 2 ** 21;
const SECONDS_IN_KEY = 2 ** 32;

/** The rows by time through one numeric sort of `second * 2^21 + row`; null when a time is not such a second. */
function byKey(time: Float64Array, n: number): number[] | null {
  if (n > ROWS_IN_KEY) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const second = (time[i] as number) / 1000;
    if (!Number.isInteger(second) || second < 0 || second >= SECONDS_IN_KEY) return null;
    keys[i] = second * ROWS_IN_KEY + i;
  }
  keys.sort();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % ROWS_IN_KEY;
  return order;
}

function byComparing(time: Float64Array, n: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  return order.sort((a, b) => (time[a] as number) - (time[b] as number));
}

/** Adds the rows of `rows` that `keep` keeps to `b`, their texts numbered in its table. */
function copyRows(rows: MessageColumns, b: MessageRowsBuilder, keep: (i: number) => boolean): void {
  for (let i = 0; i < rows.length; i++) {
    if (!keep(i)) continue;
    const sender = rows.senderUrl(i);
    const source = rows.source(i);
    b.add({
      conversation: b.text(rows.conversationId(i)),
      from: b.text(rows.from(i)),
      sender: sender === null ? NONE : b.text(sender),
      to: b.text(rows.to(i)),
      recipients: rows.recipientUrls(i).map((url) => b.text(url)),
      date: b.text(rows.date(i)),
      time: rows.time(i),
      direction: rows.direction(i),
      file: b.text(source.file),
      line: source.line,
    });
  }
}
