/**
 * `network-crm review --vault DIR [--count N] [--today D] [--json] [--write]`: the picks of
 * "Plan this week's reach-outs", with their reasons and context. `--write` also writes them
 * where the plugin would: today's daily note when the vault's Daily notes plugin is on,
 * else `Network CRM/Reviews/<week>.md`; `network-crm undo` takes it back.
 */
import fs from 'node:fs';
import { dailyNotesConfig, fillDailyTemplate, reviewTarget, templatePath } from '../../core/review/review-target';
import {
  addReviewToNote,
  lastInteractionLine,
  pickContext,
  pickJson,
  planReview,
  reviewWeek,
  type ContextPick,
} from '../../core/review/weekly-review';
import { unescapeMarkdown } from '../../core/notes/markdown-escape';
import { NEVER_CONTACTED } from '../../core/stale/describe';
import { plural } from '../../core/text/format';
import { stringFlag, UsageError, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, undoHint, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault, type VaultSession } from '../options';
import { VaultPeople } from '../vault-people';
import { keepInTouchOf } from './keep-in-touch';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

function readConfigJson(session: VaultSession, name: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(session.vault.abs(`${session.config.configDir}/${name}`), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function countOption(args: ParsedArgs, fallback: number): number {
  const raw = stringFlag(args, 'count');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 100)
    throw new UsageError(`--count "${raw}" must be a number from 1 to 100`, args.command);
  return n;
}

function readOrNull(session: VaultSession, path: string): string | null {
  try {
    return session.vault.readText(path);
  } catch {
    return null;
  }
}

async function runReview(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  if (!(await mayWrite(session, 'review', io, args.flags.has('write')))) return 1;
  const people = VaultPeople.open(session, io, { frontmatter: true, writes: args.flags.has('write') });
  const { today } = session;
  const count = countOption(args, session.settings.reviewCount);
  const picks = planReview(keepInTouchOf(people, today), { today, count });
  const planned: ContextPick[] = picks.map((pick) => {
    const note = people.note(pick.status.person.path);
    return { pick, context: pickContext(pick, note ? lastInteractionLine(note.body) : null) };
  });
  const week = reviewWeek(today);
  const config = dailyNotesConfig(
    readConfigJson(session, 'core-plugins.json'),
    readConfigJson(session, 'daily-notes.json'),
  );
  const target = reviewTarget(config, today);
  const editor = new CliEditor(session, `plan ${plural(planned.length, 'reach-out')} for ${week.label}`);
  if (args.flags.has('write') && planned.length > 0) {
    const existing = readOrNull(session, target.path);
    const tpl = existing === null && target.kind === 'daily note' ? templatePath(config) : null;
    const template = tpl ? readOrNull(session, tpl) : null;
    const filled = template === null ? '' : fillDailyTemplate(template, config, today, '');
    // An existing daily note is edited as it is at the moment of writing (it is often open in Obsidian).
    if (existing === null) await editor.write(target.path, addReviewToNote(null, planned, today, filled));
    else await editor.edit(target.path, { text: (now) => addReviewToNote(now, planned, today, filled) });
    editor.commit(`plan ${plural(planned.length, 'reach-out')} for ${week.label}`);
  }
  const written = editor.changed.length > 0;
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        {
          today,
          week: week.label,
          count: planned.length,
          picks: planned.map(({ pick, context }) => pickJson(pick, context)),
          target: { ...target, written },
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (planned.length === 0) {
    io.out(`Nobody to plan for ${week.label}: no one is overdue, drifting, has a birthday or an open follow-up.`);
    return 0;
  }
  io.out(`Reach-outs for ${week.label} (${week.from} to ${week.to}):`);
  planned.forEach(({ pick, context }, i) => {
    const p = pick.status.person;
    io.out(`  ${i + 1}. ${p.name} — ${pick.reasons.map((r) => r.text).join('; ')}  (${p.path})`);
    const about = [
      context.metWhere === '' ? '' : `met at ${context.metWhere}`,
      [context.position, context.company].filter(Boolean).join(' at '),
    ].filter(Boolean);
    if (about.length > 0) io.out(`     ${about.join(' · ')}`);
    // The last logged line as the note has it, escapes and all: shown as it reads.
    io.out(
      `     last: ${context.lastInteraction === null ? NEVER_CONTACTED : unescapeMarkdown(context.lastInteraction)}`,
    );
  });
  if (written) io.out(`Written to ${target.path} (${target.kind}). ${undoHint(args)}`);
  for (const f of editor.failed) io.err(failureLine(f));
  return editor.failed.length > 0 ? 1 : 0;
}

export const REVIEW: CommandSpec = {
  name: 'review',
  summary: "This week's reach-outs: overdue, drifting, birthdays and follow-ups, with what makes the message easy.",
  details: [
    'Picks --count people (default: the "Reach-outs per week" setting, 5): birthdays in the coming week first,',
    'then in turn the oldest follow-up, the most overdue and the most adrift; nobody planned twice in a week.',
    "--write adds them as tasks to today's daily note (or Network CRM/Reviews/<week>.md), as the plugin's command does.",
  ],
  flags: [
    ...VAULT_FLAGS,
    { name: 'count', value: 'N', help: 'how many people, 1 to 100 (default: the setting, 5)' },
    { name: 'write', help: "write the picks into today's daily note (or the week's review note)" },
    FLAG.json,
    FLAG.help,
  ],
  run: runReview,
};
