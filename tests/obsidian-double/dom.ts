/**
 * Obsidian's DOM helpers (`createEl`, `empty`, `setText`, `addClass`…), installed on the
 * DOM prototypes of whatever DOM we run in: happy-dom in unit tests, real Chromium in the
 * browser tests. Behaviour follows obsidian.d.ts; only what the plugin uses is here.
 */
type Info = DomElementInfo | string | undefined;

function applyInfo(el: HTMLElement, info: Info): void {
  if (info === undefined) return;
  if (typeof info === 'string') {
    el.className = info;
    return;
  }
  if (info.cls) el.className = Array.isArray(info.cls) ? info.cls.join(' ') : info.cls;
  if (info.text !== undefined) {
    if (typeof info.text === 'string') el.textContent = info.text;
    else el.appendChild(info.text);
  }
  if (info.attr)
    for (const [k, v] of Object.entries(info.attr))
      if (v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) (el as HTMLInputElement).type = info.type;
  if (info.placeholder !== undefined) (el as HTMLInputElement).placeholder = info.placeholder;
  if (info.href !== undefined) (el as HTMLAnchorElement).href = info.href;
  if (info.parent) {
    if (info.prepend) (info.parent as HTMLElement).prepend(el);
    else info.parent.appendChild(el);
  }
}

function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  info?: Info,
  cb?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  applyInfo(el, info);
  cb?.(el);
  return el;
}

const installed = new WeakSet<object>();

/**
 * Installs the helpers in one window. Obsidian does this for the main window and again for
 * every popout window, whose DOM has its own prototypes and constructors.
 */
