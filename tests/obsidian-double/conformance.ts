/**
 * Compile-time check that the double offers the real API the plugin uses, with the same
 * signatures. `npm run typecheck` fails when they drift.
 *
 * - Members: for every class member the plugin uses, the double's member must be assignable
 *   to the real one, with the real classes in its signature replaced by the double's
 *   (`Swap`): TypeScript then compares the parameters (their number and types) and the
 *   return type. The double's classes form their own hierarchy (its TFile is not the real
 *   TFile), which is why they cannot be compared whole.
 * - Events: the names the plugin listens to (`LISTENED_EVENTS`) are checked against the
 *   overloads of `on` in obsidian.d.ts; a test (conformance.test.ts) checks that the list
 *   matches the plugin's source and that the double fires each of them.
 * - Free functions are typed `typeof Real.fn` where the double defines them (utils.ts).
 *
 * Adding a call to a new Obsidian API in src/plugin? Add it here and to the double.
 */
import type * as Real from 'obsidian';
import type * as D from './obsidian';
import type { MemoryAdapter } from './vault';

/** The double's class for each real class that appears in a checked signature. */
// prettier-ignore
type Swap<T> =
  0 extends 1 & T ? T :
  T extends Real.TFile ? D.TFile :
  T extends Real.TFolder ? D.TFolder :
  T extends Real.TAbstractFile ? D.TAbstractFile :
  T extends Real.MarkdownView ? D.MarkdownView :
  T extends Real.ItemView ? D.ItemView :
  T extends Real.View ? D.View :
  T extends Real.WorkspaceLeaf ? D.WorkspaceLeaf :
  T extends Real.Editor ? D.Editor :
  T extends Real.App ? D.App :
  T extends Real.ButtonComponent ? D.ButtonComponent :
  T extends Real.ToggleComponent ? D.ToggleComponent :
  T extends Real.DropdownComponent ? D.DropdownComponent :
  T extends Real.TextAreaComponent ? D.TextAreaComponent :
  T extends Real.TextComponent ? D.TextComponent :
  T extends Real.Setting ? D.Setting :
  T extends Real.MenuItem ? D.MenuItem :
  T extends Real.Menu ? D.Menu :
  T extends Real.Notice ? D.Notice :
  T extends Real.Plugin ? D.Plugin :
  T extends Real.PluginSettingTab ? D.PluginSettingTab :
  T extends Real.FuzzySuggestModal<infer X> ? D.FuzzySuggestModal<X> :
  T extends Real.SuggestModal<infer X> ? D.SuggestModal<X> :
  T extends Real.Modal ? D.Modal :
  T extends Real.AbstractInputSuggest<infer X> ? D.AbstractInputSuggest<X> :
  T extends Real.Component ? D.Component :
  T extends Real.DataAdapter ? MemoryAdapter :
  T extends Promise<infer U> ? Promise<Swap<U>> :
  T extends ReadonlyArray<infer U> ? Array<Swap<U>> :
  T extends (...args: infer A) => infer R ? (...args: SwapAll<A>) => Swap<R> :
  T;
type SwapAll<A extends readonly unknown[]> = { [I in keyof A]: Swap<A[I]> };

/** `true` for each member whose double is assignable to the real one; otherwise both types, to read in the error. */
type Conforms<Dbl, R, K extends keyof R & keyof Dbl> = {
  [P in K]: [Dbl[P]] extends [Swap<R[P]>] ? true : { double: Dbl[P]; real: Swap<R[P]> };
};

type Members<Dbl, R, K extends keyof R & keyof Dbl> = Conforms<Dbl, R, K>;

const yes = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, true>;

