/**
 * The import as the user lives it: dialog → preview → writes with a progress notice and
 * Cancel → report note, a closing notice that links to it (and, after a calendar, offers
 * notes for the people met who have none), and People.base the first time. The deciding
 * is done by the core (importSources, planImport, applyPlan); this file only connects it
 * to Obsidian.
 */
import { Notice, normalizePath, type App } from 'obsidian';
import { applyPlan, type ApplyResult } from '../../core/import/apply';
import { importSources } from '../../core/import/mixed-inputs';
import { planImport } from '../../core/import/plan';
import { attendeesWithoutNote } from '../../core/import/sources/calendar';
import { metPeopleSource } from '../../core/import/sources/met-people';
import type { ImportPlan, ImportSettings } from '../../core/import/plan-types';
import { importSettingsFrom } from '../../core/import/import-settings';
import { recordImport } from '../../core/import/record-import';
import { composeImportReport } from '../../core/import/report';
import { isUpToDate, reportPath } from '../../core/import/report-path';
import { composeBaseFile } from '../../core/notes/base-file';
import { baseFileDecision } from '../../core/notes/base-file-rule';
import { reportFolderOf } from '../../core/people/person-note';
import { localIsoDate } from '../../core/dates/iso-date';
import type { NetworkCrmSettings } from '../../core/settings';
import type { VaultState } from '../../core/vault-state';
import { formatCount, plural } from '../../core/text/format';
import { yieldToUi } from '../ui/dom';
import type { NoteChange, UndoStack } from '../edits/undo-stack';
import { ensureFolder, obsidianNoteWriter } from '../vault/obsidian-note-writer';
import { buildVaultSnapshot } from '../vault/vault-snapshot';
import { ImportModal } from './import-modal';
import { readPickedFiles } from './pick-files';
import { ProgressNotice } from './progress-notice';
import { reportFailure } from '../ui/notices';

/** Notes written between two pauses that let Obsidian redraw and index. */
const YIELD_EVERY = 25;

export interface ImportHost {
  app: App;
  settings: NetworkCrmSettings;
  /** Persists the settings and the vault state. */
  saveSettings(): Promise<void>;
  state: VaultState;
  /** Whether the running Obsidian has Bases (1.9+), so People.base can be opened. */
  basesSupported(): boolean;
  /** Resolves when Obsidian has indexed the vault (a cold start), so the preview sees every note. */
  indexed(): Promise<void>;
  /** "Create notes for these" is one undoable step. */
  readonly undo: UndoStack;
}

/** How reading the files is going (calendars take seconds), and whether the user cancelled. */
export interface ReadProgress {
  onProgress(file: string, fraction: number): void;
  shouldStop(): boolean;
}

export interface ImportOutcome {
  result: ApplyResult;
  /** null when the import found everything up to date (no report for a no-op). */
  reportPath: string | null;
  basePath: string | null;
}

export class ImportFlow {
  private running = false;
  /** The last finished import, for tests and for the closing notice. */
  lastOutcome: Promise<ImportOutcome> | null = null;

  constructor(private readonly host: ImportHost) {}

  private importSettings(): ImportSettings {
    const s = this.host.settings;
    const settings = importSettingsFrom(s, localIsoDate(new Date()), this.host.state);
    if (settings === null)
      throw new Error(
        `The people folder "${s.peopleFolder}" is not a folder inside the vault. Change it in the settings.`,
      );
    return settings;
  }

  open(): void {
    new ImportModal(this.host.app, this.host.settings.peopleFolder, {
      prepare: (files, progress) => this.prepare(files, progress),
      baseFileOffer: (plan) => this.baseFileOffer(plan),
      run: (plan, options) => {
        this.lastOutcome = this.run(plan, options);
        void this.lastOutcome.catch(
          (e: unknown) => new Notice(`Import failed: ${e instanceof Error ? e.message : String(e)}`, 0),
        );
      },
    }).open();
  }

