/**
 * Bulk actions from the stale view's selection: ask what the action needs (a date, a
 * level, a number of days, a tag), confirm above 20 people, then write every note as one
 * undoable step with a progress notice, and say what was done with an Undo link.
 */
import { Menu, Notice, type TFile } from 'obsidian';
import { addDays } from '../../core/dates/iso-date';
import {
  bulkEdit,
  bulkLabel,
  bulkProblem,
  CONFIRM_ABOVE,
  planBulk,
  type BulkAction,
} from '../../core/bulk/bulk-actions';
import { SNOOZE_LABELS, snoozeUntil, type SnoozeChoice } from '../../core/people/person-edits';
import type { PersonRecord } from '../../core/people/person-record';
import { levelNames, normaliseTag } from '../../core/settings';
import { capitalised, formatCount } from '../../core/text/format';
import type { CrmContext } from '../context';
import { ProgressNotice } from '../import/progress-notice';
import { ChoicePicker } from '../modals/choice-picker';
import { ConfirmModal } from '../modals/confirm-modal';
import { DateModal } from '../modals/date-modal';
import { TextModal } from '../modals/text-modal';
import { reportFailure } from '../ui/notices';

export type BulkKind = BulkAction['kind'];

export const BULK_ACTIONS: ReadonlyArray<{ kind: BulkKind; icon: string; label: string }> = [
  { kind: 'log', icon: 'check', label: 'Log contact today' },
  { kind: 'snooze', icon: 'alarm-clock', label: 'Snooze' },
  { kind: 'trust', icon: 'shield', label: 'Set trust level' },
  { kind: 'cadence', icon: 'repeat', label: 'Set cadence' },
  { kind: 'tag', icon: 'tag', label: 'Add tag' },
  { kind: 'untag', icon: 'eraser', label: 'Remove tag' },
  { kind: 'stop', icon: 'bell-off', label: 'Stop tracking' },
];

/** Above this many notes the write shows a progress notice. */
const PROGRESS_ABOVE = 50;

export interface BulkHooks {
  /** Called once the user confirmed, before the first write, with the notes about to change. */
  beforeWrite?: (paths: readonly string[]) => void;
  /**
   * Called when the write is over (or failed), with the notes it wrote and the notes it did not:
   * those that failed, and those a cancel part-way never reached.
   */
  afterWrite?: (written: readonly string[], notWritten: readonly string[]) => void;
}

function undoLink(ctx: CrmContext, text: string): DocumentFragment {
  const fragment = createFragment();
  fragment.appendText(`${text} `);
  const link = fragment.createEl('a', { cls: 'ncrm-notice-link', text: 'Undo', href: '#' });
  link.addEventListener('click', (evt) => {
    evt.preventDefault();
    void ctx.undo.undo();
  });
  return fragment;
}

/** Runs a complete action on these people (the CLI's `bulk` does the same from a filter). */
export async function applyBulk(
  ctx: CrmContext,
  people: readonly PersonRecord[],
  action: BulkAction,
  hooks: BulkHooks = {},
): Promise<void> {
  const today = ctx.today();
  const problem = bulkProblem(action, today, ctx.settings.defaultTag);
  if (problem !== null) {
    new Notice(`Network CRM: ${problem}`);
    return;
  }
  const plan = planBulk(action, people, today);
  // Undo and the notice name what was changed: fewer than planned when the user stops it part-way.
  const named = (changed: number) => bulkLabel(action, changed, levelNames(ctx.settings));
  if (plan.changes.length === 0) {
    new Notice(`Nothing to change: ${named(people.length)} is already so.`);
    return;
  }
  const label = named(plan.changes.length);
  const run = async () => {
    const targets = plan.changes
      .map((c) => ctx.app.vault.getFileByPath(c.person.path))
      .filter((f): f is TFile => f !== null);
    hooks.beforeWrite?.(targets.map((f) => f.path));
    const edit = bulkEdit(action, today);
    const progress = targets.length > PROGRESS_ABOVE ? new ProgressNotice(targets.length, 'Updating') : null;
    let result: { changed: number; failed: string[]; reached: string[] } = { changed: 0, failed: [], reached: [] };
    try {
      result = await ctx.editor.editMany(targets, () => edit, named, {
        onProgress: (done) => progress?.update(done, targets.length),
        shouldStop: () => progress?.cancelled ?? false,
      });
    } finally {
      progress?.hide();
      const failed = new Set(result.failed);
      const reached = new Set(result.reached);
      const paths = targets.map((f) => f.path);
      hooks.afterWrite?.(
        paths.filter((p) => reached.has(p) && !failed.has(p)),
        paths.filter((p) => !reached.has(p) || failed.has(p)),
      );
    }
    const tail = result.failed.length > 0 ? ` ${formatCount(result.failed.length)} could not be changed.` : '';
    const done = named(result.changed);
    new Notice(undoLink(ctx, `Done: ${done}.${tail}`), 8000);
  };
  if (plan.changes.length > CONFIRM_ABOVE) {
    const skipped = plan.unchanged.length > 0 ? ` (${formatCount(plan.unchanged.length)} already so)` : '';
    new ConfirmModal(
      ctx.app,
      `${capitalised(label)}?${skipped}`,
      plan.changes.map((c) => `${c.person.name}: ${c.change}`),
      capitalised(label),
      () => void run().catch(reportFailure),
    ).open();
  } else await run();
}

