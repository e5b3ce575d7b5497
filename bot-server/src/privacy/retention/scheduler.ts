import type { RetentionJob } from "./job";

/**
 * Runs the retention job every `intervalMinutes` (0: never; the CLI still runs it). The first run
 * comes one interval after start, so a restart loop cannot turn into a purge loop. Each instance
 * schedules it; the job itself makes sure only one runs at a time.
 */
export function scheduleRetention(job: RetentionJob, intervalMinutes: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  if (intervalMinutes <= 0) return { stop: async () => {} };
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    current = job.run("schedule").catch(onError);
  }, intervalMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
