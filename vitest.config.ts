import { defineConfig } from "vitest/config";

// One runner for everything. Projects let CI and developers run a slice:
//   unit     pure logic and in-process server tests (fast)
//   storage  the storage suite against SQLite and, with TEST_DATABASE_URL, PostgreSQL
//   browser  Playwright in Chromium against the real server (the declaration e2e against the built
//            bundle in its own process, started as the README's `npm start` starts it)
//   faults   the server and the declaration backend as separate processes, killed and failed on purpose
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["shared/src/**/*.test.ts", "bot-server/src/**/*.test.ts", "mini-app/src/**/*.test.{ts,tsx}", "bot-server/console/src/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts", "tests/hostile/**/*.test.ts"],
          exclude: ["bot-server/src/storage/**"],
        },
      },
      {
        test: { name: "storage", include: ["bot-server/src/storage/**/*.test.ts"], testTimeout: 30_000 },
      },
      {
        test: { name: "faults", include: ["tests/faults/**/*.test.ts"], testTimeout: 150_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
