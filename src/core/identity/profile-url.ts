/**
 * A person's identity across exports is their public profile URL, normalised.
 *
 * The same profile is written differently by different files of one export:
 * Connections.csv percent-encodes non-ASCII slugs with upper-case hex
 * (`/in/matej-%C5%A1ari%C4%87-…`), messages.csv and Invitations.csv hold the decoded
 * form (`/in/matej-šarić-…`), endorsements drop the scheme, and people paste URLs with a
 * trailing slash, a query string or a country subdomain. LinkedIn's own apps and e-mails
 * add more: the mobile site (`m.linkedin.com/in/…`, `/mwlite/in/…`, `/m/in/…`), links from
 * notification e-mails (`/comm/in/…?midToken=…`), tracking queries (`?trk=…`), a locale
 * after the slug (`/in/<slug>/en`). All of them normalise to
 * `https://www.linkedin.com/in/<slug>` with the slug decoded, NFC and lower-case, so a
 * note saved with any of them is recognised and never gets a twin.
 */
import { nfc } from '../text/nfc';

/** Already canonical: the common case, answered without decoding or normalising. */
const CANONICAL = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-]+$/;
const PROFILE_RE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/(?:(?:mwlite|m|comm)\/)?in\/([^/?#\s]+)/;

/** Decodes runs of %XX that form valid UTF-8 and leaves malformed escapes as they were. */
export function safePercentDecode(value: string): string {
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // A run can mix valid and invalid sequences; decode what we can, byte group by group.
      return run.replace(/%[0-9A-Fa-f]{2}/g, (one) => {
        try {
          return decodeURIComponent(one);
        } catch {
          return one;
        }
      });
    }
  });
}

/** Returns the canonical profile URL, or null when `raw` is not a LinkedIn /in/ profile URL. */
export function normaliseProfileUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  if (CANONICAL.test(raw)) return raw;
  const trimmed = raw.trim().replace(/^<(.*)>$/, '$1');
  if (trimmed === '') return null;
  const decoded = nfc(trimmed.includes('%') ? safePercentDecode(trimmed) : trimmed).toLowerCase();
  const m = PROFILE_RE.exec(decoded);
  if (!m) return null;
  const slug = m[1] as string;
  if (slug === '.' || slug === '..') return null;
  const url = `https://www.linkedin.com/in/${slug}`;
  // The same text as what came in: that string, not a copy of it (the note matcher keeps one
  // for every note, 1.9 MB at 30,000 notes when each was a copy).
  return url === raw ? raw : url;
}

/** The slug of a canonical profile URL (`…/in/jane-doe` → `jane-doe`). */
export function profileSlug(canonicalUrl: string): string {
  return canonicalUrl.slice(canonicalUrl.lastIndexOf('/') + 1);
}

/**
 * A form of the URL that is safe inside a Markdown link destination: the slug is
 * percent-encoded, so spaces or parentheses in hostile data cannot end the link early.
 */
export function linkableProfileUrl(canonicalUrl: string): string {
  const slug = encodeURIComponent(profileSlug(canonicalUrl)).replace(
    /[()'*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `https://www.linkedin.com/in/${slug}`;
}
