/**
 * Every command the plugin adds to the palette. None has a default hotkey: users choose
 * their own (Obsidian's guidelines), and the triage view has its own keys.
 */
import type { Plugin } from 'obsidian';
import type { CrmContext } from '../context';
import { logContactToday } from '../edits/person-actions';
import { mergeWithCommand } from './merge-command';
import {
  addPersonCommand,
  logInteractionCommand,
  setMetWhereCommand,
  setTrustCommand,
  snoozeCommand,
  stopTrackingCommand,
  withPerson,
} from './person-commands';

export function registerPersonCommands(plugin: Plugin, ctx: CrmContext): void {
  plugin.addCommand({ id: 'log-interaction', name: 'Log interaction', callback: () => logInteractionCommand(ctx) });
  plugin.addCommand({
    id: 'log-contact-today',
    name: 'Log contact today',
    callback: () => withPerson(ctx, (p) => logContactToday(ctx, p), 'Log contact today with…'),
  });
  plugin.addCommand({ id: 'set-trust-level', name: 'Set trust level', callback: () => setTrustCommand(ctx) });
  plugin.addCommand({ id: 'set-met-where', name: 'Set where we met', callback: () => setMetWhereCommand(ctx) });
  plugin.addCommand({ id: 'snooze', name: 'Snooze', callback: () => snoozeCommand(ctx) });
  plugin.addCommand({ id: 'stop-tracking', name: 'Stop tracking', callback: () => stopTrackingCommand(ctx) });
  plugin.addCommand({ id: 'add-person', name: 'Add person', callback: () => addPersonCommand(ctx) });
  plugin.addCommand({ id: 'merge-with', name: 'Merge with…', callback: () => mergeWithCommand(ctx) });
  plugin.addCommand({ id: 'undo-last-change', name: 'Undo last change', callback: () => void ctx.undo.undo() });
}
