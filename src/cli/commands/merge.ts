/**
 * `network-crm merge --vault DIR --keep A --into B`: two notes about one person become one.
 * The note named by `--keep` stays; the one named by `--into` (or `--remove`, the same) is
 * merged into it, links to it anywhere in the vault are pointed at the kept note, and it is
 * moved to the vault's `.trash/` folder (where Obsidian's own "move to Obsidian trash" puts
 * files), so nothing is deleted. Conflicting values keep the kept note's unless `--take
 * KEY,KEY` names the keys to take from the other note; `--dry-run` shows what would happen.
 */
import path from 'node:path';
import { mergeNotes } from '../../core/merge/merge-notes';
import { rewriteLinks } from '../../core/merge/rewrite-links';
import { editBody } from '../../core/notes/note-text';
import { readNoteFrontmatter } from '../../core/yaml/frontmatter';
import { requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { CliEditor } from '../cli-edits';
import { parseYaml } from '../yaml-full';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

interface ReadNote {
  path: string;
  text: string;
  frontmatter: Record<string, unknown> | null;
  body: string;
}

function withoutMd(p: string): string {
  return p.replace(/\.md$/i, '');
}

async function runMerge(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  if (!(await mayWrite(session, 'merge', io, !args.flags.has('dry-run')))) return 1;
  const { vault } = session;
  const people = VaultPeople.open(session, io, { writes: !args.flags.has('dry-run') });
  const other = stringFlag(args, 'into') ?? stringFlag(args, 'remove');
  if (other === undefined) throw new UsageError('--into is required (the note to merge into the kept one)', 'merge');
  const keepValue = requireFlag(args, 'keep');
  const keptPerson = people.find(keepValue);
  const removedPerson = people.find(other);
  if (keptPerson.path === removedPerson.path) throw new UsageError('--keep and --into name the same note', 'merge');
  const read = (p: string): ReadNote => {
    const text = vault.readText(p);
    const fm = readNoteFrontmatter(text, parseYaml);
    if (fm.kind === 'broken')
      throw new UsageError(`${p}: its frontmatter cannot be read (${fm.error}); fix it first`, 'merge');
    return { path: p, text, frontmatter: fm.kind === 'parsed' ? fm.data : null, body: fm.body };
  };
  const kept = read(keptPerson.path);
  const removed = read(removedPerson.path);
  const take = new Set(
    (stringFlag(args, 'take') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  );
  const result = mergeNotes(
    { path: kept.path, frontmatter: kept.frontmatter ?? {}, body: kept.body },
    { path: removed.path, frontmatter: removed.frontmatter ?? {}, body: removed.body },
    (c) => (take.has(c.key) ? 'removed' : 'kept'),
  );

  // Links to the removed note: by path, or by name when no other note has that name.
  const files = vault.markdownFiles();
  const removedBase = withoutMd(removed.path).split('/').pop() as string;
  const sameBase = files.filter(
    (f) => (withoutMd(f.path).split('/').pop() as string).toLowerCase() === removedBase.toLowerCase(),
  );
  const keptBase = withoutMd(kept.path).split('/').pop() as string;
  const keptUnique =
    files.filter((f) => (withoutMd(f.path).split('/').pop() as string).toLowerCase() === keptBase.toLowerCase())
      .length === 1;
  const newTarget = keptUnique ? keptBase : withoutMd(kept.path);
  const isOldFrom = (source: string) => (target: string) => {
    // `../People/Jane.md` is relative to the linking note; `/People/Jane.md` to the vault.
    const resolved = /^\.\.?\//.test(target) ? path.posix.join(path.posix.dirname(source), target) : target;
    const t = withoutMd(resolved.replace(/^\//, '')).toLowerCase();
    return t === withoutMd(removed.path).toLowerCase() || (sameBase.length === 1 && t === removedBase.toLowerCase());
  };
  const linkEdits: Array<{ path: string; count: number }> = [];
  for (const f of files) {
    if (f.path === removed.path) continue;
    const text = f.path === kept.path ? editBody(kept.text, () => result.body) : vault.readText(f.path);
    const r = rewriteLinks(text, isOldFrom(f.path), newTarget);
    if (r.count > 0) linkEdits.push({ path: f.path, count: r.count });
  }
  const links = linkEdits.reduce((n, e) => n + e.count, 0);
  const trashPath = `.trash/${path.basename(removed.path)}`;
  const summary = {
    kept: kept.path,
    removed: removed.path,
    trash: trashPath,
    fields: result.set,
    conflicts: result.conflicts,
    links,
    notesWithLinks: linkEdits.map((e) => e.path),
    dryRun: args.flags.has('dry-run'),
  };
  if (!args.flags.has('dry-run')) {
    // Every note changed, and the move to .trash, recorded as one change for `undo`.
    const label = `merge ${withoutMd(path.basename(removed.path))} into ${withoutMd(path.basename(kept.path))}`;
    const editor = new CliEditor(session, label);
    // Over the text the merge was worked out from: a save in Obsidian since (the link scan
    // takes a while) is not replaced by a body made without it; the merge then stops.
    await editor.edit(
      kept.path,
      {
        ...(Object.keys(result.set).length > 0 ? { frontmatter: (fm) => Object.assign(fm, result.set) } : {}),
        body: () => result.body,
        text: (text) => rewriteLinks(text, isOldFrom(kept.path), newTarget).text,
      },
      kept.text,
    );
    // Links are rewritten in the text as it is now, not as it was read for the dry run; not
    // at all when the kept note could not take the merge (the merge stops there).
    for (const e of linkEdits)
      if (e.path !== kept.path && editor.failed.length === 0)
        await editor.edit(e.path, { text: (now) => rewriteLinks(now, isOldFrom(e.path), newTarget).text });
    // The other note is moved only as it was merged: saved since, its new text would reach only the trash.
    let moved: string | null = null;
    let target = `.trash/${path.basename(removed.path)}`;
    for (let n = 2; vault.exists(target); n++) target = `.trash/${withoutMd(path.basename(removed.path))} ${n}.md`;
    if (editor.failed.length === 0) {
      try {
        editor.move(removed.path, target, removed.text);
        moved = target;
      } catch (e) {
        editor.failed.push({ path: removed.path, error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (moved === null) {
      // The other note stays where it is: its fields or links did not all reach the kept note.
      editor.commit(label);
      for (const f of editor.failed) io.err(failureLine(f));
      io.err(
        editor.changed.length > 0
          ? `Not merged: ${removed.path} stays where it is. \`network-crm undo\` takes back what was changed.`
          : `Not merged: ${removed.path} stays where it is. Nothing was changed.`,
      );
      return 1;
    }
    // Moved, not deleted: `.trash/` is Obsidian's own trash folder inside the vault.
    summary.trash = moved;
    editor.commit(label);
  }
  if (args.flags.has('json')) io.out(JSON.stringify(summary, null, 2));
  else {
    const verb = summary.dryRun ? 'Would merge' : 'Merged';
    io.out(`${verb} ${removed.path} into ${kept.path}.`);
    const fields = Object.keys(result.set);
    io.out(`  fields: ${fields.length === 0 ? 'nothing new' : fields.join(', ')}`);
    for (const c of result.conflicts)
      io.out(
        `  conflict ${c.key}: kept ${JSON.stringify(c.kept)}, other ${JSON.stringify(c.removed)} → ${c.chosen === 'kept' ? 'kept note' : 'other note'}${c.chosen === 'kept' ? ` (--take ${c.key} to take the other)` : ''}`,
      );
    io.out(
      `  links: ${links} in ${linkEdits.length} note${linkEdits.length === 1 ? '' : 's'} ${summary.dryRun ? 'would point' : 'now point'} to ${kept.path}`,
    );
    io.out(`  ${removed.path} ${summary.dryRun ? 'would be moved' : 'moved'} to ${summary.trash}`);
  }
  return 0;
}

export const MERGE: CommandSpec = {
  name: 'merge',
  summary:
    "Merge two notes about one person: the --into note goes into the --keep note, links to it are rewritten, and it is moved to the vault's .trash folder. `undo` takes it all back.",
  flags: [
    ...VAULT_FLAGS,
    { name: 'keep', value: 'WHO', help: 'the note that stays (required)' },
    { name: 'into', value: 'WHO', help: 'the note merged into it and moved to .trash (required)' },
    { name: 'remove', value: 'WHO', help: 'the same as --into' },
    { name: 'take', value: 'KEY,KEY', help: "on a conflict, take these keys' values from the other note" },
    FLAG.dryRun,
    FLAG.json,
    FLAG.help,
  ],
  run: runMerge,
};