export const conformance = {
  vault: yes(
    'getFileByPath',
    'getFolderByPath',
    'getAbstractFileByPath',
    'getMarkdownFiles',
    'getFiles',
    'create',
    'createFolder',
    'read',
    'cachedRead',
    'modify',
    'process',
    'configDir',
  ) satisfies Members<
    D.Vault,
    Real.Vault,
    | 'getFileByPath'
    | 'getFolderByPath'
    | 'getAbstractFileByPath'
    | 'getMarkdownFiles'
    | 'getFiles'
    | 'create'
    | 'createFolder'
    | 'read'
    | 'cachedRead'
    | 'modify'
    | 'process'
    | 'configDir'
  >,
  adapter: yes('exists', 'read') satisfies Members<MemoryAdapter, Real.DataAdapter, 'exists' | 'read'>,
  metadataCache: yes('getFileCache', 'getFirstLinkpathDest', 'resolvedLinks') satisfies Members<
    D.MetadataCache,
    Real.MetadataCache,
    'getFileCache' | 'getFirstLinkpathDest' | 'resolvedLinks'
  >,
  fileManager: yes('trashFile', 'renameFile') satisfies Members<
    D.FileManager,
    Real.FileManager,
    'trashFile' | 'renameFile'
  >,
  workspace: yes(
    'onLayoutReady',
    'getLeavesOfType',
    'getActiveFile',
    'getRightLeaf',
    'revealLeaf',
    'ensureSideLeaf',
    'openLinkText',
    'layoutReady',
  ) satisfies Members<
    D.Workspace,
    Real.Workspace,
    | 'onLayoutReady'
    | 'getLeavesOfType'
    | 'getActiveFile'
    | 'getRightLeaf'
    | 'revealLeaf'
    | 'ensureSideLeaf'
    | 'openLinkText'
    | 'layoutReady'
  >,
  leaf: yes(
    'setViewState',
    'getViewState',
    'view',
    'openFile',
    'detach',
    'isDeferred',
    'loadIfDeferred',
  ) satisfies Members<
    D.WorkspaceLeaf,
    Real.WorkspaceLeaf,
    'setViewState' | 'getViewState' | 'view' | 'openFile' | 'detach' | 'isDeferred' | 'loadIfDeferred'
  >,
  itemView: yes(
    'contentEl',
    'containerEl',
    'app',
    'leaf',
    'getViewType',
    'getDisplayText',
    'getIcon',
    'registerEvent',
    'registerDomEvent',
    'registerInterval',
    'register',
    'addAction',
  ) satisfies Members<
    D.ItemView,
    Real.ItemView,
    | 'contentEl'
    | 'containerEl'
    | 'app'
    | 'leaf'
    | 'getViewType'
    | 'getDisplayText'
    | 'getIcon'
    | 'registerEvent'
    | 'registerDomEvent'
    | 'registerInterval'
    | 'register'
    | 'addAction'
  >,
  markdownView: yes('editor', 'file', 'save', 'getViewData', 'setViewData', 'getMode', 'requestSave') satisfies Members<
    D.MarkdownView,
    Real.MarkdownView,
    'editor' | 'file' | 'save' | 'getViewData' | 'setViewData' | 'getMode' | 'requestSave'
  >,
  editor: yes(
    'getValue',
    'setValue',
    'getLine',
    'lineCount',
    'lastLine',
    'getCursor',
    'setCursor',
    'setSelection',
    'getSelection',
    'getRange',
    'replaceRange',
    'replaceSelection',
    'transaction',
    'posToOffset',
    'offsetToPos',
    'focus',
  ) satisfies Members<
    D.Editor,
    Real.Editor,
    | 'getValue'
    | 'setValue'
    | 'getLine'
    | 'lineCount'
    | 'lastLine'
    | 'getCursor'
    | 'setCursor'
    | 'setSelection'
    | 'getSelection'
    | 'getRange'
    | 'replaceRange'
    | 'replaceSelection'
    | 'transaction'
    | 'posToOffset'
    | 'offsetToPos'
    | 'focus'
  >,
  plugin: yes(
    'app',
    'manifest',
    'addCommand',
    'addRibbonIcon',
    'addStatusBarItem',
    'addSettingTab',
    'registerView',
    'loadData',
    'saveData',
    'registerEvent',
    'registerDomEvent',
    'registerInterval',
    'register',
    'addChild',
    'onExternalSettingsChange',
  ) satisfies Members<
    D.Plugin,
    Real.Plugin,
    | 'app'
    | 'manifest'
    | 'addCommand'
    | 'addRibbonIcon'
    | 'addStatusBarItem'
    | 'addSettingTab'
    | 'registerView'
    | 'loadData'
    | 'saveData'
    | 'registerEvent'
    | 'registerDomEvent'
    | 'registerInterval'
    | 'register'
    | 'addChild'
    | 'onExternalSettingsChange'
  >,
  settingTab: yes(
    'display',
    'hide',
    'containerEl',
    'app',
    'getSettingDefinitions',
    'getControlValue',
    'setControlValue',
    'update',
    'settingItems',
  ) satisfies Members<
    D.PluginSettingTab,
    Real.PluginSettingTab,
    | 'display'
    | 'hide'
    | 'containerEl'
    | 'app'
    | 'getSettingDefinitions'
    | 'getControlValue'
    | 'setControlValue'
    | 'update'
    | 'settingItems'
  >,
  component: yes(
    'load',
    'unload',
    'onload',
    'onunload',
    'addChild',
    'removeChild',
    'register',
    'registerEvent',
    'registerDomEvent',
    'registerInterval',
  ) satisfies Members<
    D.Component,
    Real.Component,
    | 'load'
    | 'unload'
    | 'onload'
    | 'onunload'
    | 'addChild'
    | 'removeChild'
    | 'register'
    | 'registerEvent'
    | 'registerDomEvent'
    | 'registerInterval'
  >,
  modal: yes(
    'open',
    'close',
    'onOpen',
    'onClose',
    'setTitle',
    'contentEl',
    'titleEl',
    'modalEl',
    'app',
  ) satisfies Members<
    D.Modal,
    Real.Modal,
    'open' | 'close' | 'onOpen' | 'onClose' | 'setTitle' | 'contentEl' | 'titleEl' | 'modalEl' | 'app'
  >,
  fuzzy: yes(
    'getItems',
    'getItemText',
    'onChooseItem',
    'setPlaceholder',
    'inputEl',
    'emptyStateText',
  ) satisfies Members<
    D.FuzzySuggestModal<string>,
    Real.FuzzySuggestModal<string>,
    'getItems' | 'getItemText' | 'onChooseItem' | 'setPlaceholder' | 'inputEl' | 'emptyStateText'
  >,
  suggest: yes(
    'getSuggestions',
    'renderSuggestion',
    'onChooseSuggestion',
    'setPlaceholder',
    'inputEl',
  ) satisfies Members<
    D.SuggestModal<string>,
    Real.SuggestModal<string>,
    'getSuggestions' | 'renderSuggestion' | 'onChooseSuggestion' | 'setPlaceholder' | 'inputEl'
  >,
  inputSuggest: yes(
    'renderSuggestion',
    'selectSuggestion',
    'onSelect',
    'setValue',
    'getValue',
    'close',
    'limit',
  ) satisfies Members<
    D.AbstractInputSuggest<string>,
    Real.AbstractInputSuggest<string>,
    'renderSuggestion' | 'selectSuggestion' | 'onSelect' | 'setValue' | 'getValue' | 'close' | 'limit'
  >,
  notice: yes('setMessage', 'hide', 'noticeEl', 'messageEl', 'containerEl') satisfies Members<
    D.Notice,
    Real.Notice,
    'setMessage' | 'hide' | 'noticeEl' | 'messageEl' | 'containerEl'
  >,
  setting: yes(
    'setName',
    'setDesc',
    'setHeading',
    'setClass',
    'addText',
    'addTextArea',
    'addToggle',
    'addDropdown',
    'addButton',
    'settingEl',
    'infoEl',
    'controlEl',
    'nameEl',
    'descEl',
  ) satisfies Members<
    D.Setting,
    Real.Setting,
    | 'setName'
    | 'setDesc'
    | 'setHeading'
    | 'setClass'
    | 'addText'
    | 'addTextArea'
    | 'addToggle'
    | 'addDropdown'
    | 'addButton'
    | 'settingEl'
    | 'infoEl'
    | 'controlEl'
    | 'nameEl'
    | 'descEl'
  >,
  menu: yes('addItem', 'addSeparator', 'showAtMouseEvent', 'showAtPosition', 'hide') satisfies Members<
    D.Menu,
    Real.Menu,
    'addItem' | 'addSeparator' | 'showAtMouseEvent' | 'showAtPosition' | 'hide'
  >,
  menuItem: yes('setTitle', 'setIcon', 'onClick', 'setChecked', 'setDisabled') satisfies Members<
    D.MenuItem,
    Real.MenuItem,
    'setTitle' | 'setIcon' | 'onClick' | 'setChecked' | 'setDisabled'
  >,
  button: yes(
    'setButtonText',
    'setCta',
    'setWarning',
    'onClick',
    'setDisabled',
    'setTooltip',
    'setIcon',
    'buttonEl',
  ) satisfies Members<
    D.ButtonComponent,
    Real.ButtonComponent,
    'setButtonText' | 'setCta' | 'setWarning' | 'onClick' | 'setDisabled' | 'setTooltip' | 'setIcon' | 'buttonEl'
  >,
  text: yes('setValue', 'getValue', 'onChange', 'setPlaceholder', 'inputEl', 'setDisabled') satisfies Members<
    D.TextComponent,
    Real.TextComponent,
    'setValue' | 'getValue' | 'onChange' | 'setPlaceholder' | 'inputEl' | 'setDisabled'
  >,
  textArea: yes('setValue', 'getValue', 'onChange', 'setPlaceholder', 'inputEl') satisfies Members<
    D.TextAreaComponent,
    Real.TextAreaComponent,
    'setValue' | 'getValue' | 'onChange' | 'setPlaceholder' | 'inputEl'
  >,
  toggle: yes('setValue', 'getValue', 'onChange', 'toggleEl', 'setDisabled') satisfies Members<
    D.ToggleComponent,
    Real.ToggleComponent,
    'setValue' | 'getValue' | 'onChange' | 'toggleEl' | 'setDisabled'
  >,
  dropdown: yes('setValue', 'getValue', 'onChange', 'addOption', 'addOptions', 'selectEl') satisfies Members<
    D.DropdownComponent,
    Real.DropdownComponent,
    'setValue' | 'getValue' | 'onChange' | 'addOption' | 'addOptions' | 'selectEl'
  >,
  tfile: yes('path', 'basename', 'extension', 'stat', 'name') satisfies Members<
    D.TFile,
    Real.TFile,
    'path' | 'basename' | 'extension' | 'stat' | 'name'
  >,
  values: {
    apiVersion: true,
    Platform: true,
  } satisfies {
    apiVersion: [typeof D.apiVersion] extends [typeof Real.apiVersion] ? true : never;
    Platform: [typeof D.Platform] extends [typeof Real.Platform] ? true : never;
  },
};

