/**
 * Hostile and unlucky notes already in a vault: what other tools, sync services and people
 * leave behind. Each is a note the import must recognise as the person it is (no twin),
 * or report and leave byte for byte.
 */

export interface NoteSpec {
  /** A short label for test names and the measurement table. */
  label: string;
  text: string;
  /** True when the import must report the note as unreadable and never write it. */
  unreadable: boolean;
}

const body = (url: string) => `[LinkedIn profile](${url})\n\n## Interactions\n\n- 2025-01-02 · coffee\n`;

/**
 * Notes about the person with profile `slug` (canonical URL https://www.linkedin.com/in/<slug>),
 * none of them with a `name`, so only the URL can identify them.
 */
export function hostileNotes(slug: string, company = 'Acme', position = 'CTO'): NoteSpec[] {
  const url = `https://www.linkedin.com/in/${slug}`;
  const job = `company: ${company}\nposition: ${position}`;
  return [
    {
      label: 'saved with a UTF-8 BOM',
      text: `\uFEFF---\nlinkedin: ${url}\n${job}\n---\n${body(url)}`,
      unreadable: false,
    },
    {
      label: 'broken YAML with a double-quoted "linkedin": key',
      text: `---\n"linkedin": ${url}\ncompany: [unclosed\n---\n${body(url)}`,
      unreadable: true,
    },
    {
      label: "broken YAML with a single-quoted 'linkedin': key",
      text: `---\n'linkedin': '${url}'\ncompany: "unclosed\n---\n${body(url)}`,
      unreadable: true,
    },
    {
      label: 'mobile URL /mwlite/in/',
      text: `---\nlinkedin: https://www.linkedin.com/mwlite/in/${slug}\n${job}\n---\n${body(url)}`,
      unreadable: false,
    },
    {
      label: 'mobile host m.linkedin.com with ?trk=',
      text: `---\nlinkedin: https://m.linkedin.com/in/${slug}/?trk=public_profile_browsemap\n${job}\n---\n${body(url)}`,
      unreadable: false,
    },
    {
      label: 'e-mail link /comm/in/ with tracking query',
      text: `---\nlinkedin: "https://www.linkedin.com/comm/in/${slug}?midToken=AQE&trk=eml-email"\n${job}\n---\n${body(url)}`,
      unreadable: false,
    },
    {
      label: 'country host, http, locale suffix',
      text: `---\nlinkedin: http://de.linkedin.com/in/${slug}/en\n${job}\n---\n${body(url)}`,
      unreadable: false,
    },
  ];
}

/** Profile URL forms LinkedIn itself produces, all of the person `slug`. */
export function profileUrlForms(slug: string): string[] {
  return [
    `https://www.linkedin.com/in/${slug}`,
    `https://www.linkedin.com/in/${slug}/`,
    `https://www.linkedin.com/in/${slug}?trk=public_profile_browsemap`,
    `https://www.linkedin.com/in/${slug}/?originalSubdomain=uk`,
    `https://m.linkedin.com/in/${slug}`,
    `https://www.linkedin.com/mwlite/in/${slug}`,
    `https://www.linkedin.com/m/in/${slug}`,
    `https://www.linkedin.com/comm/in/${slug}?midToken=AQE`,
    `https://touch.www.linkedin.com/in/${slug}`,
    `https://de.linkedin.com/in/${slug}/en`,
    `https://www.linkedin.com/in/${slug}/details/experience/`,
    `http://linkedin.com/in/${slug}#about`,
    `www.linkedin.com/in/${slug}`,
    `<https://www.linkedin.com/in/${slug}>`,
  ];
}
