/**
 * A small argv parser driven by each command's declared flags: `positional… --flag value
 * --switch --flag=value`. Declaring the flags is what lets an unknown one be called
 * unknown (rather than "needs a value"), and gives every command its own `--help`. We keep
 * it in-house because the CLI has a handful of flags and no dependency is worth that.
 */
export interface FlagSpec {
  name: string;
  /** Placeholder for the value (`DIR`, `N`); absent for a switch. */
  value?: string;
  help: string;
}

export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParseOptions {
  /**
   * Whether the command takes positional arguments (import's files). When it takes none, one
   * is refused: a word typed where a flag was meant (`stale drifting`) must not be ignored and
   * the command run on everyone.
   */
  positionals?: boolean;
}

export function parseArgs(
  command: string,
  argv: readonly string[],
  flags: readonly FlagSpec[],
  options: ParseOptions = {},
): ParsedArgs {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const positional: string[] = [];
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name} for ${command}`, command);
    if (spec.value === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, command);
      out.set(name, true);
    } else if (eq !== -1) out.set(name, arg.slice(eq + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        throw new UsageError(`--${name} needs a value (${spec.value})`, command);
      out.set(name, value);
      i++;
    }
  }
  if (options.positionals === false && positional.length > 0)
    throw new UsageError(`unexpected argument "${positional[0]}": ${command} takes options only`, command);
  return { command, positional, flags: out };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v === true ? undefined : v;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required`, args.command);
  return v;
}

/**
 * `--filter TERMS`, or undefined when absent. A blank one is refused: no term selects everyone,
 * so `--filter "$WHO"` with WHO unset would act on the whole network.
 */
export function filterFlag(args: ParsedArgs, name = 'filter'): string | undefined {
  const raw = stringFlag(args, name);
  if (raw !== undefined && raw.trim() === '')
    throw new UsageError(
      `--${name} ${JSON.stringify(raw)} holds no term: a filter needs at least one term (such as company:Acme)`,
      args.command,
    );
  return raw;
}

/** `--limit N`: a whole number from 1, or undefined when absent. */
export function limitFlag(args: ParsedArgs, name = 'limit'): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1)
    throw new UsageError(`--${name} "${raw}" must be a whole number from 1`, args.command);
  return n;
}
