import type autocannon from "autocannon";

export interface SideBySide {
  baselineRps: number;
  subjectRps: number;
  /** subject / baseline over all rounds. */
  ratio: number;
  /** The same ratio per round, to show how much the machine drifted during the run. */
  roundRatios: number[];
}

/** A figure built on refused requests would measure the refusal path: every answer must be 2xx. */
export function assertAllOk(name: string, r: autocannon.Result): void {
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors out of ${r.requests.total}`);
}

/** `assertAllOk`, passing the result through. */
export function checked(name: string, r: autocannon.Result): autocannon.Result {
  assertAllOk(name, r);
  return r;
}

const rate = (r: autocannon.Result) => r.requests.total / r.duration;

/**
 * Runs the baseline and the subject in alternating rounds and compares their total rates. On a
 * shared machine the speed drifts by tens of percent within a minute; measured one after the
 * other, the drift would land on whichever ran second. Alternating spreads it over both.
 */
export async function alternate(rounds: number, baseline: () => Promise<autocannon.Result>, subject: () => Promise<autocannon.Result>): Promise<SideBySide> {
  let baseRequests = 0;
  let baseSeconds = 0;
  let subjectRequests = 0;
  let subjectSeconds = 0;
  const roundRatios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const b = await baseline();
    const s = await subject();
    baseRequests += b.requests.total;
    baseSeconds += b.duration;
    subjectRequests += s.requests.total;
    subjectSeconds += s.duration;
    roundRatios.push(Math.round((rate(s) / rate(b)) * 100) / 100);
  }
  const baselineRps = baseRequests / baseSeconds;
  const subjectRps = subjectRequests / subjectSeconds;
  return { baselineRps, subjectRps, ratio: subjectRps / baselineRps, roundRatios };
}
