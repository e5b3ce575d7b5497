// A fixed-rate load in a process of its own (see fixed-rate-process.ts): reads its options and
// prepared requests from the JSON file named on the command line, prints the result as JSON.
import { readFileSync } from "node:fs";
import { fixedRate, type FixedRateOptions } from "./fixed-rate";

type Prepared = Omit<FixedRateOptions, "request"> & { requests: Array<{ headers: Record<string, string>; body: string }> };

const file = process.argv[2];
if (!file) throw new Error("usage: fixed-rate-child.ts <options.json>");
const { requests, ...options } = JSON.parse(readFileSync(file, "utf8")) as Prepared;
const result = await fixedRate({ ...options, request: (i) => requests[i % requests.length]! });
process.stdout.write(`${JSON.stringify(result)}\n`);
