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
import { levelNames, type NetworkCrmSettings } from '../core/settings';
import { UsageError } from './args';
import type { FsVault } from './fs-vault';
import type { VaultSession } from './options';
import { readPersonNotes, type PersonNote } from './person-notes';

export class VaultPeople {
  readonly notes: PersonNote[];
  readonly records: PersonRecord[];
  readonly settings: NetworkCrmSettings;
  private readonly vault: FsVault;

  constructor(private readonly session: VaultSession) {
    this.vault = session.vault;
    this.settings = session.settings;
    this.notes = readPersonNotes(this.vault, session.rule);
    this.records = this.notes.map(({ note, body }) => {
      const r = personFromFrontmatter(note.path, note.frontmatter ?? {}, {
        levelNames: levelNames(this.settings),
        createdOn: localIsoDate(new Date(this.vault.createdMs(note.path))),
      });
      r.logLatest = newestDatedItem(body, INTERACTIONS_HEADING);
      if (note.yamlError) r.problems.push(`frontmatter: ${note.yamlError}`);
      return r;
    });
    if (this.settings.useDailyNotes) this.applyDailyNotes();
  }

  /** The Daily notes format, from the vault's config folder (Obsidian keeps it there). */
  private dailyFormat(): string | null {
    try {
      const file = this.vault.abs(`${this.session.config.configDir}/daily-notes.json`);
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown };
      return typeof data.format === 'string' && data.format.trim() !== '' ? data.format : null;
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

  /** A person by LinkedIn URL, note path (vault-relative or absolute), note name or `name`; a clear error otherwise. */
  find(query: string): PersonRecord {
    if (path.isAbsolute(query)) {
      const rel = this.vault.relative(query);
      if (rel === null) throw new UsageError(`${query} is not inside the vault ${this.vault.root}`);
      query = rel;
    }
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

  note(path: string): PersonNote | undefined {
    return this.notes.find((n) => n.note.path === path);
  }
}
