// Browser tests drive a real Chromium against servers on a loaded 2-core machine; a rare timing
// flake must not decide whether a submission lands. A failed test is retried (its first error is
// still printed), so a real regression, which fails every time, still fails the run.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