export function installDomExtensions(win: Window & typeof globalThis): void {
  if (installed.has(win)) return;
  installed.add(win);
  const doc = win.document;
  const N = win.Node.prototype as unknown as Record<string, unknown>;
  const E = win.Element.prototype as unknown as Record<string, unknown>;
  const H = win.HTMLElement.prototype as unknown as Record<string, unknown>;
  const F = win.DocumentFragment.prototype as unknown as Record<string, unknown>;

  const createEl = function (
    this: Node,
    tag: keyof HTMLElementTagNameMap,
    info?: Info,
    cb?: (el: HTMLElement) => void,
  ) {
    const el = make(this.ownerDocument ?? doc, tag, info, cb);
    const parentGiven = typeof info === 'object' && info.parent;
    if (!parentGiven) {
      if (typeof info === 'object' && info.prepend) (this as unknown as ParentNode).prepend(el);
      else this.appendChild(el);
    }
    return el;
  };
  // SVG elements take only a class and attributes (SvgElementInfo), in the SVG namespace.
  const createSvg = function (
    this: Node,
    tag: string,
    info?: { cls?: string | string[]; attr?: Record<string, unknown>; parent?: Node; prepend?: boolean } | string,
    cb?: (el: SVGElement) => void,
  ) {
    const el = (this.ownerDocument ?? doc).createElementNS('http://www.w3.org/2000/svg', tag);
    const cls = typeof info === 'string' ? info : info?.cls;
    if (cls) el.setAttribute('class', Array.isArray(cls) ? cls.join(' ') : cls);
    if (typeof info === 'object' && info.attr)
      for (const [k, v] of Object.entries(info.attr))
        if (v !== null && v !== false && v !== undefined)
          el.setAttribute(k, v === true ? '' : `${v as string | number}`);
    const parent = typeof info === 'object' && info.parent ? info.parent : this;
    if (typeof info === 'object' && info.prepend) (parent as ParentNode).prepend(el);
    else parent.appendChild(el);
    cb?.(el);
    return el;
  };
  for (const proto of [N, F]) {
    proto.createSvg = createSvg;
    proto.createEl = createEl;
    proto.createDiv = function (this: Node, info?: Info, cb?: (el: HTMLDivElement) => void) {
      return createEl.call(this, 'div', info, cb as (el: HTMLElement) => void);
    };
    proto.createSpan = function (this: Node, info?: Info, cb?: (el: HTMLSpanElement) => void) {
      return createEl.call(this, 'span', info, cb);
    };
  }
  N.empty = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  N.detach = function (this: ChildNode) {
    this.remove();
  };
  N.appendText = function (this: Node, text: string) {
    this.appendChild((this.ownerDocument ?? doc).createTextNode(text));
  };
  // Cross-window instanceof, as Obsidian's: a node made in a popout window is an instance of
  // that window's HTMLInputElement, not the main window's, so `instanceof` alone says false.
  N.instanceOf = function (this: Node, type: new () => unknown) {
    if (this instanceof type) return true;
    const local = (this.ownerDocument?.defaultView as unknown as Record<string, unknown> | null)?.[type.name];
    return typeof local === 'function' && this instanceof (local as new () => unknown);
  };
  Object.defineProperty(N, 'doc', {
    configurable: true,
    get(this: Node) {
      return this.ownerDocument ?? doc;
    },
  });
  Object.defineProperty(N, 'win', {
    configurable: true,
    get(this: Node) {
      return (this.ownerDocument ?? doc).defaultView ?? win;
    },
  });
  E.setText = function (this: Element, text: string | DocumentFragment) {
    if (typeof text === 'string') this.textContent = text;
    else {
      this.textContent = '';
      this.appendChild(text);
    }
  };
  E.getText = function (this: Element) {
    return this.textContent ?? '';
  };
  E.addClass = function (this: Element, ...classes: string[]) {
    this.classList.add(...classes.filter(Boolean));
  };
  E.addClasses = function (this: Element, classes: string[]) {
    this.classList.add(...classes);
  };
  E.removeClass = function (this: Element, ...classes: string[]) {
    this.classList.remove(...classes);
  };
  E.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
    for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
  };
  E.hasClass = function (this: Element, cls: string) {
    return this.classList.contains(cls);
  };
  E.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
    if (value === null || value === false) this.removeAttribute(name);
    else this.setAttribute(name, value === true ? '' : String(value));
  };
  E.setAttrs = function (this: Element, attrs: Record<string, string | number | boolean | null>) {
    for (const [k, v] of Object.entries(attrs))
      (this as Element & { setAttr: (k: string, v: unknown) => void }).setAttr(k, v);
  };
  E.getAttr = function (this: Element, name: string) {
    return this.getAttribute(name);
  };
  E.find = function (this: Element, selector: string) {
    return this.querySelector(selector);
  };
  E.findAll = function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  };
  H.show = function (this: HTMLElement) {
    this.style.display = '';
  };
  H.hide = function (this: HTMLElement) {
    this.style.display = 'none';
  };
  H.toggle = function (this: HTMLElement, show: boolean) {
    this.style.display = show ? '' : 'none';
  };
  const hiddenHere = (el: HTMLElement) =>
    el.style.display === 'none' || el.hidden || el.classList.contains('is-collapsed');
  H.isShown = function (this: HTMLElement) {
    if (!this.isConnected || hiddenHere(this)) return false;
    for (let el = this.parentElement; el; el = el.parentElement) if (hiddenHere(el)) return false;
    return true;
  };
  H.onClickEvent = function (this: HTMLElement, listener: (ev: MouseEvent) => void) {
    this.addEventListener('click', listener);
  };
  H.setCssProps = function (this: HTMLElement, props: Record<string, string>) {
    for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
  };

  const g = win as unknown as Record<string, unknown>;
  g.createEl = (tag: keyof HTMLElementTagNameMap, info?: Info, cb?: (el: HTMLElement) => void) =>
    make(doc, tag, info, cb);
  g.createDiv = (info?: Info, cb?: (el: HTMLElement) => void) => make(doc, 'div', info, cb);
  g.createSpan = (info?: Info, cb?: (el: HTMLElement) => void) => make(doc, 'span', info, cb);
  g.createFragment = (cb?: (f: DocumentFragment) => void) => {
    const f = doc.createDocumentFragment();
    cb?.(f);
    return f;
  };
  g.activeDocument ??= doc;
  g.activeWindow ??= win;
  g.sleep = (ms: number) => new Promise((resolve) => win.setTimeout(resolve, ms));
}
