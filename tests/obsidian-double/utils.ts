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

export const debounce: typeof Real.debounce = <T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false) => {
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

export const setIcon: typeof Real.setIcon = (parent, iconId) => {
  parent.empty();
  const svg = parent.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', `svg-icon lucide-${iconId}`);
  svg.setAttribute('data-icon', iconId);
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  parent.appendChild(svg);
};

export const Platform: typeof Real.Platform = {
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
