import type { JobOptions, JobQueue, Logger } from '../../core/ports.js';
import { silentLogger } from '../../core/ports.js';

interface Pending {
  name: string;
  payload: object;
  key: string | undefined;
  attempt: number;
  retryLimit: number;
}

/**
 * The job queue of the embedded (PGlite, single process) mode: same contract as pg-boss, in memory. Retries with
 * exponential backoff; a job whose key is already queued is not queued twice.
 */
export function createInProcessQueue(
  options: { logger?: Logger; retryDelayMs?: number; concurrency?: number } = {},
): JobQueue {
  const logger = options.logger ?? silentLogger;
  const baseDelay = options.retryDelayMs ?? 200;
  const concurrency = options.concurrency ?? 8;
  const handlers = new Map<string, (payload: object) => Promise<void>>();
  const queue: Pending[] = [];
  const queuedKeys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let running = 0;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  function settleIdle() {
    if (running === 0 && queue.length === 0 && timers.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function pump() {
    while (!stopped && running < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      if (job.key) queuedKeys.delete(job.key);
      const handler = handlers.get(job.name);
      if (!handler) {
        logger.error({ job: job.name }, 'no worker for job');
        continue;
      }
      running++;
      handler(job.payload)
        .catch((error: unknown) => {
          if (job.attempt >= job.retryLimit) {
            logger.error({ job: job.name, attempt: job.attempt, err: errorMessage(error) }, 'job failed for good');
            return;
          }
          logger.warn({ job: job.name, attempt: job.attempt, err: errorMessage(error) }, 'job failed; retrying');
          const timer = setTimeout(
            () => {
              timers.delete(timer);
              queue.push({ ...job, attempt: job.attempt + 1 });
              pump();
            },
            baseDelay * 2 ** job.attempt,
          );
          timers.add(timer);
        })
        .finally(() => {
          running--;
          pump();
          settleIdle();
        });
    }
    settleIdle();
  }

  return {
    async work(name, handler) {
      handlers.set(name, handler as (payload: object) => Promise<void>);
    },
    async send(name, payload, opts: JobOptions = {}) {
      if (stopped) throw new Error('job queue is stopped');
      if (opts.singletonKey && queuedKeys.has(opts.singletonKey)) return;
      if (opts.singletonKey) queuedKeys.add(opts.singletonKey);
      queue.push({ name, payload, key: opts.singletonKey, attempt: 0, retryLimit: opts.retryLimit ?? 3 });
      queueMicrotask(pump);
    },
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      queue.length = 0;
      settleIdle();
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
