/**
 * The import report note: what happened, with links, in a form that stays readable for a
 * 30,000-person import (each list is capped) and that shows hostile data as text.
 */
import { describeMerge } from '../linkedin/merge-exports';
import { escapeLinkDisplay, escapeMarkdown } from '../notes/markdown-escape';
import { formatCount } from '../text/format';
import { linkableProfileUrl } from '../identity/profile-url';
import type { ApplyResult } from './apply';
import { sentInvitations } from './invitations-plan';
import {
  problemAndInvitationCounts,
  shownBySource,
  sourceTable,
  type AttendeeNotes,
  type CountRow,
} from './plan-counts';
import type { ImportPlan } from './plan-types';
import { importTitle } from './report-path';

export const REPORT_LIST_CAP = 200;

/**
 * A link to a note, shown by its file name. File names are sanitised (no `[ ] | # ^ < >`),
 * so the link cannot be broken or turned into markup by a hostile name in the data.
 */
export function wikiLink(path: string): string {
  const target = path.replace(/\.md$/i, '');
  const base = target.slice(target.lastIndexOf('/') + 1);
  return `[[${target}|${escapeLinkDisplay(base)}]]`;
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, REPORT_LIST_CAP).map((i) => `- ${line(i)}`);
  if (items.length > REPORT_LIST_CAP) shown.push(`- …and ${formatCount(items.length - REPORT_LIST_CAP)} more`);
  return `\n## ${title} (${formatCount(items.length)})\n\n${shown.join('\n')}\n`;
}

