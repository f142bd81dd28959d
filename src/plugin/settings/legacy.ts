/**
 * `display()` for Obsidian 1.7.2–1.12, which has no declarative settings: renders the same
 * definitions (definitions.ts) with `Setting`. It covers what those definitions use:
 * headed groups, toggles, text, folder, number and text-area controls, `visible`,
 * `disabled`, and `validate`, whose message shows under the setting while the value is
 * not saved, as Obsidian 1.13 does.
 */
import { Setting, type SettingDefinition, type SettingDefinitionItem } from 'obsidian';

export interface ValueStore {
  getControlValue(key: string): unknown;
  setControlValue(key: string, value: unknown): void | Promise<void>;
}

const on = (v: boolean | (() => boolean) | undefined, fallback: boolean) =>
  v === undefined ? fallback : typeof v === 'function' ? v() : v;

const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function renderLegacySettings(
  el: HTMLElement,
  items: readonly SettingDefinitionItem[],
  store: ValueStore,
): void {
  for (const item of items) {
    if ('type' in item && (item.type === 'group' || item.type === 'list')) {
      if (!on(item.visible, true)) continue;
      if (item.heading) new Setting(el).setName(item.heading).setHeading();
      const groupEl = el.createDiv({ cls: item.cls ?? '' });
      renderLegacySettings(groupEl, item.items ?? [], store);
    } else if (!('type' in item)) renderOne(el, item, store);
  }
}

function renderOne(el: HTMLElement, def: SettingDefinition, store: ValueStore): void {
  if (!on(def.visible, true)) return;
  const setting = new Setting(el).setName(def.name);
  if (def.desc !== undefined) setting.setDesc(def.desc);
  const control = def.control;
  if (!control) return;
  const errorEl = setting.descEl.createDiv({ cls: 'ncrm-setting-error' });
  const disabled = on(control.disabled, false);
  const save = async (value: unknown) => {
    const validate = control.validate as ((v: unknown) => string | void | Promise<string | void>) | undefined;
    const problem = validate ? await validate(value) : undefined;
    errorEl.setText(problem || '');
    setting.settingEl.toggleClass('ncrm-setting-invalid', Boolean(problem));
    if (!problem) await store.setControlValue(control.key, value);
  };
  const value = store.getControlValue(control.key) ?? control.defaultValue;
  switch (control.type) {
    case 'toggle':
      setting.addToggle((t) =>
        t
          .setValue(value === true)
          .setDisabled(disabled)
          .onChange((v) => save(v)),
      );
      break;
    case 'textarea':
      setting.setClass('ncrm-textarea-setting').addTextArea((t) => {
        if (control.rows) t.inputEl.rows = control.rows;
        t.setValue(asText(value)).onChange((v) => save(v));
      });
      break;
    case 'number':
      setting.addText((t) => {
        t.inputEl.type = 'number';
        t.inputEl.addClass('ncrm-days-input');
        if (control.min !== undefined) t.inputEl.min = String(control.min);
        t.setValue(asText(value)).onChange((v) => save(v.trim() === '' ? NaN : Number(v)));
      });
      break;
    case 'text':
    case 'folder':
      setting.addText((t) => {
        if (control.placeholder) t.setPlaceholder(control.placeholder);
        t.setValue(asText(value)).onChange((v) => save(v));
      });
      break;
    default:
      throw new Error(`No legacy rendering for ${control.type} settings`);
  }
}
