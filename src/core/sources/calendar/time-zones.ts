/**
 * Which calendar day an event falls on, for the person whose calendar it is.
 *
 * A meeting is logged on the owner's local date: 23:30 in Los Angeles is the next morning
 * in Berlin. An event's wall-clock time is read in its own zone, resolved in this order
 * (docs/ARCHITECTURE.md, "Calendars"):
 *
 * 1. an IANA name (`Europe/Berlin`), which the platform's Intl knows, on desktop and mobile;
 * 2. a Windows name (`W. Europe Standard Time`, Exchange), through CLDR's table (windows-iana);
 * 3. the file's own VTIMEZONE with that TZID (Outlook's display names such as
 *    `Canberra, Melbourne, Sydney`), through ical.js;
 * 4. a fixed offset in an OWA name (`(UTC-05:00) Eastern Time (US & Canada)`);
 * 5. otherwise floating: the wall-clock date as written (also for an empty TZID and all-day
 *    dates, which have no time to convert).
 *
 * Offsets are cached per zone and UTC hour, so 300,000 occurrences cost a few thousand
 * Intl calls, not 300,000.
 */
import ICAL from 'ical.js';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface Zone {
  /** What the zone was resolved as, for reports and tests (`Europe/Berlin`, `vtimezone`, `+05:00`, `floating`). */
  readonly id: string;
  /** Offset from UTC in minutes at a UTC instant, or null for floating time. */
  offsetAt(utcMs: number): number | null;
}

export const FLOATING: Zone = { id: 'floating', offsetAt: () => null };
const HOUR = 3_600_000;

function cached(id: string, compute: (utcMs: number) => number): Zone {
  const cache = new Map<number, number>();
  return {
    id,
    offsetAt(utcMs) {
      const bucket = Math.floor(utcMs / HOUR);
      let v = cache.get(bucket);
      if (v === undefined) {
        v = compute(bucket * HOUR);
        cache.set(bucket, v);
      }
      return v;
    },
  };
}

const ianaCache = new Map<string, Zone | null>();

/** A zone the platform knows by this IANA name, or null. */
export function ianaZone(name: string): Zone | null {
  const hit = ianaCache.get(name);
  if (hit !== undefined) return hit;
  let zone: Zone | null = null;
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const id = fmt.resolvedOptions().timeZone;
    zone = cached(id, (utcMs) => {
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(new Date(utcMs)))
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
      return Math.round((asUtc - utcMs) / 60_000);
    });
  } catch {
    zone = null; // RangeError: not a zone this platform knows
  }
  ianaCache.set(name, zone);
  return zone;
}

let windowsTable: Map<string, string> | null = null;

/** CLDR's "001" (default) IANA zone for a Windows zone name. */
export function windowsToIana(name: string): string | null {
  if (windowsTable === null) {
    windowsTable = new Map();
    for (const row of WINDOWS_TO_IANA_MAP)
      if (row.territory === '001' && row.iana[0]) windowsTable.set(row.windowsName.toLowerCase(), row.iana[0]);
  }
  return windowsTable.get(name.trim().toLowerCase()) ?? null;
}

function fixedZone(minutes: number): Zone {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const id = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { id, offsetAt: () => minutes };
}

/** A zone from a VTIMEZONE block of the same file, evaluated by ical.js. */
export function vtimezoneZone(component: ICAL.Component): Zone {
  const tz = new ICAL.Timezone(component);
  // ical.js answers for a local (wall) time; find the wall time of the instant in two steps.
  const offsetOfWall = (ms: number) => {
    const d = new Date(ms);
    const t = ICAL.Time.fromData({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      isDate: false,
    });
    return Math.round(tz.utcOffset(t) / 60);
  };
  return cached('vtimezone', (utcMs) => offsetOfWall(utcMs + offsetOfWall(utcMs) * 60_000));
}

/**
 * The zone for a TZID, given the file's VTIMEZONE blocks by TZID. Prefixes some writers put
 * before IANA names (`/mozilla.org/20050126_1/America/New_York`, `/America/New_York`) are
 * tolerated, and a VTIMEZONE's `X-LIC-LOCATION` names its IANA zone.
 */
export function resolveZone(tzid: string | null | undefined, vtimezones: ReadonlyMap<string, ICAL.Component>): Zone {
  const name = (tzid ?? '').trim().replace(/^"(.*)"$/, '$1');
  if (name === '') return FLOATING;
  const iana = ianaZone(name) ?? ianaZone(name.replace(/^\/(?:[^/]+\/\d+_\d+\/)?/, ''));
  if (iana) return iana;
  const windows = windowsToIana(name);
  if (windows) {
    const z = ianaZone(windows);
    if (z) return z;
  }
  const block = vtimezones.get(name);
  if (block) {
    const location = block.getFirstPropertyValue('x-lic-location');
    const fromLocation = typeof location === 'string' ? ianaZone(location) : null;
    if (fromLocation) return fromLocation;
    try {
      return vtimezoneZone(block);
    } catch {
      // An unusable VTIMEZONE (Exchange's empty one): try the name's offset, then floating.
    }
  }
  const owa = /^\(UTC([+-])(\d{2}):(\d{2})\)/.exec(name);
  if (owa) return fixedZone((owa[1] === '-' ? -1 : 1) * (Number(owa[2]) * 60 + Number(owa[3])));
  if (/^\(UTC\)/.test(name)) return fixedZone(0);
  return FLOATING;
}

export const UTC_ZONE: Zone = fixedZone(0);

function wallMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The owner's calendar date of a wall-clock time in `zone`. Floating times keep their own
 * date; so does any time whose zone is the owner's (the common case, and the fast one).
 */
export function ownerDate(wall: Wall, zone: Zone, owner: Zone): string {
  if (zone === FLOATING || zone === owner || zone.id === owner.id)
    return `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)}`;
  const utc = instantOf(wall, zone);
  const ownerOffset = owner.offsetAt(utc) ?? 0;
  return isoOf(utc + ownerOffset * 60_000);
}

/**
 * The UTC instant (ms) of a wall-clock time in `zone`; a floating time is taken as if it
 * were UTC, so two floating times still compare by their wall clocks.
 */
export function instantOf(wall: Wall, zone: Zone): number {
  const local = wallMs(wall);
  // Wall time → UTC: guess with the offset at the wall time, then correct once (DST edges).
  const first = zone.offsetAt(local - (zone.offsetAt(local) ?? 0) * 60_000) ?? 0;
  return local - first * 60_000;
}
