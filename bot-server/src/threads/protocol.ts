/** One item's outcome from a thread: its value, or why it failed (`kind` names known conflicts). */
export type ThreadResult<Out> = { ok: Out } | { error: string; kind: string };

/** Main thread -> worker thread: one batch. */
export interface BatchRequest<In> {
  batch: number;
  items: In[];
}

/** Worker thread -> main thread: one result per item, in order. */
export interface BatchReply<Out> {
  batch: number;
  results: Array<ThreadResult<Out>>;
}
