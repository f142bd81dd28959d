/**
 * The import as the user lives it: dialog → preview → writes with a progress notice and
 * Cancel → report note, a closing notice that links to it, and People.base the first time.
 * The deciding is done by the core (readExport, planImport, applyPlan); this file only
 * connects it to Obsidian.
 */
import { Notice, normalizePath, type App } from 'obsidian';
import { applyPlan, type ApplyResult } from '../../core/import/apply';
import { planImport } from '../../core/import/plan';
import type { ImportPlan, ImportSettings } from '../../core/import/plan-types';
import { composeImportReport } from '../../core/import/report';
import { readExport } from '../../core/linkedin/read-export';
import { baseFilePath, composeBaseFile } from '../../core/notes/base-file';
import { joinPath, normaliseFolder } from '../../core/notes/file-name';
import { localIsoDate } from '../../core/dates/iso-date';
import type { NetworkCrmSettings } from '../../core/settings';
import type { VaultState } from '../../core/vault-state';
import { formatCount } from '../../core/text/format';
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
  reportPath: string;
  basePath: string | null;
}

export class ImportFlow {
  private running = false;
  /** The last finished import, for tests and for the closing notice. */
  lastOutcome: Promise<ImportOutcome> | null = null;

  constructor(private readonly host: ImportHost) {}

  private importSettings(): ImportSettings {
    const s = this.host.settings;
    const folder = normaliseFolder(s.peopleFolder);
    if (folder === null || folder === '')
      throw new Error(
        `The people folder "${s.peopleFolder}" is not a folder inside the vault. Change it in the settings.`,
      );
    return {
      folder,
      fileNameFormat: s.fileNameFormat,
      tag: s.defaultTag,
      today: localIsoDate(new Date()),
      createNotesForPendingInvitees: s.createNotesForPendingInvitees,
      logMessageDays: s.logMessageDays,
    };
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
    return planImport(exp, await buildVaultSnapshot(this.host.app, this.host.settings), settings);
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
      const reportPath = await this.writeReport(plan, result);
      const basePath = options.createBaseFile === false ? null : await this.createBaseFile(plan);
      this.announce(result, reportPath);
      return { result, reportPath, basePath };
    } finally {
      this.running = false;
    }
  }

  private async writeReport(plan: ImportPlan, result: ApplyResult): Promise<string> {
    const { app } = this.host;
    const folder = normaliseFolder(this.host.settings.reportFolder) ?? 'Network CRM/Imports';
    await ensureFolder(app, folder);
    const stem = `LinkedIn import ${plan.today}`;
    let path = normalizePath(joinPath(folder, stem));
    for (let n = 2; app.vault.getAbstractFileByPath(path); n++) path = normalizePath(joinPath(folder, `${stem} ${n}`));
    await app.vault.create(path, composeImportReport(plan, { date: plan.today, result }));
    return path;
  }

  /**
   * Where this import would write People.base, or null: once (never overwritten, not
   * recreated if the user deleted it), and only where Bases exists (Obsidian 1.9+). Below
   * 1.9 nothing is written or remembered, so after an upgrade the next import offers it.
   */
  baseFileOffer(plan: ImportPlan): string | null {
    const { settings, state } = this.host;
    if (!settings.createBaseFile || !this.host.basesSupported() || state.baseFileCreated || plan.folder === '')
      return null;
    return normalizePath(baseFilePath(plan.folder));
  }

  private async createBaseFile(plan: ImportPlan): Promise<string | null> {
    const { app, settings, state } = this.host;
    const path = this.baseFileOffer(plan);
    if (path === null) return null;
    if (app.vault.getAbstractFileByPath(path) === null)
      await app.vault.create(
        path,
        composeBaseFile(plan.folder, { trustLevels: settings.trustLevels, tag: settings.defaultTag }),
      );
    state.baseFileCreated = true;
    await this.host.saveSettings();
    return path;
  }

  private announce(result: ApplyResult, reportPath: string): void {
    const fragment = createFragment();
    const head = result.cancelled ? 'Import cancelled' : 'Import finished';
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
