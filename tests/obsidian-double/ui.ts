/**
 * Notices, modals, suggesters, settings rows and menus, rendered into the DOM with the
 * class names Obsidian's own CSS uses, so the browser tests see the layout a user sees.
 */
import type { App } from './app';
import { setIcon } from './utils';

function body(): HTMLElement {
  return activeDocument.body;
}

// ---------------------------------------------------------------- Notice

function noticeContainer(): HTMLElement {
  return body().querySelector<HTMLElement>(':scope > .notice-container') ?? body().createDiv('notice-container');
}

export class Notice {
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = noticeContainer();
    this.noticeEl = this.containerEl.createDiv('notice');
    this.messageEl = this.noticeEl.createDiv('notice-message');
    this.setMessage(message);
    this.noticeEl.addEventListener('click', () => this.hide());
    if (duration !== 0) this.timer = setTimeout(() => this.hide(), duration ?? 5000);
  }

  setMessage(message: string | DocumentFragment): this {
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.noticeEl.remove();
  }
}

// ---------------------------------------------------------------- Components

export class ButtonComponent {
  buttonEl: HTMLButtonElement;
  disabled = false;

  constructor(containerEl: HTMLElement) {
    this.buttonEl = containerEl.createEl('button');
  }
  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }
  removeCta(): this {
    this.buttonEl.removeClass('mod-cta');
    return this;
  }
  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.buttonEl.disabled = disabled;
    return this;
  }
  setTooltip(tooltip: string): this {
    this.buttonEl.setAttr('aria-label', tooltip);
    return this;
  }
  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }
  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', (evt) => {
      if (!this.disabled) void callback(evt);
    });
    return this;
  }
}

abstract class ValueComponent<T> {
  protected changeHandlers: Array<(value: T) => unknown> = [];
  abstract getValue(): T;
  abstract setValue(value: T): this;
  onChange(callback: (value: T) => unknown): this {
    this.changeHandlers.push(callback);
    return this;
  }
  protected emit(): void {
    for (const h of this.changeHandlers) void h(this.getValue());
  }
}

/** What text inputs and text areas share: a value, input events, a placeholder. */
abstract class TextInputBase<E extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  constructor(readonly inputEl: E) {
    super();
    inputEl.addEventListener('input', () => this.emit());
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.inputEl.disabled = disabled;
    return this;
  }
}

export class TextComponent extends TextInputBase<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('input', { type: 'text' }));
  }
}

export class TextAreaComponent extends TextInputBase<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('textarea'));
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv({ cls: 'checkbox-container', attr: { role: 'switch', tabindex: '0' } });
    this.toggleEl.createEl('input', { type: 'checkbox' });
    this.toggleEl.addEventListener('click', () => {
      if (this.disabled) return;
      this.setValue(!this.on);
      this.emit();
    });
  }
  getValue(): boolean {
    return this.on;
  }
  setDisabled(disabled: boolean): this {
    this.toggleEl.toggleClass('is-disabled', disabled);
    (this.toggleEl.querySelector('input') as HTMLInputElement).disabled = disabled;
    this.disabled = disabled;
    return this;
  }
  private disabled = false;
  setValue(on: boolean): this {
    this.on = on;
    this.toggleEl.toggleClass('is-enabled', on);
    this.toggleEl.setAttr('aria-checked', String(on));
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl('select', { cls: 'dropdown' });
    this.selectEl.addEventListener('change', () => this.emit());
  }
  addOption(value: string, display: string): this {
    this.selectEl.createEl('option', { value, text: display });
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: unknown[] = [];

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv('setting-item');
    this.infoEl = this.settingEl.createDiv('setting-item-info');
    this.nameEl = this.infoEl.createDiv('setting-item-name');
    this.descEl = this.infoEl.createDiv('setting-item-description');
    this.controlEl = this.settingEl.createDiv('setting-item-control');
  }
  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  setHeading(): this {
    this.settingEl.addClass('setting-item-heading');
    return this;
  }
  private add<C>(component: C, cb: (c: C) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }
  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }
  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }
  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }
  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }
}

// ---------------------------------------------------------------- Modal

export class Modal {
  app: App;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = false;
  private readonly onKey = (evt: KeyboardEvent) => {
    if (evt.key === 'Escape') {
      evt.preventDefault();
      this.close();
    }
  };

  constructor(app: App) {
    this.app = app;
    this.containerEl = createDiv('modal-container mod-dim');
    this.containerEl.createDiv('modal-bg');
    this.modalEl = this.containerEl.createDiv('modal');
    const close = this.modalEl.createDiv({ cls: 'modal-close-button', attr: { 'aria-label': 'Close' } });
    close.addEventListener('click', () => this.close());
    this.titleEl = this.modalEl.createDiv('modal-title');
    this.contentEl = this.modalEl.createDiv('modal-content');
  }
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
  open(): void {
    body().appendChild(this.containerEl);
    activeDocument.addEventListener('keydown', this.onKey);
    void this.onOpen();
  }
  close(): void {
    activeDocument.removeEventListener('keydown', this.onKey);
    this.containerEl.remove();
    void this.onClose();
  }
  onOpen(): Promise<void> | void {}
  onClose(): void {}
}

export interface FuzzyMatch<T> {
  item: T;
  match: { score: number; matches: number[][] };
}

/** A prompt with a text input and a list of suggestions; arrows, Enter and clicks choose. */
export abstract class SuggestModal<T> extends Modal {
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  emptyStateText = 'No results found.';
  limit = 100;
  private items: T[] = [];
  private selected = 0;

