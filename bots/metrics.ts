import { Counter, Histogram, Registry } from 'prom-client';
import type { CaseStore, JobQueue } from '../core/ports.js';
import type { Predictor } from '../core/predict/port.js';

/**
 * The server's Prometheus metrics (`GET /metrics`). One registry per server rather than prom-client's global one, so
 * several servers in one process (tests) never register a metric twice. Everything is counted by decorating the
 * ports the core already uses (predictor, agent, store, job queue): no counting code inside the core.
 */
export type Metrics = ReturnType<typeof createMetrics>;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    conversationsOpened: new Counter({
      name: 'autocase_conversations_opened_total',
      help: 'Conversations opened, by platform.',
      labelNames: ['platform'] as const,
      registers,
    }),
    casesCreated: new Counter({
      name: 'autocase_cases_created_total',
      help: 'Cases created (by the AI or by hand).',
      registers,
    }),
    predictions: new Counter({
      name: 'autocase_predictions_total',
      help: 'Predictions by outcome: ok, fallback (the configured predictor failed, another answered) or failed.',
      labelNames: ['outcome'] as const,
      registers,
    }),
    predictionSeconds: new Histogram({
      name: 'autocase_prediction_duration_seconds',
      help: 'Time one prediction took, by outcome.',
      labelNames: ['outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    actionSeconds: new Histogram({
      name: 'autocase_action_duration_seconds',
      help: 'Time one agent decision took (accept, update, end, edit, …), by outcome (ok or error).',
      labelNames: ['action', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobsQueued: new Counter({
      name: 'autocase_jobs_queued_total',
      help: 'Background jobs sent to the queue, by job name.',
      labelNames: ['job'] as const,
      registers,
    }),
    jobsRun: new Counter({
      name: 'autocase_jobs_run_total',
      help: 'Background job attempts, by job name and outcome (ok or failed; a failed attempt may be retried).',
      labelNames: ['job', 'outcome'] as const,
      registers,
    }),
    jobSeconds: new Histogram({
      name: 'autocase_job_duration_seconds',
      help: 'Time one background job attempt took.',
      labelNames: ['job'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Times every prediction and counts it by outcome; the prediction itself passes through untouched. */
export function instrumentPredictor(predictor: Predictor, metrics: Metrics): Predictor {
  return {
    name: predictor.name,
    async predict(input) {
      const started = performance.now();
      try {
        const prediction = await predictor.predict(input);
        const outcome = prediction.fallback ? 'fallback' : 'ok';
        metrics.predictions.inc({ outcome });
        metrics.predictionSeconds.observe({ outcome }, seconds(started));
        return prediction;
      } catch (error) {
        metrics.predictions.inc({ outcome: 'failed' });
        metrics.predictionSeconds.observe({ outcome: 'failed' }, seconds(started));
        throw error;
      }
    },
  };
}

/** Times every method of the agent (each is one decision), whichever platform or job called it. */
export function instrumentAgent<A extends object>(agent: A, metrics: Metrics): A {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(agent)) {
    if (typeof method !== 'function') {
      wrapped[name] = method;
      continue;
    }
    wrapped[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        const result = await method(...args);
        metrics.actionSeconds.observe({ action: name, outcome: 'ok' }, seconds(started));
        return result;
      } catch (error) {
        metrics.actionSeconds.observe({ action: name, outcome: 'error' }, seconds(started));
        throw error;
      }
    };
  }
  return wrapped as A;
}

/** Counts opened conversations and created cases where they are stored, and only once their transaction committed. */
export function instrumentStore(store: CaseStore, metrics: Metrics): CaseStore {
  return {
    ...store,
    async openConversation(tenantId, input) {
      const result = await store.openConversation(tenantId, input);
      if (result.created) metrics.conversationsOpened.inc({ platform: result.conversation.platform });
      return result;
    },
    async withConversation(tenantId, conversationId, work) {
      let created = 0;
      const result = await store.withConversation(tenantId, conversationId, (tx) =>
        work({
          get conversation() {
            return tx.conversation;
          },
          getCase: () => tx.getCase(),
          setState: (state, agent) => tx.setState(state, agent),
          writeValues: (caseId, values) => tx.writeValues(caseId, values),
          addEvent: (event) => tx.addEvent(event),
          async createCase(values, createdBy) {
            const kase = await tx.createCase(values, createdBy);
            created++;
            return kase;
          },
        }),
      );
      if (created > 0) metrics.casesCreated.inc(created);
      return result;
    },
  };
}

/** Counts queued jobs and times each attempt. */
export function instrumentJobs(jobs: JobQueue, metrics: Metrics): JobQueue {
  return {
    work<T extends object>(name: string, handler: (payload: T) => Promise<void>) {
      return jobs.work<T>(name, async (payload) => {
        const started = performance.now();
        try {
          await handler(payload);
          metrics.jobsRun.inc({ job: name, outcome: 'ok' });
        } catch (error) {
          metrics.jobsRun.inc({ job: name, outcome: 'failed' });
          throw error;
        } finally {
          metrics.jobSeconds.observe({ job: name }, seconds(started));
        }
      });
    },
    async send(name, payload, options) {
      await jobs.send(name, payload, options);
      metrics.jobsQueued.inc({ job: name });
    },
    drain: () => jobs.drain(),
    stop: () => jobs.stop(),
  };
}
