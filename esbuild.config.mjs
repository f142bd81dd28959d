// Builds the plugin bundle (main.js, for Obsidian desktop and mobile) and the CLI
// (dist/cli.js, for Node). `node esbuild.config.mjs watch` rebuilds the plugin on change.
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';

const watch = process.argv.includes('watch');

const plugin = {
  entryPoints: ['src/main.ts'],
  outfile: 'main.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2021',
  // Obsidian provides these at run time. Node built-ins are listed so that, if one ever
  // sneaks in, it shows up as a require() the bundle guard rejects instead of a shim.
  external: [
    'obsidian',
    'electron',
    '@codemirror/*',
    '@lezer/*',
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
  ],
  logLevel: 'info',
  sourcemap: watch ? 'inline' : false,
  // Minified for release, as Obsidian's sample plugin does: ical.js and the Windows time-zone
  // table made main.js 676 kB unminified; phones download and parse it at every start.
  minify: !watch,
  treeShaking: true,
  legalComments: 'none',
};

/**
 * Libraries the CLI loads on first use, each bundled on its own as dist/vendor/<name>.js
 * (src/cli/vendor/lazy.ts says why), with the stand-in that the CLI's imports of it go to.
 */
const VENDORED = {
  yaml: { file: 'yaml', standIn: null },
  'ical.js': { file: 'ical', standIn: 'src/cli/vendor/ical.ts' },
  'windows-iana': { file: 'windows-iana', standIn: 'src/cli/vendor/windows-iana.ts' },
  fflate: { file: 'fflate', standIn: 'src/cli/vendor/fflate.ts' },
};

/** In the CLI bundle: `require(pkg)` becomes a require of its vendor file, `import … from pkg` its stand-in. */
const vendored = {
  name: 'vendored',
  setup(build) {
    const names = Object.keys(VENDORED).map((pkg) => pkg.replace(/[.]/g, '\\.'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => {
      const { file, standIn } = VENDORED[args.path];
      if (args.kind === 'require-call') return { path: `./vendor/${file}.js`, external: true };
      if (standIn !== null) return { path: path.resolve(standIn) };
      return { errors: [{ text: `the CLI loads ${args.path} on first use: require it where it is needed` }] };
    });
  },
};

const node = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'info',
  legalComments: 'none',
};

const vendor = {
  ...node,
  entryPoints: Object.fromEntries(Object.entries(VENDORED).map(([pkg, { file }]) => [`vendor/${file}`, pkg])),
  outdir: 'dist',
};

const cli = {
  ...node,
  // The CLI, and its read-ahead worker as a bundle of its own (it must start fast).
  entryPoints: { cli: 'src/cli/bin.ts', 'read-ahead-worker': 'src/cli/read-ahead-worker.ts' },
  outdir: 'dist',
  plugins: [vendored],
  // Each build's own id: the note cache (src/cli/note-cache.ts) never serves facts an older
  // build made. Run from the sources there is none, and no cache outlives its process.
  define: {
    'process.env.NETWORK_CRM_BUILD': JSON.stringify(
      `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    ),
  },
};

if (watch) {
  const ctx = await esbuild.context(plugin);
  await ctx.watch();
} else {
  await Promise.all([esbuild.build(plugin), esbuild.build(cli), esbuild.build(vendor)]);
}