/** A source's list (its first items, with how many there are in all). */
function detailSection(title: string, items: readonly string[], total: number): string {
  const shown = items.slice(0, REPORT_LIST_CAP).map((i) => `- ${escapeMarkdown(i)}`);
  if (total > shown.length) shown.push(`- …and ${formatCount(total - shown.length)} more`);
  return `\n## ${escapeMarkdown(title)} (${formatCount(total)})\n\n${shown.join('\n')}\n`;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return escapeMarkdown(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Said under "Ambiguous names": how to make one note of two about one person. */
export const MERGE_HINT =
  'Two notes about one person? Open one and run **Merge with…** (or `network-crm merge --keep A --into B`); the next import then finds one.';

export interface ReportMeta {
  /** When the import ran, ISO date. */
  date: string;
  result: ApplyResult;
  /**
   * What the CLI's `--create-attendees` did after the plan: the notes it wrote for a
   * calendar's attendees with no note (created by this run, so counted and listed with the
   * others), and the attendees who still have none (the only ones the report lists as such).
   */
  attendeeNotes?: AttendeeNotes | null;
}

export function composeImportReport(plan: ImportPlan, meta: ReportMeta): string {
  const { result } = meta;
  const attendeeNotes = meta.attendeeNotes ?? null;
  const created = [...result.created, ...(attendeeNotes?.created ?? [])];
  const bySource = shownBySource(plan, attendeeNotes);
  const byPath = new Map(plan.updates.map((u) => [u.path, u]));
  const updated = result.updated.map((p) => byPath.get(p)).filter((u) => u !== undefined);
  const jobChanges = updated.filter((u) => u.jobChange !== null);
  const notDone =
    plan.creates.length + plan.updates.length - result.created.length - result.updated.length - result.failed.length;

  const rows: CountRow[] = [
    ['Created', created.length],
    ['Updated', result.updated.length],
    ['Unchanged', plan.unchanged.length],
    ...problemAndInvitationCounts(plan, attendeeNotes),
    ['Failed', result.failed.length],
  ];
  if (result.cancelled) rows.push(['Not done (cancelled)', notDone]);

  let out = `# ${importTitle(plan)} ${meta.date}\n\n`;
  out += `- Sources: ${plan.sources.map((s) => escapeMarkdown(s)).join(', ')}\n`;
  if (plan.mergedExports) out += `- ${describeMerge(plan.mergedExports, escapeMarkdown)}\n`;
  out += `- People folder: ${escapeMarkdown(plan.folder || '/')}\n`;
  if (result.cancelled)
    out += `- **Cancelled** after ${formatCount(result.created.length + result.updated.length)} notes. Run the import again to finish: it picks up where this one stopped.\n`;
  const m = plan.messages;
  if (m.messages > 0 || m.skippedDrafts > 0) {
    const who = [plan.owner?.name, m.ownerUrl].filter((v) => v !== undefined && v !== null && v !== '').join(', ');
    const owner =
      m.ownerRule === 'none'
        ? 'unknown'
        : m.ownerRule === 'message direction column'
          ? 'given by the file'
          : `${who || '?'} (from ${m.ownerRule})`;
    out += `- Messages: ${formatCount(m.messages)} read (${formatCount(m.skippedDrafts)} drafts and ${formatCount(m.skippedSponsored)} sponsored or InMail skipped), ${formatCount(m.matched)} of ${formatCount(m.counterparts)} people you wrote with have a note. Your account: ${escapeMarkdown(owner)}. Message text is never copied into notes.\n`;
  }
  out += `\n| What | Count |\n| --- | ---: |\n${rows.map(([k, v]) => `| ${k} | ${formatCount(v)} |`).join('\n')}\n`;
  const table = sourceTable({ bySource });
  if (table !== null) {
    out += `\n## By source\n\n| ${table.header.join(' | ')} |\n| --- |${' ---: |'.repeat(table.header.length - 1)}\n`;
    out += `${table.rows.map(([label, ...n]) => `| ${escapeMarkdown(label as string)} | ${n.join(' | ')} |`).join('\n')}\n`;
  }

  out += section('Failed', result.failed, (f) => `${wikiLink(f.path)}: ${escapeMarkdown(f.error)}`);
  out += section(
    'Job changes',
    jobChanges,
    (u) =>
      `${wikiLink(u.path)}: ${u.jobChange ? `${escapeMarkdown(u.jobChange.from)} → ${escapeMarkdown(u.jobChange.to)}` : ''}`,
  );
  out += section('Created', created, (p) => wikiLink(p));
  out += section(
    'Updated',
    updated,
    (u) =>
      `${wikiLink(u.path)}: ${[...u.changes.map((c) => `${c.field} ${showValue(c.from)} → ${showValue(c.to)}`), ...(u.interactions.length > 0 ? [`${u.interactions.length} interaction line(s) added`] : [])].join('; ')}`,
  );
  const ambiguous = section(
    'Ambiguous names',
    plan.ambiguous,
    (a) =>
      `${escapeMarkdown(a.name)} (${escapeMarkdown(a.source.file)}, line ${a.source.line}): ${escapeMarkdown(a.reason)}. Could be: ${a.candidates.map((c) => (c.path !== null ? wikiLink(c.path) : escapeMarkdown(c.description))).join(', ')}`,
  );
  // Two of the candidates are one person? That is what merging is for.
  out += ambiguous.replace(/\n\n/, `\n\n${MERGE_HINT}\n\n`);
  out += section(
    'Notes with unreadable frontmatter',
    plan.unreadable,
    (u) => `${wikiLink(u.path)}: ${escapeMarkdown(u.error)}. Left untouched; fix the YAML and import again.`,
  );
  out += section(
    'Skipped rows',
    plan.skipped,
    (s) => `${escapeMarkdown(s.file)}, line ${s.line}: ${escapeMarkdown(s.reason)}`,
  );
  out += section(
    'Warnings',
    plan.warnings,
    (s) => `${escapeMarkdown(s.file)}, line ${s.line}: ${escapeMarkdown(s.reason)}`,
  );
  // An older export's are left out (the vault keeps its own list): not listed as pending.
  out += section(
    'Invitations you sent that are still pending',
    sentInvitations(plan).taken,
    (p) =>
      `${p.notePath ? wikiLink(p.notePath) : escapeMarkdown(p.name)}: sent ${p.sentOn}, ${formatCount(p.ageDays)} days ago${p.profileUrl ? ` · [profile](${linkableProfileUrl(p.profileUrl)})` : ''}`,
  );
  for (const source of bySource) for (const d of source.details) out += detailSection(d.title, d.items, d.total);
  out += section(
    'Missing from this export',
    plan.missingFromExport,
    (m) =>
      `${wikiLink(m.path)} (${escapeMarkdown(m.name)}): not in this export's connections (removed, or hidden their profile). The note was not changed.`,
  );
  return out;
}
