/**
 * Obsidian 1.13's declarative settings, as the docs describe them ("Migrate to declarative
 * settings", obsidian.d.ts `SettingDefinition*`): the app renders a tab from
 * `getSettingDefinitions()` instead of calling `display()`, reads values with
 * `getControlValue(key)`, runs `validate` and shows its message inline without saving,
 * saves with `setControlValue(key, value)`, evaluates `visible` and `disabled` on every
 * render, and indexes names, descriptions and aliases for the settings search.
 *
 * This is the double's own renderer, written from the docs; the plugin has a separate one
 * for `display()` on older versions, so the two are tested against each other.
 */
import type * as Real from 'obsidian';
import { Setting } from './ui';

type Def = Real.SettingDefinitionItem;

export interface DeclarativeTab {
  getSettingDefinitions(): Def[];
  getControlValue(key: string): unknown;
  setControlValue(key: string, value: unknown): void | Promise<void>;
}

const isOn = (v: boolean | (() => boolean) | undefined, fallback: boolean): boolean =>
  v === undefined ? fallback : typeof v === 'function' ? v() : v;

const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function descText(desc: string | DocumentFragment | undefined): string {
  if (desc === undefined) return '';
  return typeof desc === 'string' ? desc : (desc.textContent ?? '');
}

/** Names (with descriptions and aliases) the settings search can find, as the app indexes them. */
export function searchEntries(defs: readonly Def[]): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const d of defs) {
    if ('type' in d && (d.type === 'group' || d.type === 'list')) {
      if (!isOn(d.visible, true)) continue;
      out.push(...searchEntries(d.items ?? []));
    } else if ('type' in d && d.type === 'page') {
      out.push(...searchEntries(d.items ?? []));
    } else {
      const def = d as Real.SettingDefinition;
      if (!isOn(def.visible, true) || !isOn(def.searchable, true)) continue;
      out.push({
        name: def.name,
        text: [def.name, descText(def.desc), ...(def.aliases ?? [])].join(' ').toLowerCase(),
      });
    }
  }
  return out;
}

export function renderDefinitions(tab: DeclarativeTab, containerEl: HTMLElement): void {
  containerEl.empty();
  renderItems(tab, tab.getSettingDefinitions(), containerEl);
}

function renderItems(tab: DeclarativeTab, defs: readonly Def[], el: HTMLElement): void {
  for (const d of defs) {
    if ('type' in d && (d.type === 'group' || d.type === 'list')) {
      if (!isOn(d.visible, true)) continue;
      const group = el.createDiv(`setting-group${d.cls ? ` ${d.cls}` : ''}`);
      if (d.heading) new Setting(group).setName(d.heading).setHeading();
      renderItems(tab, d.items ?? [], group.createDiv('setting-items'));
    } else if ('type' in d && d.type === 'page') {
      throw new Error('the double does not model settings pages');
    } else renderOne(tab, d as Real.SettingDefinition, el);
  }
}

function renderOne(tab: DeclarativeTab, def: Real.SettingDefinition, el: HTMLElement): void {
  if (!isOn(def.visible, true)) return;
  const setting = new Setting(el).setName(def.name);
  if (def.desc !== undefined) setting.setDesc(def.desc);
  if (def.render) {
    def.render(setting as never, null as never);
    return;
  }
  if (def.action) {
    setting.settingEl.addClass('mod-clickable');
    setting.settingEl.addEventListener('click', () => def.action?.(setting.settingEl, 0));
    return;
  }
  const control = def.control;
  if (!control) return;
  const disabled = isOn(control.disabled, false);
  const errorEl = setting.infoEl.createDiv({ cls: 'setting-item-error' });
  const current = () => tab.getControlValue(control.key) ?? control.defaultValue;
  const commit = async (value: unknown) => {
    const validate = control.validate as ((v: unknown) => string | void | Promise<string | void>) | undefined;
    const message = validate ? await validate(value) : undefined;
    errorEl.setText(message || '');
    setting.settingEl.toggleClass('has-error', Boolean(message));
    if (!message) await tab.setControlValue(control.key, value);
  };
  switch (control.type) {
    case 'toggle':
      setting.addToggle((t) =>
        t
          .setValue(current() === true)
          .setDisabled(disabled)
          .onChange((v) => commit(v)),
      );
      break;
    case 'text':
    case 'folder':
      setting.addText((t) => {
        t.setValue(asText(current())).setDisabled(disabled);
        if (control.placeholder) t.setPlaceholder(control.placeholder);
        t.onChange((v) => commit(v));
      });
      break;
    case 'textarea':
      setting.addTextArea((t) => {
        t.setValue(asText(current())).setDisabled(disabled);
        if (control.rows) t.inputEl.rows = control.rows;
        t.onChange((v) => commit(v));
      });
      break;
    case 'number':
      setting.addText((t) => {
        t.inputEl.type = 'number';
        if (control.min !== undefined) t.inputEl.min = String(control.min);
        if (control.max !== undefined) t.inputEl.max = String(control.max);
        const v = current();
        t.setValue(asText(v)).setDisabled(disabled);
        if (control.placeholder) t.setPlaceholder(control.placeholder);
        t.onChange((s) => {
          const n = Number(s);
          return commit(s.trim() === '' || Number.isNaN(n) ? (control.defaultValue ?? 0) : n);
        });
      });
      break;
    case 'dropdown':
      setting.addDropdown((dd) =>
        dd
          .addOptions(control.options)
          .setValue(asText(current()))
          .onChange((v) => commit(v)),
      );
      break;
    default:
      throw new Error(`the double does not model ${control.type} settings`);
  }
  // The docs: validate runs once on mount and shows a message for a stored value that fails.
  const validate = control.validate as ((v: unknown) => string | void | Promise<string | void>) | undefined;
  if (validate)
    void Promise.resolve(validate(current())).then((m) => {
      errorEl.setText(m || '');
      setting.settingEl.toggleClass('has-error', Boolean(m));
    });
}
