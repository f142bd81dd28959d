/**
 * Settings. Every change is saved at once and applied without a reload: the plugin
 * re-reads the people folder and tag into the index and redraws its views.
 */
import { PluginSettingTab, Setting, type App } from 'obsidian';
import { normaliseFolder } from '../core/notes/file-name';
import type { NetworkCrmSettings } from '../core/settings';

/** The settings that are on/off switches. */
type BooleanSetting = {
  [K in keyof NetworkCrmSettings]: NetworkCrmSettings[K] extends boolean ? K : never;
}[keyof NetworkCrmSettings];

export interface SettingsHost {
  settings: NetworkCrmSettings;
  saveSettings(): Promise<void>;
}

export class NetworkCrmSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: import('obsidian').Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  private save(mutate: (s: NetworkCrmSettings) => void): void {
    mutate(this.host.settings);
    void this.host.saveSettings();
  }

  /** A folder inside the vault; not the vault root, which would make every note a person. */
  private folderSetting(
    el: HTMLElement,
    name: string,
    desc: string,
    get: () => string,
    set: (v: string) => void,
  ): void {
    const setting = new Setting(el).setName(name).setDesc(desc);
    setting.addText((t) =>
      t.setValue(get()).onChange((value) => {
        const folder = normaliseFolder(value);
        const ok = folder !== null && folder !== '';
        setting.settingEl.toggleClass('ncrm-setting-invalid', !ok);
        if (ok) this.save(() => set(value.trim()));
      }),
    );
  }

  private toggle(el: HTMLElement, name: string, desc: string, key: BooleanSetting): void {
    const setting = new Setting(el).setName(name);
    if (desc !== '') setting.setDesc(desc);
    setting.addToggle((t) => t.setValue(this.host.settings[key]).onChange((v) => this.save((x) => (x[key] = v))));
  }

  override display(): void {
    const el = this.containerEl;
    el.empty();
    const s = this.host.settings;

    new Setting(el).setName('Import').setHeading();
    this.folderSetting(
      el,
      'People folder',
      'Where imported person notes go. Notes you move elsewhere are still recognised.',
      () => s.peopleFolder,
      (v) => (s.peopleFolder = v),
    );
    this.folderSetting(
      el,
      'Report folder',
      'Where the report of each import is written.',
      () => s.reportFolder,
      (v) => (s.reportFolder = v),
    );
    const format = new Setting(el)
      .setName('File name format')
      .setDesc('Placeholders: {first}, {last}, {name}, {company}.');
    format.addText((t) =>
      t.setValue(s.fileNameFormat).onChange((value) => {
        const ok = /\{(first|last|name|company)\}/.test(value);
        format.settingEl.toggleClass('ncrm-setting-invalid', !ok);
        if (ok) this.save((x) => (x.fileNameFormat = value));
      }),
    );
    new Setting(el)
      .setName('Tag for person notes')
      .setDesc('Added to new person notes; notes with this tag count as people wherever they are.')
      .addText((t) =>
        t.setValue(s.defaultTag).onChange((value) => this.save((x) => (x.defaultTag = value.trim().replace(/^#/, '')))),
      );
    this.toggle(
      el,
      'Create a table of your network',
      'On the first import, add a People.base file (Obsidian Bases) beside the people folder. It is never overwritten.',
      'createBaseFile',
    );

    new Setting(el).setName('Keeping in touch').setHeading();
    this.toggle(
      el,
      'Daily notes count as contact',
      'A daily note that links a person counts as being in touch with them on that day.',
      'useDailyNotes',
    );
    this.toggle(
      el,
      'Include untriaged people',
      'Also remind you about people without a trust level, with the longest keep-in-touch period.',
      'includeUntriagedInStale',
    );
    this.toggle(el, 'Show stale contacts in the status bar', '', 'showStatusBar');

    new Setting(el).setName('Triage').setHeading();
    const count = (name: string, desc: string, get: () => number, set: (n: number) => void, min = 0) =>
      new Setting(el)
        .setName(name)
        .setDesc(desc)
        .addText((t) => {
          t.inputEl.type = 'number';
          t.inputEl.min = String(min);
          t.inputEl.addClass('ncrm-days-input');
          t.setValue(String(get())).onChange((value) => {
            const n = Number(value);
            if (Number.isInteger(n) && n >= min) this.save(() => set(n));
          });
        });
    count(
      'Prune after years',
      'Suggest pruning untriaged or level 1 people connected at least this long ago with no interaction on record.',
      () => s.pruneAfterYears,
      (n) => (s.pruneAfterYears = n),
    );
    count(
      'Withdraw after weeks',
      'Suggest withdrawing invitations you sent that have been pending this long.',
      () => s.withdrawAfterWeeks,
      (n) => (s.withdrawAfterWeeks = n),
    );
    count(
      'Unanswered messages',
      'Suggest pruning people who never answered this many of your messages in a row.',
      () => s.unansweredThreshold,
      (n) => (s.unansweredThreshold = n),
      1,
    );
    this.toggle(
      el,
      'Notes for pending invitees',
      'On import, also create notes for people you invited who have not accepted yet.',
      'createNotesForPendingInvitees',
    );
    this.toggle(
      el,
      'Log days of messages',
      'On import, add one line per day of LinkedIn messages to the interactions log ("3 messages"). Message text is never copied.',
      'logMessageDays',
    );
    new Setting(el)
      .setName('Your name')
      .setDesc('Used for {my-name} in the reply.')
      .addText((t) => t.setValue(s.myName).onChange((v) => this.save((x) => (x.myName = v.trim()))));
    new Setting(el)
      .setName('Reply to an invitation')
      .setDesc('Copied with "r" on an invitation card. Placeholders: {first}, {name}, {company}, {my-name}.')
      .setClass('ncrm-reply-setting')
      .addTextArea((t) => {
        t.inputEl.rows = 5;
        t.setValue(s.replyTemplate).onChange((v) => {
          if (v.trim() !== '') this.save((x) => (x.replyTemplate = v));
        });
      });

    new Setting(el).setName('Trust levels').setHeading();
    el.createEl('p', {
      cls: 'setting-item-description',
      text: 'Names for the five trust levels, and how often to keep in touch with each. Leave the days empty for a level you do not want reminders for.',
    });
    s.trustLevels.forEach((level, i) => {
      const row = new Setting(el).setName(`Level ${i + 1}`).setClass('ncrm-trust-level');
      row.addText((t) =>
        t
          .setPlaceholder('Name')
          .setValue(level.name)
          .onChange((value) => {
            if (value.trim() !== '') this.save((x) => ((x.trustLevels[i] as typeof level).name = value.trim()));
          }),
      );
      row.addText((t) => {
        t.inputEl.type = 'number';
        t.inputEl.min = '1';
        t.inputEl.addClass('ncrm-days-input');
        t.setPlaceholder('Not tracked')
          .setValue(level.keepInTouchDays === null ? '' : String(level.keepInTouchDays))
          .onChange((value) => {
            const days = value.trim() === '' ? null : Number(value);
            const ok = days === null || (Number.isInteger(days) && days > 0);
            row.settingEl.toggleClass('ncrm-setting-invalid', !ok);
            if (ok) this.save((x) => ((x.trustLevels[i] as typeof level).keepInTouchDays = days));
          });
      });
    });
  }
}
