import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine keeps timings honest.
    fileParallelism: false,
    // The UI settles within a frame or two, but a loaded 2-core machine can take seconds.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    reporters: ['default'],
  },
});
