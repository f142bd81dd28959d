// Shared test set-up. The zone is pinned in vitest.config.ts; this guards against a
// runner started some other way, because calendar dates must not shift by a day.
if (process.env.TZ !== 'UTC') throw new Error('tests must run with TZ=UTC (use npm test)');
