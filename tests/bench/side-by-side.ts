import type autocannon from "autocannon";

export interface SideBySide {
  baselineRps: number;
  subjectRps: number;
  /** subject / baseline over all rounds. */
  ratio: number;
  /** The same ratio per round, to show how much the machine drifted during the run. */
  roundRatios: number[];
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