// ---------------------------------------------------------------- Events

/** Every overload of a function type, as a union of parameter tuples (up to 24 overloads). */
// prettier-ignore
type OverloadParams<T> = T extends {
  (...a: infer A1): unknown; (...a: infer A2): unknown; (...a: infer A3): unknown; (...a: infer A4): unknown;
  (...a: infer A5): unknown; (...a: infer A6): unknown; (...a: infer A7): unknown; (...a: infer A8): unknown;
  (...a: infer A9): unknown; (...a: infer A10): unknown; (...a: infer A11): unknown; (...a: infer A12): unknown;
  (...a: infer A13): unknown; (...a: infer A14): unknown; (...a: infer A15): unknown; (...a: infer A16): unknown;
  (...a: infer A17): unknown; (...a: infer A18): unknown; (...a: infer A19): unknown; (...a: infer A20): unknown;
  (...a: infer A21): unknown; (...a: infer A22): unknown; (...a: infer A23): unknown; (...a: infer A24): unknown;
} ? A1 | A2 | A3 | A4 | A5 | A6 | A7 | A8 | A9 | A10 | A11 | A12 | A13 | A14 | A15 | A16 | A17 | A18 | A19 | A20 | A21 | A22 | A23 | A24
  : never;

/** The event names obsidian.d.ts declares for `emitter.on(name, …)`. */
export type EventName<E extends { on: unknown }> = Exclude<OverloadParams<E['on']>[0], undefined>;

/**
 * The events the plugin listens to, per emitter. Each name must be one obsidian.d.ts
 * declares (a typo or a removed event fails the typecheck); conformance.test.ts checks the
 * list against the plugin's source and that the double fires every one of them.
 */
export const LISTENED_EVENTS = {
  vault: ['rename'],
  metadataCache: ['changed', 'deleted', 'resolve', 'resolved'],
  workspace: ['layout-change', 'active-leaf-change', 'resize'],
} as const satisfies {
  vault: ReadonlyArray<EventName<Real.Vault>>;
  metadataCache: ReadonlyArray<EventName<Real.MetadataCache>>;
  workspace: ReadonlyArray<EventName<Real.Workspace>>;
};

// The double's `on` accepts every callback the real overloads give it.
export const onConforms: {
  vault: [D.Vault['on']] extends [Real.Vault['on']] ? true : never;
  metadataCache: [D.MetadataCache['on']] extends [Real.MetadataCache['on']] ? true : never;
  workspace: [D.Workspace['on']] extends [Real.Workspace['on']] ? true : never;
} = { vault: true, metadataCache: true, workspace: true };
