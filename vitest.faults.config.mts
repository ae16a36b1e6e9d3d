import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * `npm run test:faults`: slow fault injection (PostgreSQL crash and restart under load, SIGTERM
 * with requests in flight, pool exhaustion). One file at a time: they stop and start servers.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    include: ['{apps,libs}/**/*.fault-spec.ts'],
    globalSetup: ['./libs/testing/src/postgres.global-setup.ts'],
  },
});