  async prepare(files: File[], progress?: ReadProgress): Promise<ImportPlan> {
    const settings = this.importSettings();
    const inputs = await readPickedFiles(files);
    await this.host.indexed();
    await yieldToUi();
    const sources = await importSources(inputs, {
      today: settings.today,
      // The device's zone: a meeting is logged on the date it was here.
      timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
      myEmails: this.host.settings.myEmails,
      ownerName: this.host.state.owner?.name ?? null,
      shouldStop: progress ? () => progress.shouldStop() : undefined,
      onProgress: async (file, fraction) => {
        progress?.onProgress(file, fraction);
        await yieldToUi();
      },
    });
    await yieldToUi();
    return planImport(sources, await buildVaultSnapshot(this.host.app, this.host.settings), settings);
  }

  /**
   * "Create notes for these": notes for the people a calendar import met who have none, made
   * by the same plan (metPeopleSource), as one undoable step. Returns the notes created.
   */
  async createNotesForAttendees(plan: ImportPlan): Promise<string[]> {
    const people = attendeesWithoutNote(plan.withoutNote);
    if (people.length === 0) return [];
    const { app } = this.host;
    const follow = await planImport(
      [metPeopleSource(people)],
      await buildVaultSnapshot(app, this.host.settings),
      this.importSettings(),
    );
    const before = new Map<string, string>();
    for (const u of follow.updates) {
      const file = app.vault.getFileByPath(normalizePath(u.path));
      if (file) before.set(u.path, await app.vault.read(file));
    }
    const result = await applyPlan(follow, obsidianNoteWriter(app));
    const notes: NoteChange[] = [];
    for (const path of [...result.created, ...result.updated]) {
      const file = app.vault.getFileByPath(normalizePath(path));
      if (file) notes.push({ path: file.path, before: before.get(path) ?? null, after: await app.vault.read(file) });
    }
    this.host.undo.push({
      label: `create notes for ${plural(result.created.length, 'person', 'people')} you met`,
      notes,
    });
    new Notice(
      `Created ${plural(result.created.length, 'note')} for people you met${result.failed.length ? `; ${formatCount(result.failed.length)} failed` : ''}. "Undo last change" takes them back.`,
    );
    return result.created;
  }

  async run(plan: ImportPlan, options: { createBaseFile?: boolean } = {}): Promise<ImportOutcome> {
    if (this.running) throw new Error('An import is already running.');
    this.running = true;
    try {
      const total = plan.creates.length + plan.updates.length;
      const progress = new ProgressNotice(total);
      let result: ApplyResult;
      try {
        result = await applyPlan(plan, obsidianNoteWriter(this.host.app), {
          shouldStop: () => progress.cancelled,
          onProgress: async (done) => {
            progress.update(done, total);
            if (done % YIELD_EVERY === 0) await yieldToUi();
          },
        });
      } finally {
        progress.hide();
      }
      // On a full disk the report and People.base would fail too, and take the notice with them.
      const full = result.outOfSpace === true;
      const reportPath = isUpToDate(plan, result) || full ? null : await this.writeReport(plan, result);
      const basePath = options.createBaseFile === false || full ? null : await this.createBaseFile(plan);
      if (!result.cancelled) this.host.state = recordImport(this.host.state, plan, plan.today);
      // Told before the save, which a full disk may fail too: the notice says what to do.
      this.announce(plan, result, reportPath);
      await this.host.saveSettings();
      return { result, reportPath, basePath };
    } finally {
      this.running = false;
    }
  }

  private async writeReport(plan: ImportPlan, result: ApplyResult): Promise<string> {
    const { app } = this.host;
    const folder = reportFolderOf(this.host.settings.reportFolder);
    if (folder !== '') await ensureFolder(app, folder);
    const path = reportPath(folder, plan, (p) => app.vault.getAbstractFileByPath(normalizePath(p)) !== null);
    await app.vault.create(normalizePath(path), composeImportReport(plan, { date: plan.today, result }));
    return normalizePath(path);
  }

