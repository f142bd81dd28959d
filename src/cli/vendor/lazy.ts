/**
 * The CLI's third-party libraries that only some runs need (ical.js and windows-iana for a
 * calendar, the `yaml` package for frontmatter the flat reader declines, fflate for a large
 * zip entry) ship beside the bundle as files of their own, `dist/vendor/<name>.js`, loaded on
 * first use. Inlined, their ~700 kB were parsed (and fflate's tables built) at every start:
 * ~15 ms of every command, `--version` included, for code most runs never call.
 *
 * esbuild.config.mjs routes them in the CLI bundle: a `require` of the package becomes a
 * require of its vendor file, and an `import` of it becomes an import of its stand-in here
 * (ical.ts, windows-iana.ts, fflate.ts). The plugin bundle is not affected (Obsidian loads
 * one file). Run from the sources, the core imports the packages and the stand-ins require
 * them; tests/cli/vendor.test.ts checks both the stand-ins and the built files.
 */

/**
 * A stand-in for a module's value that loads it on first use: every property read, `in` and
 * `new` go to the real value. `shape` is an empty value of the same kind (`[]` for a list, a
 * class for a class), so that `Array.isArray`, iteration and `new` answer as they would for
 * the real one.
 */
export function lazily<T extends object>(load: () => T, shape: object): T {
  let real: T | undefined;
  const value = () => (real ??= load());
  return new Proxy(shape, {
    get: (_shape, key) => Reflect.get(value(), key) as unknown,
    has: (_shape, key) => Reflect.has(value(), key),
    construct: (_shape, args) => Reflect.construct(value() as new (...a: unknown[]) => object, args),
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

/**
 * `require()` of a vendored library, with a message that says what is wrong when its file is
 * missing from an installed copy (a partial copy of dist/, a damaged install): each calendar
 * event or note would otherwise report "Cannot find module './vendor/ical.js'".
 */
export function vendored<T>(pkg: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error(`this copy of network-crm is incomplete (it cannot load ${pkg}): reinstall it`, { cause: e });
  }
}
