// Lint: Obsidian's recommended rules for the plugin, plus the architecture rule that keeps
// src/core pure (no Obsidian, no Node, no adapter code), so the plugin and the CLI stay
// two thin adapters over one core.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'buffer',
  'util',
  'url',
  'http',
  'https',
  'zlib',
  'events',
  'module',
  'worker_threads',
];
const nodePatterns = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'main.js',
    'dist/',
    'demo-vault/',
    'demo-export/',
    'coverage/',
    'tests/e2e/.out/',
    '.bench/',
  ]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'tests/hostile/faults/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The bench's CPU and memory probe is preloaded with `node --require`, so it is CommonJS.
    files: ['bench/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // LinkedIn is a brand and keeps its capitals in UI text ("Import LinkedIn export").
      'obsidianmd/ui/sentence-case': [
        'warn',
        { enforceCamelCaseLower: true, brands: ['LinkedIn', 'Obsidian', 'Bases'] },
      ],
    },
  },
  {
    // The recommended config never lints manifest.json, so its validate-manifest rule (the
    // community directory's manifest requirements) would not run; TypeScript's parser reads
    // the file as the rule expects.
    files: ['manifest.json'],
    plugins: { obsidianmd },
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, project: null } },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
  {
    // No import cycles: a module's dependencies come before it, so the code reads bottom-up and
    // any file loads (and is tested) on its own. The rule skips type-only imports, which the
    // build erases; src has no such cycle either (plan-types.ts holds the plan's types).
    files: ['src/**/*.ts'],
    settings: {
      'import/resolver': { node: { extensions: ['.ts'] } },
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import/no-cycle': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'obsidian', message: 'src/core is pure: no Obsidian API here. Put it in src/plugin.' },
            ...['yaml', 'gray-matter', 'js-yaml'].map((name) => ({
              name,
              message: 'src/core writes YAML itself; adapters bring a parser.',
            })),
          ],
          patterns: [
            { group: nodePatterns, message: 'src/core is pure: no Node built-ins (they break Obsidian mobile).' },
            {
              group: ['**/plugin/**', '**/cli/**', '../plugin', '../cli'],
              message: 'src/core must not depend on an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/plugin/**/*.ts', 'src/main.ts'],
    rules: {
      // Views and dialogs can live in popout windows, which have their own document.
      'obsidianmd/prefer-active-doc': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['yaml', 'gray-matter', 'js-yaml'].map((name) => ({
            name,
            message: "Use Obsidian's parseYaml/stringifyYaml/processFrontMatter.",
          })),
          patterns: [
            { group: nodePatterns, message: 'The plugin runs on Obsidian mobile: no Node built-ins.' },
            { group: ['**/cli/**', '../cli'], message: 'The plugin must not depend on the CLI adapter.' },
          ],
        },
      ],
    },
  },
  {
    // The bench's bare-Node floors and rusage hook: plain scripts, linted without type
    // information (the default project takes at most 8 files, and the scripts use them up).
    files: ['bench/*.mjs', 'bench/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
  {
    // Node-side code: the CLI, build scripts, the benchmark and the tests.
    files: [
      'src/cli/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'bench/**/*.{ts,mjs,cjs}',
      'tests/**/*.{ts,mjs}',
      '*.mjs',
      'vitest*.mts',
    ],
    languageOptions: { globals: { ...globals.node, NodeJS: 'readonly' } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'import/no-extraneous-dependencies': 'off',
      'obsidianmd/ui/sentence-case': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      'no-console': 'off',
      'obsidianmd/rule-custom-message': 'off',
    },
  },
  {
    // The test double re-implements Obsidian's API, so rules about using that API do not apply to it.
    files: ['tests/obsidian-double/**/*.ts', 'tests/e2e/**/*.ts', 'tests/plugin/**/*.ts'],
    rules: {
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/no-static-styles-assignment': 'off',
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      'obsidianmd/prefer-instanceof': 'off',
      '@microsoft/sdl/no-inner-html': 'off',
      'no-unsanitized/property': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // The double implements deprecated APIs too, and Vault.delete is what trashFile calls.
      '@typescript-eslint/no-deprecated': 'off',
      'obsidianmd/prefer-file-manager-trash-file': 'off',
    },
  },
]);
