import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Real LinkedIn export excerpts, beside the project (never copied into it). */
export const SAMPLES = path.resolve(ROOT, '../shared/samples/linkedin');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** Real address-book and calendar exports (see ../shared/samples/PROVENANCE-contacts-calendar.md). */
export const CONTACT_SAMPLES = path.resolve(ROOT, '../shared/samples/contacts');
export const CALENDAR_SAMPLES = path.resolve(ROOT, '../shared/samples/calendar');
