/** What commands and views need from the plugin, without holding the plugin itself. */
import type { App } from 'obsidian';
import type { NetworkCrmSettings } from '../core/settings';
import type { VaultState } from '../core/vault-state';
import type { NoteEditor } from './edits/note-editor';
import type { UndoStack } from './edits/undo-stack';
import type { PersonIndex } from './person-index';

export interface CrmContext {
  app: App;
  settings: NetworkCrmSettings;
  index: PersonIndex;
  editor: NoteEditor;
  undo: UndoStack;
  /** Opens the import dialog (the first-run welcome's button). */
  startImport(): void;
  /** The user's "today" (local date). A function so tests and long sessions get the current day. */
  today(): string;
  /** What the vault remembers between runs (shared with the CLI through data.json). */
  readonly state: VaultState;
  /** Replaces and saves the vault state; views redraw. */
  saveState(state: VaultState): Promise<void>;
}