  constructor(app: App) {
    super(app);
    this.modalEl.addClass('prompt');
    this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input', type: 'text' });
    this.resultContainerEl = this.modalEl.createDiv('prompt-results');
    this.inputEl.addEventListener('input', () => void this.refresh());
    this.inputEl.addEventListener('keydown', (evt) => {
      if (evt.key === 'ArrowDown') this.select(this.selected + 1);
      else if (evt.key === 'ArrowUp') this.select(this.selected - 1);
      else if (evt.key === 'Enter') {
        evt.preventDefault();
        this.choose(this.selected, evt);
      }
    });
  }
  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }
  override open(): void {
    super.open();
    void this.refresh();
    this.inputEl.focus();
  }
  private async refresh(): Promise<void> {
    this.items = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
    this.resultContainerEl.empty();
    if (this.items.length === 0)
      this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
    this.items.forEach((item, i) => {
      const el = this.resultContainerEl.createDiv('suggestion-item');
      this.renderSuggestion(item, el);
      el.addEventListener('click', (evt) => this.choose(i, evt));
    });
    this.select(0);
  }
  private select(i: number): void {
    const els = Array.from(this.resultContainerEl.querySelectorAll('.suggestion-item'));
    if (els.length === 0) return;
    this.selected = (i + els.length) % els.length;
    els.forEach((el, k) => el.toggleClass('is-selected', k === this.selected));
  }
  private choose(i: number, evt: MouseEvent | KeyboardEvent): void {
    const item = this.items[i];
    if (item === undefined) return;
    this.close();
    this.onChooseSuggestion(item, evt);
  }
  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Case-insensitive subsequence match, best (shortest span) first. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  if (q === '') return 0;
  let pos = -1;
  let first = -1;
  for (const ch of q) {
    pos = t.indexOf(ch, pos + 1);
    if (pos === -1) return null;
    if (first === -1) first = pos;
  }
  return -(pos - first) - first / 100;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const out: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const score = fuzzyScore(query, this.getItemText(item));
      if (score !== null) out.push({ item, match: { score, matches: [] } });
    }
    return out.sort((a, b) => b.match.score - a.match.score);
  }
  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(item.item));
  }
  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Suggestions under a text input, as Obsidian's AbstractInputSuggest shows them. */
export abstract class AbstractInputSuggest<T> {
  app: App;
  limit = 100;
  protected readonly textInputEl: HTMLInputElement | HTMLDivElement;
  private containerEl: HTMLElement | null = null;
  private items: T[] = [];
  private selectHandler: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(app: App, textInputEl: HTMLInputElement | HTMLDivElement) {
    this.app = app;
    this.textInputEl = textInputEl;
    textInputEl.addEventListener('input', () => void this.show());
    textInputEl.addEventListener('focus', () => void this.show());
    textInputEl.addEventListener('keydown', (evt: Event) => {
      if ((evt as KeyboardEvent).key === 'Escape') this.close();
    });
  }
  getValue(): string {
    return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? '');
  }
  setValue(value: string): void {
    if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
    else this.textInputEl.textContent = value;
  }
  onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.selectHandler = callback;
    return this;
  }
  private async show(): Promise<void> {
    this.items = (await this.getSuggestions(this.getValue())).slice(0, this.limit);
    this.containerEl?.remove();
    if (this.items.length === 0) {
      this.containerEl = null;
      return;
    }
    this.containerEl = body().createDiv('suggestion-container');
    const list = this.containerEl.createDiv('suggestion');
    this.items.forEach((item) => {
      const el = list.createDiv('suggestion-item');
      this.renderSuggestion(item, el);
      el.addEventListener('mousedown', (evt) => {
        evt.preventDefault();
        this.selectSuggestion(item, evt);
      });
    });
  }
  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.selectHandler?.(value, evt);
    this.close();
  }
  close(): void {
    this.containerEl?.remove();
    this.containerEl = null;
  }
  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
}

// ---------------------------------------------------------------- Menu

export class MenuItem {
  dom: HTMLElement;
  private handler: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  private disabled = false;

  constructor(menu: Menu) {
    this.dom = menu.dom.createDiv('menu-item');
    this.dom.createDiv('menu-item-icon');
    this.dom.createDiv('menu-item-title');
    this.dom.addEventListener('click', (evt) => {
      if (this.disabled) return;
      menu.hide();
      void this.handler?.(evt);
    });
  }
  setTitle(title: string | DocumentFragment): this {
    (this.dom.querySelector('.menu-item-title') as HTMLElement).setText(title);
    return this;
  }
  setIcon(icon: string | null): this {
    if (icon) setIcon(this.dom.querySelector('.menu-item-icon') as HTMLElement, icon);
    return this;
  }
  setChecked(checked: boolean | null): this {
    this.dom.toggleClass('mod-checked', checked === true);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.dom.toggleClass('is-disabled', disabled);
    return this;
  }
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.handler = callback;
    return this;
  }
}

export class Menu {
  dom: HTMLElement;
  constructor() {
    this.dom = createDiv('menu');
  }
  addItem(cb: (item: MenuItem) => unknown): this {
    cb(new MenuItem(this));
    return this;
  }
  addSeparator(): this {
    this.dom.createDiv('menu-separator');
    return this;
  }
  showAtMouseEvent(_evt: MouseEvent): this {
    body().appendChild(this.dom);
    return this;
  }
  showAtPosition(_position: { x: number; y: number }): this {
    body().appendChild(this.dom);
    return this;
  }
  hide(): this {
    this.dom.remove();
    return this;
  }
  close(): void {
    this.hide();
  }
}
