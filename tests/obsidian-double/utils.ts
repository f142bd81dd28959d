/** Obsidian's free functions, typed against the real package so they cannot drift. */
import type * as Real from 'obsidian';
import YAML from 'yaml';

export const normalizePath: typeof Real.normalizePath = (path) => {
  let p = path.replace(/[\\/]+/g, '/').replace(/\u00a0|\u202f/g, ' ');
  p = p.replace(/^\/+|\/+$/g, '');
  p = p.normalize('NFC');
  return p === '' ? '/' : p;
};

export class YAMLParseError extends Error {}

export const parseYaml: typeof Real.parseYaml = (yaml) => {
  try {
    return YAML.parse(yaml) as unknown;
  } catch (e) {
    throw new YAMLParseError(e instanceof Error ? e.message : String(e));
  }
};

export const stringifyYaml: typeof Real.stringifyYaml = (obj) => YAML.stringify(obj, { nullStr: '', lineWidth: 0 });

export const getFrontMatterInfo: typeof Real.getFrontMatterInfo = (content) => {
  const m = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(content);
  if (!m) return { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
  const from = content.indexOf('\n') + 1;
  const frontmatter = m[1] ?? '';
  return { exists: true, frontmatter, from, to: from + frontmatter.length, contentStart: m[0].length };
};

export const debounce: typeof Real.debounce = <T extends unknown[], V>(
  cb: (...args: [...T]) => V,
  timeout = 0,
  resetTimer = false,
) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: [...T] | null = null;
  const run = () => {
    timer = null;
    if (lastArgs) {
      const args = lastArgs;
      lastArgs = null;
      cb(...args);
    }
  };
  const debounced = ((...args: [...T]) => {
    lastArgs = args;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    timer ??= setTimeout(run, timeout);
    return debounced;
  }) as Real.Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer !== null) clearTimeout(timer);
    const args = lastArgs;
    timer = null;
    lastArgs = null;
    return args ? cb(...args) : undefined;
  };
  return debounced;
};

/** Simple line drawings standing in for Obsidian's Lucide icons, so screenshots show something. */
const ICON_SHAPES: Record<string, string[]> = {
  check: ['M4 12l5 5L20 6'],
  'alarm-clock': ['M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M12 9v4l2 2', 'M5 3L2 6', 'M19 3l3 3'],
  'external-link': ['M15 3h6v6', 'M10 14L21 3', 'M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6'],
  users: [
    'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
    'M22 21v-2a4 4 0 0 0-3-3.87',
    'M16 3.13a4 4 0 0 1 0 7.75',
  ],
  folder: ['M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z'],
  file: ['M6 3h8l4 4v14H6z', 'M14 3v4h4'],
  'file-text': ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
  settings: ['M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M12 2v3', 'M12 19v3', 'M2 12h3', 'M19 12h3'],
  'arrow-left': ['M19 12H5', 'M11 6l-6 6 6 6'],
  'arrow-right': ['M5 12h14', 'M13 6l6 6-6 6'],
  plus: ['M12 5v14', 'M5 12h14'],
  copy: ['M8 8h12v12H8z', 'M4 16V4h12'],
  menu: ['M4 6h16', 'M4 12h16', 'M4 18h16'],
  inbox: [
    'M22 12h-6l-2 3h-4l-2-3H2',
    'M5.45 5.11L2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z',
  ],
  shield: ['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z'],
  repeat: ['M17 1l4 4-4 4', 'M3 11V9a4 4 0 0 1 4-4h14', 'M7 23l-4-4 4-4', 'M21 13v2a4 4 0 0 1-4 4H3'],
  tag: ['M20.59 13.41l-7.17 7.17a2 2 0 0 1-2.83 0L2 12V2h10l8.59 8.59a2 2 0 0 1 0 2.82z', 'M7 7h.01'],
  eraser: [
    'M7 21l-4.3-4.3c-1-1-1-2.5 0-3.4l9.6-9.6c1-1 2.5-1 3.4 0l5.6 5.6c1 1 1 2.5 0 3.4L13 21',
    'M22 21H7',
    'M5 11l9 9',
  ],
  'bell-off': [
    'M13.73 21a2 2 0 0 1-3.46 0',
    'M18.63 13A17.89 17.89 0 0 1 18 8',
    'M6.26 6.26A5.86 5.86 0 0 0 6 8c0 7-3 9-3 9h14',
    'M18 8a6 6 0 0 0-9.33-5',
    'M1 1l22 22',
  ],
  x: ['M18 6L6 18', 'M6 6l12 12'],
  cake: [
    'M20 21v-8a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8',
    'M4 16s1-1 2-1 2.5 2 4 2 2.5-2 4-2 2.5 2 4 2 2-1 2-1',
    'M2 21h20',
    'M7 8v3',
    'M12 8v3',
    'M17 8v3',
  ],
  calendar: [
    'M19 4H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2z',
    'M16 2v4',
    'M8 2v4',
    'M3 10h18',
  ],
  'bar-chart-2': ['M18 20V10', 'M12 20V4', 'M6 20v-6'],
  trash: ['M3 6h18', 'M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6m3 0V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2'],
};

export const setIcon: typeof Real.setIcon = (parent, iconId) => {
  parent.empty();
  const ns = 'http://www.w3.org/2000/svg';
  const svg = parent.ownerDocument.createElementNS(ns, 'svg');
  svg.setAttribute('class', `svg-icon lucide-${iconId}`);
  svg.setAttribute('data-icon', iconId);
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  for (const d of ICON_SHAPES[iconId] ?? ['M12 12m-8 0a8 8 0 1 0 16 0a8 8 0 1 0-16 0']) {
    const path = parent.ownerDocument.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  parent.appendChild(svg);
};

/** Desktop by default; `setMobile` switches the double to Obsidian mobile's answers (phone or tablet). */
const DESKTOP: typeof Real.Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://local/',
};

export const Platform: typeof Real.Platform = { ...DESKTOP };

/** What the Obsidian mobile app reports on a phone (or a tablet): `isMobile` is the mobile UI. */
export function setMobile(mode: 'phone' | 'tablet' | null): void {
  Object.assign(Platform, DESKTOP);
  if (mode === null) return;
  Object.assign(Platform, {
    isDesktop: false,
    isMobile: true,
    isDesktopApp: false,
    isMobileApp: true,
    isAndroidApp: true,
    isLinux: false,
    isPhone: mode === 'phone',
    isTablet: mode === 'tablet',
    resourcePathPrefix: 'http://localhost/_capacitor_file_',
  });
}

/** The version of the app the double pretends to be; tests set older ones. */
export const LATEST_API_VERSION = '1.13.1';
/** Obsidian exports it as a `let`, so it is one here too (tests change it with setApiVersion). */
export let apiVersion: string = LATEST_API_VERSION;

export function setApiVersion(version: string): void {
  apiVersion = version;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const requireApiVersion: typeof Real.requireApiVersion = (version) => compareVersions(apiVersion, version) >= 0;

export const Keymap: Pick<typeof Real.Keymap, 'isModEvent'> = {
  isModEvent: (evt) => {
    if (!evt) return false;
    const e = evt as MouseEvent;
    if (e.ctrlKey || e.metaKey) return e.altKey ? 'split' : 'tab';
    return false;
  },
};

/** The plugin must never use the network; reaching for it fails the test. */
export const requestUrl = (): never => {
  throw new Error('requestUrl called: Network CRM must not use the network');
};
