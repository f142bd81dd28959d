/**
 * A small evaluator for the part of Obsidian Bases' expression language that People.base
 * uses, written from the public docs (obsidian-help `Bases syntax.md`, `Functions.md`):
 * `if()`, `date()`, `today()`, `max()`, `link()`, comparisons, `&&`/`||`/`!`, arithmetic
 * (date − date is milliseconds), `note["x"]`, bare note properties, `file.inFolder/hasTag/
 * ctime/name`, `formula.x`, and `.floor()`. Anything else throws, so a formula that strays
 * outside what the docs describe fails the test. It cannot prove Obsidian agrees (that is
 * listed for checking in the real app), but it catches typos, wrong names and wrong order.
 */

export interface BaseRow {
  path: string;
  ctime: number;
  tags: string[];
  note: Record<string, unknown>;
}

interface DateValue {
  ms: number;
}
interface LinkValue {
  target: string;
  display: string;
}
type Value = null | number | string | boolean | DateValue | LinkValue | Value[] | { [k: string]: Value };

const isDate = (v: unknown): v is DateValue => typeof v === 'object' && v !== null && 'ms' in v;

/** A value as text, the way string concatenation and string arguments see it. */
function str(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return isDate(v) ? new Date(v.ms).toISOString().slice(0, 10) : JSON.stringify(v);
  return String(v);
}

function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== false && v !== 0 && v !== '';
}

function num(v: Value): number {
  if (isDate(v)) return v.ms;
  if (typeof v === 'number') return v;
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

function toValue(raw: unknown): Value {
  if (raw === undefined) return null;
  return raw as Value;
}

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_]\w*)|(==|!=|>=|<=|&&|\|\||[-+*/%<>!().,[\]]))/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < src.length && (m = re.exec(src))) {
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: JSON.parse(`"${m[2]}"`) as string });
    else if (m[3] !== undefined) out.push({ t: 'str', v: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'id', v: m[4] });
    else out.push({ t: 'op', v: m[5] as string });
    if (/^\s*$/.test(src.slice(at))) break;
  }
  if (!/^\s*$/.test(src.slice(at))) throw new Error(`cannot read "${src.slice(at)}"`);
  return out;
}

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'id'; name: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'member'; of: Node; name: string }
  | { k: 'index'; of: Node; key: Node }
  | { k: 'method'; of: Node; name: string; args: Node[] }
  | { k: 'not' | 'neg'; of: Node }
  | { k: 'bin'; op: string; l: Node; r: Node };

function parse(expr: string): Node {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (v: string) => peek()?.t === 'op' && peek()?.v === v;
  const eat = (v?: string) => {
    const tok = tokens[i++];
    if (!tok || (v !== undefined && tok.v !== v)) throw new Error(`expected ${v ?? 'more'} in ${expr}`);
    return tok;
  };
  const args = (): Node[] => {
    eat('(');
    const out: Node[] = [];
    while (!isOp(')')) {
      out.push(or());
      if (isOp(',')) eat(',');
    }
    eat(')');
    return out;
  };
  const primary = (): Node => {
    const tok = eat();
    if (tok.t === 'num' || tok.t === 'str') return { k: 'lit', v: tok.v };
    if (tok.t === 'op' && tok.v === '(') {
      const n = or();
      eat(')');
      return n;
    }
    if (tok.t !== 'id') throw new Error(`unexpected ${tok.v} in ${expr}`);
    if (tok.v === 'true' || tok.v === 'false') return { k: 'lit', v: tok.v === 'true' };
    if (tok.v === 'null') return { k: 'lit', v: null };
    if (isOp('(')) return { k: 'call', name: tok.v, args: args() };
    return { k: 'id', name: tok.v };
  };
  const postfix = (): Node => {
    let n = primary();
    for (;;) {
      if (isOp('.')) {
        eat('.');
        const name = String(eat().v);
        n = isOp('(') ? { k: 'method', of: n, name, args: args() } : { k: 'member', of: n, name };
      } else if (isOp('[')) {
        eat('[');
        const key = or();
        eat(']');
        n = { k: 'index', of: n, key };
      } else return n;
    }
  };
  const unary = (): Node => {
    if (isOp('!')) return eat() && { k: 'not', of: unary() };
    if (isOp('-')) return eat() && { k: 'neg', of: unary() };
    return postfix();
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let n = next();
    while (ops.some(isOp)) n = { k: 'bin', op: String(eat().v), l: n, r: next() };
    return n;
  };
  const mul = level(['*', '/', '%'], unary);
  const add = level(['+', '-'], mul);
  const cmp = level(['==', '!=', '>=', '<=', '>', '<'], add);
  const and = level(['&&'], cmp);
  const or = level(['||'], and);
  const tree = or();
  if (i !== tokens.length) throw new Error(`left over in ${expr}`);
  return tree;
}

export class BasesEvaluator {
  constructor(
    private readonly formulas: Record<string, string>,
    private readonly today: string,
  ) {}

  evaluate(expr: string, row: BaseRow, seen: string[] = []): Value {
    return this.run(parse(expr), row, seen);
  }

