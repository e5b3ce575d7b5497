import { Registry, Counter, Histogram, collectDefaultMetrics } from "prom-client";

export interface HttpMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
}

/**
 * One registry per server instance (not prom-client's global one), so tests can start several
 * servers in one process without metric name clashes. Features add their own metrics to it.
 */
export function createMetrics(): { registry: Registry; http: HttpMetrics } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "khaibao_" });
  const requests = new Counter({
    name: "khaibao_http_requests_total",
    help: "HTTP requests by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "khaibao_http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // Bounded: routes are patterns (never ids), methods and statuses few.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<string, ReturnType<typeof duration.labels>>();
  return {
    registry,
    http: {
      observe(method, route, status, seconds) {
        // Label children are looked up once per combination: prom-client hashes the label
        // object on every plain inc/observe, a cost paid on each request otherwise.
        const countKey = `${method} ${route} ${status}`;
        let counter = counters.get(countKey);
        if (!counter) counters.set(countKey, (counter = requests.labels({ method, route, status: String(status) })));
        counter.inc();
        const timeKey = `${method} ${route}`;
        let timer = timers.get(timeKey);
        if (!timer) timers.set(timeKey, (timer = duration.labels({ method, route })));
        timer.observe(seconds);
      },
    },
  };
}
