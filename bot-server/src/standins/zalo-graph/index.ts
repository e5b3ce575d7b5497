import { listenStandin, type RunningStandin } from "../listen";
import { createZaloGraphStandinApp, type ZaloGraphStandinOptions } from "./app";

export { createZaloGraphStandinApp, STANDIN_GRAPH_ERRORS } from "./app";
export { devAccessToken, parseDevAccessToken, phoneForDevCode, DEFAULT_DEV_USER_ID } from "./dev-tokens";

/** Starts the Graph stand-in on its own port (0 = a free one). Development and tests only. */
export function startZaloGraphStandin(opts: ZaloGraphStandinOptions & { port?: number }): Promise<RunningStandin> {
  return listenStandin(createZaloGraphStandinApp(opts), opts.port ?? 0);
}
