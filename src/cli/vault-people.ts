/**
 * The CLI's person index: the same PersonRecords the plugin builds, from the files. The
 * CLI reads whole notes anyway, so the interaction log comes straight from the body;
 * daily notes are found by the Daily notes format in `.obsidian/daily-notes.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate, type IsoDate } from '../core/dates/iso-date';
import { nameKey } from '../core/identity/person-name';
import { normaliseProfileUrl } from '../core/identity/profile-url';
import { newestDatedItem } from '../core/notes/body-sections';
import { wikiLinkTargets } from '../core/notes/links';
import { INTERACTIONS_HEADING } from '../core/notes/schema';
import { dailyNoteMatcher } from '../core/people/daily-notes';
import { basenameOf, personFromFrontmatter, type PersonRecord } from '../core/people/person-record';
import { DEFAULT_SETTINGS, levelNames, type NetworkCrmSettings } from '../core/settings';
import { UsageError } from './args';
import type { FsVault, ReadNote } from './fs-vault';

export interface PeopleOptions {
  folder: string;
  settings?: NetworkCrmSettings;
}

export class VaultPeople {
  readonly notes: ReadNote[];
  readonly records: PersonRecord[];
  readonly settings: NetworkCrmSettings;

  constructor(
    private readonly vault: FsVault,
    options: PeopleOptions,
  ) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.notes = vault.personNotes(options.folder, this.settings.defaultTag);
    this.records = this.notes.map((n) => {
      const stat = fs.statSync(vault.abs(n.path));
      const created = stat.birthtimeMs || stat.ctimeMs;
      const r = personFromFrontmatter(n.path, n.frontmatter ?? {}, {
        levelNames: levelNames(this.settings),
        createdOn: localIsoDate(new Date(created)),
      });
      r.logLatest = newestDatedItem(n.body, INTERACTIONS_HEADING);
      if (n.yamlError) r.problems.push(`frontmatter: ${n.yamlError}`);
      return r;
    });
    if (this.settings.useDailyNotes) this.applyDailyNotes();
  }

  private dailyFormat(): string | null {
    try {
      const data = JSON.parse(fs.readFileSync(path.join(this.vault.root, '.obsidian', 'daily-notes.json'), 'utf8')) as {
        format?: unknown;
      };
      return typeof data.format === 'string' ? data.format : null;
    } catch {
      return null;
    }
  }

  private applyDailyNotes(): void {
    const match = dailyNoteMatcher(this.dailyFormat());
    const byKey = new Map<string, PersonRecord[]>();
    const add = (key: string, r: PersonRecord) => byKey.set(key, [...(byKey.get(key) ?? []), r]);
    for (const r of this.records) {
      add(r.path.replace(/\.md$/i, '').toLowerCase(), r);
      add(basenameOf(r.path).toLowerCase(), r);
    }
    const latest = new Map<PersonRecord, IsoDate>();
    for (const file of this.vault.markdownFiles()) {
      const date = match(basenameOf(file.path));
      if (date === null) continue;
      for (const target of wikiLinkTargets(this.vault.readText(file.path))) {
        const key = target.replace(/\.md$/i, '').toLowerCase();
        // Obsidian resolves a bare name to the note with the shortest path.
        const hit = (byKey.get(key) ?? []).sort((a, b) => a.path.length - b.path.length)[0];
        if (hit && (latest.get(hit) ?? '') < date) latest.set(hit, date);
      }
    }
    for (const [r, d] of latest) r.dailyLatest = d;
  }

  /** Notes (any note in the vault) that link to each person note, by the person's path. */
  backlinks(): Map<string, string[]> {
    const byKey = new Map<string, PersonRecord[]>();
    for (const r of this.records) {
      for (const key of [r.path.replace(/\.md$/i, '').toLowerCase(), basenameOf(r.path).toLowerCase()])
        byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    const out = new Map<string, string[]>();
    for (const file of this.vault.markdownFiles()) {
      for (const target of new Set(wikiLinkTargets(this.vault.readText(file.path)))) {
        const hit = (byKey.get(target.replace(/\.md$/i, '').toLowerCase()) ?? []).sort(
          (a, b) => a.path.length - b.path.length,
        )[0];
        if (hit && hit.path !== file.path) out.set(hit.path, [...(out.get(hit.path) ?? []), file.path]);
      }
    }
    return out;
  }

  /** A person by LinkedIn URL, note path, note name or `name`; a clear error otherwise. */
  find(query: string): PersonRecord {
    const url = normaliseProfileUrl(query);
    let hits: PersonRecord[];
    if (url !== null) hits = this.records.filter((r) => r.profileUrl === url);
    else {
      const q = query.replace(/\.md$/i, '');
      hits = this.records.filter((r) => r.path.replace(/\.md$/i, '') === q);
      if (hits.length === 0)
        hits = this.records.filter(
          (r) => basenameOf(r.path).toLowerCase() === q.toLowerCase() || nameKey(r.name) === nameKey(q),
        );
    }
    if (hits.length === 1) return hits[0] as PersonRecord;
    if (hits.length === 0)
      throw new UsageError(`no person note matches "${query}" (give a LinkedIn URL, a note name or a path)`);
    throw new UsageError(
      `"${query}" matches ${hits.length} notes (${hits.map((h) => h.path).join(', ')}); give the path or the LinkedIn URL`,
    );
  }

  note(path: string): ReadNote | undefined {
    return this.notes.find((n) => n.path === path);
  }
}
