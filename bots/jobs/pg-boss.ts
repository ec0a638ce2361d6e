import PgBoss from 'pg-boss';
import type { JobOptions, JobQueue, Logger } from '../../core/ports.js';
import { silentLogger } from '../../core/ports.js';

export interface PgBossQueueOptions {
  connectionString: string;
  /** pg-boss keeps its tables in their own schema; tests use a private one so their queues stay apart. */
  schema?: string;
  logger?: Logger;
  /** Jobs one process runs at once per queue and kind (keyed or not); each is one polling pg-boss worker. */
  concurrency?: number;
  /** First retry delay in seconds; later ones double (pg-boss backoff, with jitter). */
  retryDelaySeconds?: number;
  /** A running job not finished by then counts as lost (its replica died) and is retried elsewhere. */
  expireInSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Connections pg-boss may hold. */
  maxConnections?: number;
}

/** A retried job must not stay queued forever; enough for a restart or an LLM outage of a few seconds. */
const DEFAULT_RETRY_LIMIT = 3;
const UNFINISHED_STATES = ['created', 'retry', 'active'];
/**
 * pg-boss's 'short' policy keeps at most one *queued* job per singleton key (the in-process contract; a running one does
 * not block its key) but treats a missing key as one shared key. So keyed jobs go to a 'short' sibling queue and the
 * rest to a 'standard' one; workers serve both.
 */
const KEYED_SUFFIX = '__keyed';

/**
 * The job queue of production mode: pg-boss on the application's PostgreSQL, so every replica shares one queue and a
 * crash loses nothing (an unfinished job expires and runs again). Same contract as the in-process queue: handlers get
 * one payload, a job with a singleton key still waiting is not queued twice, failures retry with backoff. Delivery is
 * at least once: handlers must be idempotent (case actions are, by the conversation lock and the one-case constraint).
 */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const logger = options.logger ?? silentLogger;
  const schema = options.schema ?? 'pgboss';
  const concurrency = options.concurrency ?? 3;
  const retryDelay = options.retryDelaySeconds ?? 1;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 0.5;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: options.maxConnections ?? 6,
    application_name: 'autocase-jobs',
    // Cron scheduling is unused; supervision stays on so expired jobs of a dead replica are retried.
    schedule: false,
    expireInSeconds: options.expireInSeconds ?? 120,
  });
  // Without a listener an 'error' event would throw and take the process down while the database restarts.
  boss.on('error', (error: Error) => logger.warn({ err: error.message }, 'job queue error'));
  await boss.start();

  const queues = new Map<string, Promise<void>>();
  const workerIds = new Map<string, string[]>();
  let stopped = false;

  /**
   * Replicas starting together create the same queues at once, and pg-boss's create (insert + partition table in one
   * transaction) can deadlock with itself; it is idempotent, so the loser simply tries again.
   */
  async function createQueueOnce(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, {
          name,
          policy: name.endsWith(KEYED_SUFFIX) ? 'short' : 'standard',
          retryLimit: DEFAULT_RETRY_LIMIT,
          retryDelay,
          retryBackoff: true,
        });
        return;
      } catch (error) {
        if (attempt >= 6) throw error;
        logger.debug({ job: name, attempt, err: errorMessage(error) }, 'creating the job queue again');
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  function ensureQueue(name: string): Promise<void> {
    let created = queues.get(name);
    if (!created) {
      created = createQueueOnce(name);
      created.catch(() => queues.delete(name));
      queues.set(name, created);
    }
    return created;
  }

  return {
    async work(name, handler) {
      for (const queue of [name, `${name}${KEYED_SUFFIX}`]) {
        await ensureQueue(queue);
        const ids: string[] = [];
        for (let i = 0; i < concurrency; i++) {
          const self: { id?: string } = {};
          self.id = await boss.work<object>(queue, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
            try {
              for (const job of jobs) await handler(job.data as never);
            } catch (error) {
              logger.warn({ job: name, err: errorMessage(error) }, 'job failed; pg-boss retries it');
              throw error;
            } finally {
              // More may be waiting: fetch again at once instead of sleeping a polling interval.
              if (self.id) boss.notifyWorker(self.id);
            }
          });
          ids.push(self.id);
        }
        workerIds.set(queue, ids);
      }
    },

    async send(name, payload, opts: JobOptions = {}) {
      if (stopped) throw new Error('job queue is stopped');
      const queue = opts.singletonKey ? `${name}${KEYED_SUFFIX}` : name;
      await ensureQueue(queue);
      const id = await boss.send(queue, payload, {
        retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retryDelay,
        retryBackoff: true,
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      });
      if (id === null) logger.debug({ job: name }, 'job already queued');
      // A local worker can start now rather than at its next poll; any replica's worker may win the job.
      for (const workerId of workerIds.get(queue) ?? []) boss.notifyWorker(workerId);
    },

    async drain() {
      const names = [...queues.keys()];
      if (names.length === 0) return;
      const db = boss.getDb();
      for (;;) {
        const { rows } = await db.executeSql(
          `select count(*)::int as n from ${quoteIdent(schema)}.job where name = any($1) and state::text = any($2)`,
          [names, UNFINISHED_STATES],
        );
        if ((rows[0] as { n: number }).n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      // Graceful: running jobs finish (bounded); unfinished ones stay in the database for another replica.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