  /** The core's People.base decision for this import (written once; repaired when left missing or empty). */
  private baseFileDecision(plan: ImportPlan) {
    const { app, settings, state } = this.host;
    return baseFileDecision({
      folder: plan.folder,
      enabled: settings.createBaseFile,
      basesSupported: this.host.basesSupported(),
      created: state.baseFileCreated,
      onDisk: (p) => {
        const target = normalizePath(p);
        const file = app.vault.getFileByPath(target);
        if (file) return file.stat.size === 0 ? 'empty' : 'present';
        return app.vault.getAbstractFileByPath(target) ? 'present' : 'missing';
      },
    });
  }

  /**
   * Where this import would write People.base, or null (see core/notes/base-file-rule.ts).
   * Below Obsidian 1.9 nothing is written or remembered, so after an upgrade the next
   * import offers it.
   */
  baseFileOffer(plan: ImportPlan): string | null {
    const decision = this.baseFileDecision(plan);
    return decision?.write ? normalizePath(decision.path) : null;
  }

  private async createBaseFile(plan: ImportPlan): Promise<string | null> {
    const { app, settings, state } = this.host;
    const decision = this.baseFileDecision(plan);
    if (decision === null) return null;
    const path = normalizePath(decision.path);
    if (decision.write) {
      const text = composeBaseFile(plan.folder, { trustLevels: settings.trustLevels, tag: settings.defaultTag });
      const existing = app.vault.getFileByPath(path);
      if (existing) await app.vault.process(existing, (current) => (current === '' ? text : current));
      else await app.vault.create(path, text);
    }
    state.baseFileCreated = decision.createdAfter;
    return decision.write ? path : null;
  }

  private announce(plan: ImportPlan, result: ApplyResult, reportPath: string | null): void {
    const fragment = createFragment();
    const head = result.cancelled ? 'Import cancelled' : 'Import finished';
    if (isUpToDate(plan, result))
      fragment.createDiv({ text: `Already up to date: ${plural(plan.unchanged.length, 'note')} unchanged.` });
    else
      fragment.createDiv({
        text: `${head}: ${formatCount(result.created.length)} created, ${formatCount(result.updated.length)} updated${result.failed.length ? `, ${formatCount(result.failed.length)} failed` : ''}.`,
      });
    if (result.cancelled) fragment.createDiv({ text: 'Run the import again to finish; nothing will be duplicated.' });
    if (result.outOfSpace)
      fragment.createDiv({
        text: 'The disk is full. Free some space, then run the import again to finish; nothing will be duplicated.',
      });
    const met = result.cancelled ? 0 : attendeesWithoutNote(plan.withoutNote).length;
    if (met > 0 && result.outOfSpace) {
      // Their notes would fail the same way: the import run again, with room, offers them.
      fragment.createDiv({ text: `${plural(met, 'person', 'people')} you met in meetings have no note yet.` });
    } else if (met > 0) {
      // Meeting people is how a network grows: one click gives them notes.
      fragment.createDiv({ text: `${plural(met, 'person', 'people')} you met in meetings have no note.` });
      const create = fragment.createEl('button', { text: 'Create notes for these', cls: 'ncrm-notice-create' });
      create.addEventListener('click', (evt) => {
        evt.stopPropagation(); // a click on a notice would otherwise dismiss it
        create.disabled = true;
        void this.createNotesForAttendees(plan).catch(reportFailure);
      });
    }
    if (reportPath !== null) {
      const link = fragment.createEl('a', { text: 'Open the report', cls: 'ncrm-notice-link', href: '#' });
      link.addEventListener('click', (evt) => {
        evt.preventDefault();
        const file = this.host.app.vault.getFileByPath(reportPath);
        if (file) void this.host.app.workspace.getLeaf(false).openFile(file);
      });
    }
    // With people to create notes for, the notice stays until dismissed (a button that vanishes is no offer);
    // so does a full disk's, which asks the user to act.
    new Notice(fragment, met > 0 || result.outOfSpace ? 0 : reportPath === null ? 8_000 : 15_000);
  }
}
