/** `network-crm show-settings --vault DIR`: the settings in force for this vault, and where each comes from. */
import type { ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault, SETTING_FLAG_HELP } from '../options';

function runShowSettings(args: ParsedArgs, io: CliIo): Promise<number> {
  const { config, settings, sources } = openVault(args);
  const file = config.data !== null ? config.dataPath : null;
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        {
          configDir: config.configDirFound ? config.configDir : null,
          dataFile: file,
          dataProblem: config.dataProblem,
          settings,
          sources,
          state: config.state,
        },
        null,
        2,
      ),
    );
    return Promise.resolve(0);
  }
  io.out(`Vault: ${config.root}`);
  io.out(`Config folder: ${config.configDirFound ? config.configDir : `none (${config.configDir} would be used)`}`);
  io.out(`Settings file: ${file ?? `none, the defaults apply (${config.dataPath})`}`);
  if (config.dataProblem !== null) io.out(`  ${config.dataPath} ${config.dataProblem}: the defaults apply`);
  io.out('');
  const rows: Array<[string, string, string]> = [];
  for (const [key, value] of Object.entries(settings)) {
    const source = sources[key as keyof typeof settings];
    if (key === 'trustLevels') {
      settings.trustLevels.forEach((l, i) =>
        rows.push([
          `trust ${i + 1}`,
          `${l.name}, ${l.keepInTouchDays === null ? 'no reminders' : `every ${l.keepInTouchDays} days`}`,
          source,
        ]),
      );
    } else rows.push([key, JSON.stringify(value), source]);
  }
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.min(48, Math.max(...rows.map((r) => r[1].length)));
  for (const [k, v, src] of rows)
    io.out(`  ${k.padEnd(w0)}  ${v.length > w1 ? `${v.slice(0, w1 - 1)}…` : v.padEnd(w1)}  ${src}`);
  const st = config.state;
  io.out('');
  io.out(
    `Last import: ${st.lastImport ? `${st.lastImport.date} (newest connection ${st.lastImport.newestConnectedOn ?? 'unknown'}${st.lastImport.exportDate ? `, the export made ${st.lastImport.exportDate}` : ''})` : 'none'}`,
  );
  io.out(`People.base written: ${st.baseFileCreated ? 'yes' : 'no'}`);
  return Promise.resolve(0);
}

export const SHOW_SETTINGS: CommandSpec = {
  name: 'show-settings',
  summary:
    "The settings in force for this vault (the plugin's, with any flag given here over them) and where each comes from.",
  flags: [
    ...VAULT_FLAGS,
    // Every setting a flag can change for one run, so what `import` would use can be shown.
    ...Object.values(SETTING_FLAG_HELP),
    FLAG.json,
    FLAG.help,
  ],
  run: runShowSettings,
};
