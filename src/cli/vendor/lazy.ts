/**
 * The CLI's third-party libraries that only some runs need (ical.js and windows-iana for a
 * calendar, the `yaml` package for frontmatter the flat reader declines) ship beside the
 * bundle as files of their own, `dist/vendor/<name>.js`, loaded on first use. Inlined, their
 * ~670 kB were parsed at every start: ~25 ms of every command, `--version` included, for
 * code most runs never call. esbuild.config.mjs routes them in the CLI bundle: a `require`
 * of the package becomes a require of its vendor file, and an `import` of it becomes an
 * import of its stand-in here (ical.ts, windows-iana.ts). The plugin bundle is not affected
 * (Obsidian loads one file), nor are the tests, which run the sources against the packages.
 */

/**
 * A stand-in for a module's value that loads it on first use: every property read (and `in`)
 * goes to the real value. `shape` is an empty object of the same kind (`[]` for a list), so
 * that `Array.isArray` and iteration answer as they would for the real one.
 */
export function lazily<T extends object>(load: () => T, shape: object): T {
  let real: T | undefined;
  const value = () => (real ??= load());
  return new Proxy(shape, {
    get: (_shape, key) => Reflect.get(value(), key) as unknown,
    has: (_shape, key) => Reflect.has(value(), key),
  }) as T;
}

/**
 * What `require` gives for a module that may be an ES module compiled to CommonJS (the vendor
 * file of ical.js) or a CommonJS one (the package run from the sources): its default export
 * in the first case, the exports themselves in the second, as TypeScript's interop does.
 */
export function defaultExport(exports: unknown): unknown {
  const m = exports as { __esModule?: boolean; default?: unknown };
  return m.__esModule === true ? m.default : m;
}
