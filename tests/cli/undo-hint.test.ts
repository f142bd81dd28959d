/**
 * The undo command a writing command prints (`bulk`, `met-at-event`, `prune-list`, `review
 * --write`): the vault as the user named it, quoted only when the shell needs it, so the
 * line can be copied and run as it is.
 */
import { describe, expect, it } from 'vitest';
import { shellWord, undoHint } from '../../src/cli/command';

const args = (flags: Record<string, string>) => ({
  command: 'bulk',
  positional: [],
  flags: new Map(Object.entries(flags)),
});

describe('undo hint', () => {
  it('leaves a plain path as it is and quotes one with spaces or quotes, for POSIX shells and Windows', () => {
    expect(shellWord('/home/alex/Vault', 'linux')).toBe('/home/alex/Vault');
    expect(shellWord('/home/alex/My Vault', 'linux')).toBe("'/home/alex/My Vault'");
    expect(shellWord("/home/alex/Alex's", 'darwin')).toBe("'/home/alex/Alex'\\''s'");
    expect(shellWord('$HOME/x', 'linux')).toBe("'$HOME/x'");
    expect(shellWord('C:\\Users\\Alex\\My Vault', 'win32')).toBe('"C:\\Users\\Alex\\My Vault"');
  });

  it('names the vault and the config folder given, and nothing the user did not give', () => {
    expect(undoHint(args({ vault: 'V' }), 'linux')).toBe('Undo with: network-crm undo --vault V');
    expect(undoHint(args({ vault: 'My V', 'config-dir': '.obs', today: '2026-01-01' }), 'linux')).toBe(
      "Undo with: network-crm undo --vault 'My V' --config-dir .obs",
    );
  });
});
