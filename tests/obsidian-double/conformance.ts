/**
 * Compile-time check that the double offers every member of the real API that the plugin
 * uses, under the same name. Free functions are typed `typeof Real.fn` where they are
 * defined; classes are checked here by member name, because the double's classes form
 * their own hierarchy (its TFile is not the real TFile) and cannot be structurally equal.
 * Adding a call to a new Obsidian API in src/plugin? Add it here and to the double.
 */
import type * as Real from 'obsidian';
import type * as D from './obsidian';

type Check<R, Dbl, K extends keyof R> = { [P in K]: P extends keyof Dbl ? true : false };

export const conformance = {
  vault: {
    getFileByPath: true,
    getFolderByPath: true,
    getAbstractFileByPath: true,
    getMarkdownFiles: true,
    getFiles: true,
    create: true,
    createFolder: true,
    read: true,
    cachedRead: true,
    modify: true,
    process: true,
    on: true,
    configDir: true,
    adapter: true,
  } satisfies Check<
    Real.Vault,
    D.Vault,
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
    | 'on'
    | 'configDir'
    | 'adapter'
  >,
  metadataCache: { getFileCache: true, getFirstLinkpathDest: true, resolvedLinks: true, on: true } satisfies Check<
    Real.MetadataCache,
    D.MetadataCache,
    'getFileCache' | 'getFirstLinkpathDest' | 'resolvedLinks' | 'on'
  >,
  fileManager: { processFrontMatter: true, trashFile: true } satisfies Check<
    Real.FileManager,
    D.FileManager,
    'processFrontMatter' | 'trashFile'
  >,
  workspace: {
    onLayoutReady: true,
    getLeavesOfType: true,
    getActiveFile: true,
    getRightLeaf: true,
    revealLeaf: true,
    ensureSideLeaf: true,
    getLeaf: true,
    openLinkText: true,
    on: true,
    layoutReady: true,
    getActiveViewOfType: true,
  } satisfies Check<
    Real.Workspace,
    D.Workspace,
    | 'onLayoutReady'
    | 'getLeavesOfType'
    | 'getActiveFile'
    | 'getRightLeaf'
    | 'revealLeaf'
    | 'ensureSideLeaf'
    | 'getLeaf'
    | 'openLinkText'
    | 'on'
    | 'layoutReady'
    | 'getActiveViewOfType'
  >,
  leaf: {
    setViewState: true,
    view: true,
    openFile: true,
    detach: true,
    isDeferred: true,
    loadIfDeferred: true,
  } satisfies Check<
    Real.WorkspaceLeaf,
    D.WorkspaceLeaf,
    'setViewState' | 'view' | 'openFile' | 'detach' | 'isDeferred' | 'loadIfDeferred'
  >,
  itemView: {
    contentEl: true,
    containerEl: true,
    app: true,
    leaf: true,
    registerEvent: true,
    registerDomEvent: true,
    register: true,
    addAction: true,
  } satisfies Check<
    Real.ItemView,
    D.ItemView,
    'contentEl' | 'containerEl' | 'app' | 'leaf' | 'registerEvent' | 'registerDomEvent' | 'register' | 'addAction'
  >,
  plugin: {
    app: true,
    manifest: true,
    addCommand: true,
    addRibbonIcon: true,
    addStatusBarItem: true,
    addSettingTab: true,
    registerView: true,
    loadData: true,
    saveData: true,
    registerEvent: true,
    registerDomEvent: true,
    registerInterval: true,
    register: true,
    addChild: true,
    onExternalSettingsChange: true,
  } satisfies Check<
    Real.Plugin,
    D.Plugin,
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
  component: {
    load: true,
    unload: true,
    onload: true,
    onunload: true,
    addChild: true,
    removeChild: true,
    register: true,
    registerEvent: true,
    registerDomEvent: true,
  } satisfies Check<
    Real.Component,
    D.Component,
    | 'load'
    | 'unload'
    | 'onload'
    | 'onunload'
    | 'addChild'
    | 'removeChild'
    | 'register'
    | 'registerEvent'
    | 'registerDomEvent'
  >,
  modal: {
    open: true,
    close: true,
    onOpen: true,
    onClose: true,
    setTitle: true,
    contentEl: true,
    titleEl: true,
    modalEl: true,
    app: true,
  } satisfies Check<
    Real.Modal,
    D.Modal,
    'open' | 'close' | 'onOpen' | 'onClose' | 'setTitle' | 'contentEl' | 'titleEl' | 'modalEl' | 'app'
  >,
  fuzzy: {
    getItems: true,
    getItemText: true,
    onChooseItem: true,
    setPlaceholder: true,
    inputEl: true,
    emptyStateText: true,
  } satisfies Check<
    Real.FuzzySuggestModal<string>,
    D.FuzzySuggestModal<string>,
    'getItems' | 'getItemText' | 'onChooseItem' | 'setPlaceholder' | 'inputEl' | 'emptyStateText'
  >,
  suggest: {
    getSuggestions: true,
    renderSuggestion: true,
    onChooseSuggestion: true,
    setPlaceholder: true,
    inputEl: true,
  } satisfies Check<
    Real.SuggestModal<string>,
    D.SuggestModal<string>,
    'getSuggestions' | 'renderSuggestion' | 'onChooseSuggestion' | 'setPlaceholder' | 'inputEl'
  >,
  inputSuggest: {
    renderSuggestion: true,
    selectSuggestion: true,
    onSelect: true,
    setValue: true,
    getValue: true,
    close: true,
    limit: true,
  } satisfies Check<
    Real.AbstractInputSuggest<string>,
    D.AbstractInputSuggest<string>,
    'renderSuggestion' | 'selectSuggestion' | 'onSelect' | 'setValue' | 'getValue' | 'close' | 'limit'
  >,
  notice: { setMessage: true, hide: true, noticeEl: true, messageEl: true, containerEl: true } satisfies Check<
    Real.Notice,
    D.Notice,
    'setMessage' | 'hide' | 'noticeEl' | 'messageEl' | 'containerEl'
  >,
  setting: {
    setName: true,
    setDesc: true,
    setHeading: true,
    setClass: true,
    addText: true,
    addTextArea: true,
    addToggle: true,
    addDropdown: true,
    addButton: true,
    settingEl: true,
    controlEl: true,
    nameEl: true,
    descEl: true,
  } satisfies Check<
    Real.Setting,
    D.Setting,
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
    | 'controlEl'
    | 'nameEl'
    | 'descEl'
  >,
  settingTab: { display: true, hide: true, containerEl: true, app: true } satisfies Check<
    Real.PluginSettingTab,
    D.PluginSettingTab,
    'display' | 'hide' | 'containerEl' | 'app'
  >,
  menu: { addItem: true, addSeparator: true, showAtMouseEvent: true, showAtPosition: true, hide: true } satisfies Check<
    Real.Menu,
    D.Menu,
    'addItem' | 'addSeparator' | 'showAtMouseEvent' | 'showAtPosition' | 'hide'
  >,
  menuItem: { setTitle: true, setIcon: true, onClick: true, setChecked: true, setDisabled: true } satisfies Check<
    Real.MenuItem,
    D.MenuItem,
    'setTitle' | 'setIcon' | 'onClick' | 'setChecked' | 'setDisabled'
  >,
  button: {
    setButtonText: true,
    setCta: true,
    setWarning: true,
    onClick: true,
    setDisabled: true,
    setTooltip: true,
    setIcon: true,
    buttonEl: true,
  } satisfies Check<
    Real.ButtonComponent,
    D.ButtonComponent,
    'setButtonText' | 'setCta' | 'setWarning' | 'onClick' | 'setDisabled' | 'setTooltip' | 'setIcon' | 'buttonEl'
  >,
  text: {
    setValue: true,
    getValue: true,
    onChange: true,
    setPlaceholder: true,
    inputEl: true,
    setDisabled: true,
  } satisfies Check<
    Real.TextComponent,
    D.TextComponent,
    'setValue' | 'getValue' | 'onChange' | 'setPlaceholder' | 'inputEl' | 'setDisabled'
  >,
  textArea: { setValue: true, getValue: true, onChange: true, setPlaceholder: true, inputEl: true } satisfies Check<
    Real.TextAreaComponent,
    D.TextAreaComponent,
    'setValue' | 'getValue' | 'onChange' | 'setPlaceholder' | 'inputEl'
  >,
  toggle: { setValue: true, getValue: true, onChange: true, toggleEl: true } satisfies Check<
    Real.ToggleComponent,
    D.ToggleComponent,
    'setValue' | 'getValue' | 'onChange' | 'toggleEl'
  >,
  dropdown: {
    setValue: true,
    getValue: true,
    onChange: true,
    addOption: true,
    addOptions: true,
    selectEl: true,
  } satisfies Check<
    Real.DropdownComponent,
    D.DropdownComponent,
    'setValue' | 'getValue' | 'onChange' | 'addOption' | 'addOptions' | 'selectEl'
  >,
  tfile: { path: true, basename: true, extension: true, stat: true, parent: true, name: true } satisfies Check<
    Real.TFile,
    D.TFile,
    'path' | 'basename' | 'extension' | 'stat' | 'parent' | 'name'
  >,
};
