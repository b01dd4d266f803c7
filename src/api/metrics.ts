import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnalysisQueue } from '../queue/index.js';

export interface MetricsSources {
  queue: AnalysisQueue;
  pendingReview(): Promise<number>;
}

/**
 * Prometheus metrics on a registry of this app's own (several apps in one process, as in tests, do
 * not share counters). Gauges read the queue and the store at scrape time, so they are right for both
 * queue drivers, including BullMQ workers in other processes.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly stored: Counter;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'threadlens_' });
    this.requests = new Counter({ name: 'threadlens_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({
      name: 'threadlens_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.stored = new Counter({ name: 'threadlens_analyses_stored_total', help: 'analyses stored by this process (the result sink)', registers });
    new Gauge({
      name: 'threadlens_queue_jobs',
      help: 'jobs in the analysis queue by state (completed / failed as retained by the queue)',
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await sources.queue.counts();
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'threadlens_queue_depth',
      help: 'jobs waiting to run (waiting + delayed)',
      registers,
      async collect() {
        const c = await sources.queue.counts();
        this.set(c.waiting + c.delayed);
      },
    });
    new Gauge({
      name: 'threadlens_review_items_pending',
      help: 'flagged comments waiting for a moderator',
      registers,
      async collect() {
        this.set(await sources.pendingReview());
      },
    });
  }

  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      this.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      this.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    });
  }
}
