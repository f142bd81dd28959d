/**
 * A command that declares no positional arguments refuses one, naming it. `stale --vault v
 * drifting` used to show the whole stale list with exit 0, as if the word had filtered it;
 * a typo or a missing `--flag` before a value must not run as something else. Pinned on the
 * command table, so a new command gets the rule without code of its own; `import`, which
 * takes files, keeps them.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/main';

const spec = (name: string) => COMMANDS.find((c) => c.name === name)!;

describe('stray positional arguments', () => {
  it('are a usage error naming the argument, for every command that takes none', () => {
    const without = COMMANDS.filter((c) => c.args === undefined);
    expect(without.map((c) => c.name)).not.toContain('import');
    expect(without.length).toBe(COMMANDS.length - 1);
    for (const c of without) {
      expect(() => parseCommandArgs(c, ['--vault', 'v', 'drifting']), c.name).toThrow(
        `unexpected argument "drifting": ${c.name} takes options only`,
      );
      expect(() => parseCommandArgs(c, ['--vault', 'v', '--', 'x']), c.name).toThrow(`unexpected argument "x"`);
      expect(parseCommandArgs(c, ['--vault', 'v']).positional).toEqual([]);
    }
  });

  it('are kept for import, which takes its files that way', () => {
    const args = parseCommandArgs(spec('import'), ['a.zip', '--vault', 'v', 'b.vcf']);
    expect(args.positional).toEqual(['a.zip', 'b.vcf']);
  });

  it('give the command whose help to see', () => {
    try {
      parseCommandArgs(spec('stale'), ['drifting']);
      expect.unreachable();
    } catch (e) {
      expect((e as { command?: string }).command).toBe('stale');
    }
  });
});
