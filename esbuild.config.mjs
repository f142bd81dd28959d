// Builds the plugin bundle (main.js, for Obsidian desktop and mobile) and the CLI
// (dist/cli.js, for Node). `node esbuild.config.mjs watch` rebuilds the plugin on change.
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';

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

const cli = {
  // The CLI, and its read-ahead worker as a bundle of its own (it must start fast).
  entryPoints: { cli: 'src/cli/bin.ts', 'read-ahead-worker': 'src/cli/read-ahead-worker.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'info',
  legalComments: 'none',
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
  await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
}
