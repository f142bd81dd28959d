import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Real LinkedIn export excerpts, beside the project (never copied into it). */
export const SAMPLES = path.resolve(ROOT, '../shared/samples/linkedin');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
