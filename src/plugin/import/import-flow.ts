/**
 * The import as the user lives it: dialog → preview → writes with a progress notice and
 * Cancel → report note, a closing notice that links to it, and People.base the first time.
 * The deciding is done by the core (readExport, planImport, applyPlan); this file only
 * connects it to Obsidian.
 */
import { Notice, normalizePath, type App } from 'obsidian';
import { applyPlan, type ApplyResult } from '../../core/import/apply';
import { planImport } from '../../core/import/plan';
import { linkedInSource } from '../../core/import/sources/linkedin';
import type { ImportPlan, ImportSettings } from '../../core/import/plan-types';
import { importSettingsFrom } from '../../core/import/import-settings';
import { recordImport } from '../../core/import/record-import';
import { composeImportReport } from '../../core/import/report';
import { isUpToDate, reportPath } from '../../core/import/report-path';
import { readExport } from '../../core/linkedin/read-export';
import { composeBaseFile } from '../../core/notes/base-file';
import { baseFileDecision } from '../../core/notes/base-file-rule';
import { reportFolderOf } from '../../core/people/person-note';
import { localIsoDate } from '../../core/dates/iso-date';
import type { NetworkCrmSettings } from '../../core/settings';
import type { VaultState } from '../../core/vault-state';
import { formatCount, plural } from '../../core/text/format';
import { yieldToUi } from '../ui/dom';
import { ensureFolder, obsidianNoteWriter } from '../vault/obsidian-note-writer';
import { buildVaultSnapshot } from '../vault/vault-snapshot';
import { ImportModal } from './import-modal';
import { readPickedFiles } from './pick-files';
import { ProgressNotice } from './progress-notice';

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
    const settings = importSettingsFrom(s, localIsoDate(new Date()));
    if (settings === null)
      throw new Error(
        `The people folder "${s.peopleFolder}" is not a folder inside the vault. Change it in the settings.`,
      );
    return settings;
  }

  open(): void {
    new ImportModal(this.host.app, this.host.settings.peopleFolder, {
      prepare: (files) => this.prepare(files),
      baseFileOffer: (plan) => this.baseFileOffer(plan),
      run: (plan, options) => {
        this.lastOutcome = this.run(plan, options);
        void this.lastOutcome.catch(
          (e: unknown) => new Notice(`Import failed: ${e instanceof Error ? e.message : String(e)}`, 0),
        );
      },
    }).open();
  }

  async prepare(files: File[]): Promise<ImportPlan> {
    const settings = this.importSettings();
    const inputs = await readPickedFiles(files);
    await this.host.indexed();
    await yieldToUi();
    const exp = readExport(inputs);
    await yieldToUi();
    return planImport([linkedInSource(exp)], await buildVaultSnapshot(this.host.app, this.host.settings), settings);
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
      const reportPath = isUpToDate(plan, result) ? null : await this.writeReport(plan, result);
      const basePath = options.createBaseFile === false ? null : await this.createBaseFile(plan);
      if (!result.cancelled) this.host.state = recordImport(this.host.state, plan, plan.today);
      await this.host.saveSettings();
      this.announce(plan, result, reportPath);
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
    if (reportPath === null) {
      new Notice(`Already up to date: ${plural(plan.unchanged.length, 'note')} unchanged.`, 8_000);
      return;
    }
    fragment.createDiv({
      text: `${head}: ${formatCount(result.created.length)} created, ${formatCount(result.updated.length)} updated${result.failed.length ? `, ${formatCount(result.failed.length)} failed` : ''}.`,
    });
    if (result.cancelled) fragment.createDiv({ text: 'Run the import again to finish; nothing will be duplicated.' });
    const link = fragment.createEl('a', { text: 'Open the report', cls: 'ncrm-notice-link', href: '#' });
    link.addEventListener('click', (evt) => {
      evt.preventDefault();
      const file = this.host.app.vault.getFileByPath(reportPath);
      if (file) void this.host.app.workspace.getLeaf(false).openFile(file);
    });
    new Notice(fragment, 15_000);
  }
}