/** Asks what the action needs, then applies it. `evt` places the menus (snooze) under the pointer. */
export function startBulk(
  ctx: CrmContext,
  kind: BulkKind,
  people: readonly PersonRecord[],
  evt: MouseEvent | null,
  hooks: BulkHooks = {},
): void {
  const go = (action: BulkAction) => void applyBulk(ctx, people, action, hooks).catch(reportFailure);
  const today = ctx.today();
  const who = `${formatCount(people.length)} ${people.length === 1 ? 'person' : 'people'}`;
  switch (kind) {
    case 'log':
    case 'stop':
      go({ kind });
      return;
    case 'snooze': {
      const menu = new Menu();
      for (const choice of Object.keys(SNOOZE_LABELS) as SnoozeChoice[])
        menu.addItem((item) =>
          item
            .setTitle(`Snooze ${SNOOZE_LABELS[choice]}`)
            .setIcon('alarm-clock')
            .onClick(() => go({ kind: 'snooze', until: snoozeUntil(today, choice) })),
        );
      menu.addItem((item) =>
        item
          .setTitle('Snooze until a date…')
          .setIcon('calendar')
          .onClick(() =>
            new DateModal(ctx.app, `Snooze ${who} until`, addDays(today, 1), addDays(today, 14), (until) => {
              go({ kind: 'snooze', until });
              return Promise.resolve();
            }).open(),
          ),
      );
      if (evt) menu.showAtMouseEvent(evt);
      else menu.showAtPosition({ x: 0, y: 0 });
      return;
    }
    case 'trust':
      new ChoicePicker(
        ctx.app,
        ctx.settings.trustLevels
          .map((level, i) => ({
            value: i + 1,
            label: `${i + 1} · ${level.name}`,
            note: level.keepInTouchDays === null ? 'No reminders' : `Keep in touch every ${level.keepInTouchDays} days`,
          }))
          .reverse(),
        (level) => go({ kind: 'trust', level }),
        `Trust level for ${who}`,
      ).open();
      return;
    case 'cadence':
      new TextModal(
        ctx.app,
        `Keep in touch with ${who} every…`,
        'Days (0 stops reminders)',
        { type: 'number', placeholder: '30' },
        (value) => {
          const days = Number(value);
          if (value === '' || !Number.isInteger(days) || days < 0) return 'Enter a whole number of days, 0 or more.';
          go({ kind: 'cadence', days });
          return null;
        },
      ).open();
      return;
    case 'tag':
    case 'untag': {
      const inUse = [...new Set(people.flatMap((p) => p.tags.map(normaliseTag)))].sort();
      const all = [...new Set(ctx.index.people().flatMap((p) => p.tags.map(normaliseTag)))].sort();
      new TextModal(
        ctx.app,
        kind === 'tag' ? `Add a tag to ${who}` : `Remove a tag from ${who}`,
        'Tag',
        { placeholder: kind === 'tag' ? 'mentor' : (inUse[0] ?? 'tag'), suggestions: kind === 'tag' ? all : inUse },
        (value) => {
          const action: BulkAction = { kind, tag: value };
          const problem = bulkProblem(action, today, ctx.settings.defaultTag);
          if (problem !== null) return capitalised(problem);
          go(action);
          return null;
        },
      ).open();
      return;
    }
  }
}
