/**
 * "Merge with…": shows what merging will do (the kept note, the note merged into it and
 * moved to the trash, how many links are rewritten) and, for each field the two notes
 * disagree on, lets the user choose which value stays. Nothing is written before Merge.
 */
import { Modal, Setting, type App } from 'obsidian';
import type { Choice, FieldConflict } from '../../core/merge/merge-notes';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface MergeSummary {
  kept: string;
  removed: string;
  links: number;
  conflicts: FieldConflict[];
}

export class MergeModal extends Modal {
  private readonly choices = new Map<string, Choice>();

  constructor(
    app: App,
    private readonly summary: MergeSummary,
    private readonly onMerge: (choices: ReadonlyMap<string, Choice>) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { kept, removed, links, conflicts } = this.summary;
    this.setTitle('Merge notes');
    const el = this.contentEl;
    el.createEl('p', { text: `${removed} will be merged into ${kept} and moved to the trash.` });
    el.createEl('p', {
      cls: 'ncrm-muted',
      text:
        links === 0
          ? 'No other note links to it.'
          : `${links} link${links === 1 ? '' : 's'} to it will point to ${kept}.`,
    });
    if (conflicts.length > 0) {
      el.createEl('h4', { text: 'The notes disagree on these fields: choose what stays' });
      for (const c of conflicts) {
        this.choices.set(c.key, 'kept');
        new Setting(el).setName(c.key).addDropdown((d) =>
          d
            .addOption('kept', show(c.kept))
            .addOption('removed', show(c.removed))
            .setValue('kept')
            .onChange((v) => this.choices.set(c.key, v === 'removed' ? 'removed' : 'kept')),
        );
      }
    }
    new Setting(el)
      .addButton((b) => b.setButtonText('Cancel').onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText('Merge')
          .setCta()
          .onClick(() => {
            this.close();
            this.onMerge(this.choices);
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
