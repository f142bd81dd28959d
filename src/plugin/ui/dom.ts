/** Small DOM helpers shared by views and modals. All text goes in as text, never as HTML. */
import { Setting } from 'obsidian';
import { formatCount } from '../../core/text/format';

/** `label: value` rows of counts, as a definition list. */
export function countList(
  parent: HTMLElement,
  rows: ReadonlyArray<readonly [string, number]>,
  cls = 'ncrm-counts',
): HTMLElement {
  const dl = parent.createEl('dl', { cls });
  for (const [label, n] of rows) {
    const row = dl.createDiv({ cls: 'ncrm-count-row' });
    row.createEl('dt', { text: label });
    row.createEl('dd', { text: formatCount(n) });
  }
  return dl;
}

/** A capped bullet list with "and N more" at the end. */
export function cappedList<T>(
  parent: HTMLElement,
  items: readonly T[],
  cap: number,
  line: (item: T, li: HTMLElement) => void,
  more: (rest: number) => string,
): HTMLElement | null {
  if (items.length === 0) return null;
  const ul = parent.createEl('ul', { cls: 'ncrm-list' });
  for (const item of items.slice(0, cap)) line(item, ul.createEl('li'));
  if (items.length > cap) ul.createEl('li', { cls: 'ncrm-more', text: more(items.length - cap) });
  return ul;
}

/**
 * Whether an event comes from a field the user types in. Uses Obsidian's cross-window
 * `instanceOf`: in a popout window, `instanceof HTMLInputElement` is false for that
 * window's inputs, and keys typed there would be taken as commands.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const node = target as Node | null;
  if (!node || typeof node.instanceOf !== 'function') return false;
  return (
    node.instanceOf(HTMLInputElement) ||
    node.instanceOf(HTMLTextAreaElement) ||
    node.instanceOf(HTMLSelectElement) ||
    (node.instanceOf(HTMLElement) && node.isContentEditable)
  );
}

/** Whether an event comes from a multi-line text field (where Enter adds a line). */
export function isTextArea(target: EventTarget | null): boolean {
  const node = target as Node | null;
  return !!node && typeof node.instanceOf === 'function' && node.instanceOf(HTMLTextAreaElement);
}

/** The Cancel and call-to-action buttons at the foot of a dialog; returns the action button (its text is set by the caller). */
export function dialogButtons(el: HTMLElement, cancel: () => void, act: () => void): HTMLButtonElement {
  let button!: HTMLButtonElement;
  const row = new Setting(el);
  row.addButton((b) => b.setButtonText('Cancel').onClick(cancel));
  row.addButton((b) => {
    button = b.buttonEl;
    b.setCta().onClick(act);
  });
  return button;
}

export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}
