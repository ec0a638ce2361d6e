import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../bots/jobs/in-process.js';
import { createPgBossQueue } from '../../bots/jobs/pg-boss.js';
import type { JobQueue } from '../../core/ports.js';
import { NO_TYPE_FETCH } from '../../db/connect.js';

const databaseUrl = process.env.DATABASE_URL;
/** Private pg-boss schemas, so these queues never meet another test's (or a server's) jobs. */
const schemas: string[] = [];
const queues: JobQueue[] = [];

function privateSchema() {
  const schema = `pgboss_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  schemas.push(schema);
  return schema;
}

interface Kind {
  name: string;
  make(options: { concurrency?: number; schema?: string }): Promise<JobQueue>;
}

const kinds: Kind[] = [
  { name: 'in-process', make: async ({ concurrency }) => createInProcessQueue({ retryDelayMs: 20, concurrency }) },
];
if (databaseUrl) {
  kinds.push({
    name: 'pg-boss',
    make: ({ concurrency, schema }) =>
      createPgBossQueue({
        connectionString: databaseUrl,
        schema: schema ?? privateSchema(),
        concurrency,
        maxConnections: 3,
      }),
  });
}

async function open(kind: Kind, options: { concurrency?: number; schema?: string } = {}) {
  const queue = await kind.make(options);
  queues.push(queue);
  return queue;
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function until(condition: () => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterAll(async () => {
  for (const queue of queues) await queue.stop().catch(() => {});
  if (databaseUrl && schemas.length > 0) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, ...NO_TYPE_FETCH });
    for (const schema of schemas) await sql.unsafe(`drop schema if exists "${schema}" cascade`);
    await sql.end({ timeout: 5 });
  }
});

describe.each(kinds)('job queue contract: $name', (kind) => {
  it('runs each sent job once with its payload, and drain waits for it', async () => {
    const queue = await open(kind);
    const seen: Array<{ n: number; nested: { tags: string[] } }> = [];
    await queue.work<{ n: number; nested: { tags: string[] } }>('contract-run', async (payload) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(payload);
    });
    for (let n = 0; n < 5; n++) await queue.send('contract-run', { n, nested: { tags: ['a', `é${n}`] } });
    await queue.drain();
    expect(seen.map((p) => p.n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(seen.find((p) => p.n === 3)?.nested.tags).toEqual(['a', 'é3']);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const queue = await open(kind);
    let attempts = 0;
    await queue.work('contract-retry', async () => {
      attempts++;
      if (attempts < 3) throw new Error('transient');
    });
    await queue.send('contract-retry', { id: 1 }, { retryLimit: 3 });
    await queue.drain();
    expect(attempts).toBe(3);
  });

  it('gives up after retryLimit retries and drain still settles', async () => {
    const queue = await open(kind);
    let attempts = 0;
    await queue.work('contract-give-up', async () => {
      attempts++;
      throw new Error('permanent');
    });
    await queue.send('contract-give-up', { id: 1 }, { retryLimit: 1 });
    await queue.drain();
    expect(attempts).toBe(2);
  });

  it('collapses queued jobs with the same singleton key, but not running ones or other keys', async () => {
    const queue = await open(kind, { concurrency: 1 });
    const started: string[] = [];
    const blocker = gate();
    await queue.work<{ id: string }>('contract-singleton', async ({ id }) => {
      started.push(id);
      if (id === 'running') await blocker.opened;
    });
    await queue.send('contract-singleton', { id: 'running' }, { singletonKey: 'k' });
    await until(() => started.includes('running'), 'the first job to start');
    // The worker is busy: these wait in the queue. A running job does not block its key.
    await queue.send('contract-singleton', { id: 'queued' }, { singletonKey: 'k' });
    await queue.send('contract-singleton', { id: 'collapsed' }, { singletonKey: 'k' });
    await queue.send('contract-singleton', { id: 'other-key' }, { singletonKey: 'other' });
    blocker.open();
    await queue.drain();
    expect(started.sort()).toEqual(['other-key', 'queued', 'running']);
  });

  it('refuses new work once stopped', async () => {
    const queue = await open(kind);
    await queue.work('contract-stop', async () => {});
    await queue.stop();
    await expect(queue.send('contract-stop', {})).rejects.toThrow(/stopped/);
  });
});

if (databaseUrl) {
  describe('pg-boss across processes', () => {
    it('keeps a job sent before a restart and runs it on the next start', async () => {
      const schema = privateSchema();
      const first = await open(kinds[1]!, { schema });
      await first.send('contract-survive', { id: 'kept' });
      await first.stop();
      const second = await open(kinds[1]!, { schema });
      const seen: string[] = [];
      await second.work<{ id: string }>('contract-survive', async ({ id }) => {
        seen.push(id);
      });
      await until(() => seen.length > 0, 'the kept job');
      await second.drain();
      expect(seen).toEqual(['kept']);
    });

    it('replicas starting together create the same queues at once without failing', async () => {
      const schema = privateSchema();
      const replicas = await Promise.all([1, 2, 3].map(() => open(kinds[1]!, { schema, concurrency: 1 })));
      const seen: string[] = [];
      await Promise.all(
        replicas.flatMap((replica) =>
          ['together-a', 'together-b', 'together-c'].map((name) =>
            replica.work<{ name: string }>(name, async (payload) => {
              seen.push(payload.name);
            }),
          ),
        ),
      );
      await replicas[0]!.send('together-b', { name: 'b' }, { singletonKey: 'k' });
      await until(() => seen.length > 0, 'the job');
      await replicas[0]!.drain();
      expect(seen).toEqual(['b']);
    });

    it('shares one queue between replicas: every job runs exactly once', async () => {
      const schema = privateSchema();
      const replicas = [await open(kinds[1]!, { schema }), await open(kinds[1]!, { schema })];
      const runs = new Map<number, string[]>();
      for (const [index, replica] of replicas.entries()) {
        await replica.work<{ n: number }>('contract-shared', async ({ n }) => {
          await new Promise((r) => setTimeout(r, 10));
          runs.set(n, [...(runs.get(n) ?? []), `replica${index}`]);
        });
      }
      await Promise.all(Array.from({ length: 40 }, (_, n) => replicas[n % 2]!.send('contract-shared', { n })));
      await Promise.all(replicas.map((r) => r.drain()));
      expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
      expect([...runs.values()].every((r) => r.length === 1)).toBe(true);
    });
  });
}