  private run(n: Node, row: BaseRow, seen: string[]): Value {
    const run = (x: Node) => this.run(x, row, seen);
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'id':
        if (n.name === 'file' || n.name === 'note' || n.name === 'formula') throw new Error(`bare ${n.name}`);
        return toValue(row.note[n.name]);
      case 'not':
        return !truthy(run(n.of));
      case 'neg':
        return -num(run(n.of));
      case 'member':
      case 'index': {
        const name = n.k === 'member' ? n.name : str(run(n.key));
        if (n.of.k === 'id' && (n.of.name === 'note' || n.of.name === 'formula'))
          return this.member(n.of.name, name, row, seen);
        if (n.of.k === 'id' && n.of.name === 'file' && n.k === 'member') {
          if (name === 'ctime') return { ms: row.ctime };
          if (name === 'name') return row.path.replace(/^.*\//, '');
        }
        throw new Error(`unknown property ${name}`);
      }
      case 'method': {
        if (n.of.k === 'id' && n.of.name === 'file') {
          const args = n.args.map(run);
          if (n.name === 'inFolder') return row.path.startsWith(`${str(args[0] ?? null)}/`);
          if (n.name === 'hasTag') return args.some((t) => row.tags.includes(str(t)));
          throw new Error(`unknown file.${n.name}()`);
        }
        if (n.name === 'floor') return Math.floor(num(run(n.of)));
        throw new Error(`unknown method .${n.name}()`);
      }
      case 'call':
        return this.call(n.name, n.args, row, seen);
      case 'bin':
        return this.binary(n.op, n.l, n.r, row, seen);
    }
  }

  /** `if` evaluates only the branch it takes, as expression languages do. */
  private call(name: string, argNodes: Node[], row: BaseRow, seen: string[]): Value {
    const run = (x: Node | undefined) => (x ? this.run(x, row, seen) : null);
    switch (name) {
      case 'if':
        return truthy(run(argNodes[0])) ? run(argNodes[1]) : run(argNodes[2]);
      case 'date': {
        const s = run(argNodes[0]);
        if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(s)) throw new Error(`date() of ${JSON.stringify(s)}`);
        return { ms: Date.parse(`${s.slice(0, 10)}T00:00:00Z`) };
      }
      case 'today':
        return { ms: Date.parse(`${this.today}T00:00:00Z`) };
      case 'max':
        return Math.max(...argNodes.map((a) => num(run(a))));
      case 'link': {
        const [target, display] = argNodes.map(run);
        return { target: str(target ?? null), display: str(display ?? target ?? null) };
      }
      default:
        throw new Error(`unknown function ${name}()`);
    }
  }

  /** `&&` and `||` stop as soon as the answer is known, and return one of their operands. */
  private binary(op: string, ln: Node, rn: Node, row: BaseRow, seen: string[]): Value {
    const l = this.run(ln, row, seen);
    if (op === '&&') return truthy(l) ? this.run(rn, row, seen) : l;
    if (op === '||') return truthy(l) ? l : this.run(rn, row, seen);
    const r = this.run(rn, row, seen);
    switch (op) {
      case '+':
        return typeof l === 'string' || typeof r === 'string' ? `${str(l)}${str(r)}` : num(l) + num(r);
      case '-':
        return num(l) - num(r);
      case '*':
        return num(l) * num(r);
      case '/':
        return num(l) / num(r);
      case '%':
        return num(l) % num(r);
      case '==':
      case '!=': {
        const same = JSON.stringify(isDate(l) ? l.ms : l) === JSON.stringify(isDate(r) ? r.ms : r);
        return op === '==' ? same : !same;
      }
      default: {
        if (l === null || r === null) return false;
        const a = num(l);
        const b = num(r);
        return op === '>' ? a > b : op === '<' ? a < b : op === '>=' ? a >= b : a <= b;
      }
    }
  }

  private member(ns: 'note' | 'formula', name: string, row: BaseRow, seen: string[]): Value {
    if (ns === 'note') return toValue(row.note[name]);
    const f = this.formulas[name];
    if (f === undefined) throw new Error(`no formula ${name}`);
    if (seen.includes(name)) throw new Error(`circular formula ${name}`);
    return this.evaluate(f, row, [...seen, name]);
  }
}

/** Sorts rows as a table view's `sort` list does (nulls last). */
export function sortRows(
  rows: BaseRow[],
  sort: Array<{ property: string; direction: 'ASC' | 'DESC' }>,
  value: (row: BaseRow, property: string) => unknown,
): BaseRow[] {
  const key = (v: unknown) => (isDate(v) ? v.ms : v);
  return [...rows].sort((a, b) => {
    for (const s of sort) {
      const x = key(value(a, s.property));
      const y = key(value(b, s.property));
      if (x === y) continue;
      if (x === null || x === undefined || x === '') return 1;
      if (y === null || y === undefined || y === '') return -1;
      const c = (x as number | string) < (y as number | string) ? -1 : 1;
      return s.direction === 'ASC' ? c : -c;
    }
    return 0;
  });
}
