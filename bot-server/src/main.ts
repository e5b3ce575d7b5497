import { loadConfig, ConfigError } from "./config";
import { startServer } from "./server";

/** Process entry point: configuration errors end the process with every problem named. */
async function main(): Promise<void> {
  let env;
  try {
    env = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const running = await startServer({ env });
  const shutdown = (signal: string) => {
    running.logger.info({ signal }, "shutting down");
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error("Failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
