/**
 * The import dialog: choose the files (a LinkedIn export, address books, calendars, in any
 * mix), see what would happen per source, then Import or Cancel. Reading a big calendar
 * takes seconds: the dialog shows how far it is and can cancel it.
 *
 * Choosing files is a button inside the dialog rather than a picker opened straight from
 * the command, because mobile browsers only open a file picker from a direct tap. Every
 * value from the export is added as text (createEl), never as HTML.
 */
import { Modal, Setting, type App, type ButtonComponent } from 'obsidian';
import type { ImportPlan } from '../../core/import/plan-types';
import { ambiguousText } from '../../core/import/ambiguity';
import { problemAndInvitationCounts, sourceTable } from '../../core/import/plan-counts';
import { sanityBrake } from '../../core/import/sanity-brake';
import { describeMerge } from '../../core/linkedin/merge-exports';
import { CalendarCancelled } from '../../core/sources/calendar/read-calendar';
import { CALENDAR_SOURCE_ID } from '../../core/import/sources/calendar';
import { formatCount, plural } from '../../core/text/format';
import { cappedList, countList } from '../ui/dom';
import { createFileInput } from './pick-files';

const PREVIEW_CAP = 5;

export interface ImportModalActions {
  /** Reads and plans; throws an error whose message is shown to the user. */
  prepare(
    files: File[],
    progress: { onProgress(file: string, fraction: number): void; shouldStop(): boolean },
  ): Promise<ImportPlan>;
  /** Where this import would add People.base, or null when it will not. */
  baseFileOffer(plan: ImportPlan): string | null;
  /** Starts the import; the dialog closes first. */
  run(plan: ImportPlan, options: { createBaseFile: boolean }): void;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class ImportModal extends Modal {
  private plan: ImportPlan | null = null;

  constructor(
    app: App,
    private readonly folder: string,
    private readonly actions: ImportModalActions,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.modalEl.addClass('ncrm-import-modal');
    this.setTitle('Import');
    this.showPicker();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private showPicker(error?: string): void {
    const el = this.contentEl;
    el.empty();
    el.createEl('p', {
      text: 'Choose the export you downloaded from LinkedIn (the .zip file, or Connections.csv, Invitations.csv and messages.csv from it), address books (.vcf, or a Google or Outlook contacts CSV) and calendars (.ics), in any mix.',
    });
    el.createEl('p', {
      cls: 'ncrm-muted',
      text: `Notes go to the folder "${this.folder}". Nothing is written before you confirm.`,
    });
    if (error) el.createDiv({ cls: 'ncrm-error', text: error });
    const input = createFileInput(el, (files) => void this.prepare(files));
    new Setting(el).addButton((b) =>
      b
        .setButtonText('Choose files…')
        .setCta()
        .onClick(() => input.click()),
    );
  }

  private async prepare(files: File[]): Promise<void> {
    const el = this.contentEl;
    el.empty();
    const status = el.createEl('p', { cls: 'ncrm-status', text: `Reading ${plural(files.length, 'file')}…` });
    let cancelled = false;
    const cancel = new Setting(el).setClass('ncrm-read-cancel').addButton((b) =>
      b.setButtonText('Cancel').onClick(() => {
        cancelled = true;
        b.setDisabled(true).setButtonText('Cancelling…');
      }),
    );
    cancel.settingEl.hide(); // only calendars take long enough to want it
    try {
      this.plan = await this.actions.prepare(files, {
        onProgress: (file, fraction) => {
          cancel.settingEl.show();
          status.setText(`Reading ${file}… ${Math.floor(fraction * 100)}%`);
        },
        shouldStop: () => cancelled,
      });
      this.showPreview(this.plan);
    } catch (e) {
      if (e instanceof CalendarCancelled) this.showPicker('Cancelled: nothing was read into your vault.');
      else this.showPicker(e instanceof Error ? e.message : String(e));
    }
  }

  private showPreview(plan: ImportPlan): void {
    const el = this.contentEl;
    el.empty();
    el.addClass('ncrm-preview');
    el.createEl('p', {
      cls: 'ncrm-muted',
      text: `From ${plan.sources.join(', ')} into the folder "${plan.folder || '/'}".`,
    });
    if (plan.mergedExports) el.createEl('p', { cls: 'ncrm-muted', text: `${describeMerge(plan.mergedExports)}.` });
    // The first three always show; the rest only when there is something to say.
    countList(el, [
      ['New notes', plan.creates.length],
      ['Updated notes', plan.updates.length],
      ['Unchanged notes', plan.unchanged.length],
      ...problemAndInvitationCounts(plan).filter(([, n]) => n > 0),
    ]);

    const table = sourceTable(plan);
    if (table !== null) {
      el.createEl('h4', { text: 'By source' });
      const wrap = el.createDiv({ cls: 'ncrm-source-table-wrap' });
      const t = wrap.createEl('table', { cls: 'ncrm-source-table' });
      const head = t.createEl('thead').createEl('tr');
      // A column name wraps between its words, never inside one ("e-mail" stays whole).
      for (const h of table.header) {
        const th = head.createEl('th');
        h.split(' ').forEach((word, i) => {
          if (i > 0) th.appendText(' ');
          th.createSpan({ cls: 'ncrm-nowrap', text: word });
        });
      }
      const body = t.createEl('tbody');
      for (const row of table.rows) {
        const tr = body.createEl('tr');
        row.forEach((cell, i) => tr.createEl(i === 0 ? 'th' : 'td', { text: cell }));
      }
    }
    for (const source of plan.bySource)
      for (const d of source.details) {
        el.createEl('h4', { text: `${d.title} (${formatCount(d.total)})` });
        cappedList(
          el,
          d.items,
          PREVIEW_CAP,
          (item, li) => li.setText(item),
          (rest) => `…and ${formatCount(rest + d.total - d.items.length)} more, in the report`,
        );
        if (d.items.length < d.total && d.items.length <= PREVIEW_CAP)
          el.createEl('p', {
            cls: 'ncrm-muted',
            text: `…and ${formatCount(d.total - d.items.length)} more, in the report`,
          });
      }

    if (plan.withoutNote.some((p) => p.sourceId === CALENDAR_SOURCE_ID))
      el.createEl('p', {
        cls: 'ncrm-muted',
        text: 'After the import, one click creates notes for the people you met who have none (and undo takes them back).',
      });

    previewList(
      el,
      'Example changes',
      plan.updates,
      (u, li) => {
        li.createSpan({ cls: 'ncrm-name', text: u.name });
        li.appendText(
          `: ${u.changes.map((c) => `${c.field} ${showValue(c.from)} → ${showValue(c.to)}`).join('; ') || `${u.interactions.length} interaction line(s)`}`,
        );
      },
      (rest) => `…and ${formatCount(rest)} more`,
    );
    previewList(
      el,
      'Skipped rows',
      plan.skipped,
      (s, li) => li.setText(`${s.file}, line ${s.line}: ${s.reason}`),
      (rest) => `…and ${formatCount(rest)} more, all listed in the report`,
    );
    // What the user must know before writing (an export older than the vault, a changed profile
    // URL taken for the same person): until now only the report, after the import, said it.
    previewList(
      el,
      'Warnings',
      plan.warnings,
      (w, li) => li.setText(`${[w.file, w.line > 0 ? `line ${w.line}` : ''].filter(Boolean).join(', ')}: ${w.reason}`),
      (rest) => `…and ${formatCount(rest)} more, all listed in the report`,
    );
    previewList(
      el,
      'Ambiguous names (not imported)',
      plan.ambiguous,
      (a, li) => li.setText(ambiguousText(a)),
      (rest) => `…and ${formatCount(rest)} more`,
    );
    previewList(
      el,
      'Notes left untouched because their frontmatter cannot be read',
      plan.unreadable,
      (u, li) => li.setText(`${u.path}: ${u.error}`),
      (rest) => `…and ${formatCount(rest)} more`,
    );

    const work = plan.creates.length + plan.updates.length;
    if (work === 0)
      el.createEl('p', { cls: 'ncrm-status', text: 'Everything is up to date: there is nothing to write.' });
    // The first import (or the first one after updating to Obsidian 1.9) offers the Bases table.
    const basePath = this.actions.baseFileOffer(plan);
    let createBaseFile = basePath !== null;
    if (basePath !== null)
      new Setting(el)
        .setName(`Add ${basePath}`)
        .setDesc(
          'A table of your network in Obsidian Bases, with a view of the people to triage. Written once; yours to change.',
        )
        .setClass('ncrm-base-offer')
        .addToggle((t) => t.setValue(true).onChange((v) => (createBaseFile = v)));
    // The sanity brake (core): a mass change of companies waits for an explicit "import anyway".
    const brake = sanityBrake(plan);
    let importButton: ButtonComponent | null = null;
    if (brake) {
      el.createEl('h4', { text: 'Check before importing' });
      el.createDiv({ cls: 'ncrm-error ncrm-brake', text: brake.message });
      cappedList(
        el,
        brake.examples,
        brake.examples.length,
        (e, li) => {
          li.createSpan({ cls: 'ncrm-name', text: e.name });
          li.appendText(`: ${e.from} → ${e.to}`);
        },
        () => '',
      );
      new Setting(el)
        .setName('I checked these changes: import anyway')
        .setClass('ncrm-brake-confirm')
        .addToggle((t) => t.setValue(false).onChange((on) => importButton?.setDisabled(!on)));
    }
    new Setting(el)
      .addButton((b) => b.setButtonText('Cancel').onClick(() => this.close()))
      .addButton((b) => {
        importButton = b
          .setButtonText(work === 0 ? 'Write report' : `Import ${formatCount(work)} notes`)
          .setCta()
          .setDisabled(brake !== null)
          .onClick(() => {
            this.close();
            this.actions.run(plan, { createBaseFile });
          });
      });
  }
}

/** A heading and the first {@link PREVIEW_CAP} items under it, then how many more; nothing when there are none. */
function previewList<T>(
  el: HTMLElement,
  title: string,
  items: readonly T[],
  line: (item: T, li: HTMLElement) => void,
  more: (rest: number) => string,
): void {
  if (items.length === 0) return;
  el.createEl('h4', { text: title });
  cappedList(el, items, PREVIEW_CAP, line, more);
}
