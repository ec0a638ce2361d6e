import { describe, expect, it } from 'vitest';
import { createDrainer, UnprocessableEventError } from '../../bots/slack/drainer.js';
import { createTracker } from '../../bots/slack/tracker.js';
import type { Inbox, InboxEvent, InboxKey } from '../../db/inbox.js';

/** An inbox in memory, recording what the drainer asks of it. */
function memoryInbox(rows: InboxEvent[] = []) {
  const log: string[] = [];
  const state = new Map(rows.map((r) => [r.eventId, { ...r, done: false, parked: false }]));
  const inbox: Inbox = {
    async add() {
      return [];
    },
    async claim(key: InboxKey) {
      const row = state.get(key.eventId);
      if (!row || row.done || row.parked) return null;
      row.attempts++;
      log.push(`claim ${key.eventId} #${row.attempts}`);
      return { tenantId: row.tenantId, eventId: row.eventId, body: row.body, orderKey: null, attempts: row.attempts };
    },
    async claimDue() {
      return [];
    },
    async behind() {
      return false;
    },
    async defer() {},
    async renew(owner) {
      log.push(`renew ${owner}`);
    },
    async release(keys) {
      log.push(`release ${keys.map((k) => k.eventId).join(',')}`);
    },
    async done(keys) {
      for (const k of keys) {
        const row = state.get(k.eventId);
        if (row) row.done = true;
        log.push(`done ${k.eventId}`);
      }
    },
    async fail(key, _owner, { park, error }) {
      const row = state.get(key.eventId);
      if (row && park) row.parked = true;
      log.push(`${park ? 'park' : 'fail'} ${key.eventId}: ${error}`);
    },
    async purge() {},
    async ping() {},
  };
  return { inbox, log, state };
}

function recordingLogger() {
  const lines: Array<{ level: string; obj: object; msg?: string | undefined }> = [];
  const at = (level: string) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

const event = (eventId: string): InboxEvent => ({
  tenantId: 'slack:TDRAIN',
  eventId,
  body: JSON.stringify({ event: { text: 'my card number is 4111 1111 1111 1111' } }),
  orderKey: null,
  attempts: 1,
});

/** A drainer on `inbox` (no sweeps during the test) and the tracker its work is counted on. */
function startDrainer(
  inbox: Inbox,
  process: (e: InboxEvent) => Promise<void>,
  options: {
    logger?: ReturnType<typeof recordingLogger>['logger'];
    maxAttempts?: number;
    concurrency?: number;
    leaseMs?: number;
  } = {},
) {
  const tracker = createTracker();
  const drainer = createDrainer({
    inbox,
    tracker,
    logger: options.logger ?? recordingLogger().logger,
    sweepEveryMs: 60_000,
    process,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  return { drainer, tracker };
}

describe('the inbox drainer', () => {
  it('retries a failing event with backoff until it succeeds, and idle() waits for the retries', async () => {
    const { inbox, log } = memoryInbox([event('Ev1')]);
    let calls = 0;
    const { drainer, tracker } = startDrainer(inbox, async () => {
      calls++;
      if (calls < 3) throw new Error('database unreachable');
    });
    drainer.accept([event('Ev1')]);
    await tracker.idle();
    expect(calls).toBe(3);
    expect(log).toEqual([
      'fail Ev1: database unreachable',
      'claim Ev1 #2',
      'fail Ev1: database unreachable',
      'claim Ev1 #3',
      'done Ev1',
    ]);
    await drainer.stop();
  });

  it('parks an event that keeps failing after maxAttempts, and one that can never be processed at once; logs no customer text above debug', async () => {
    const { inbox, log, state } = memoryInbox([event('EvBad'), event('EvUnreadable')]);
    const { lines, logger } = recordingLogger();
    const process = async (e: InboxEvent) => {
      if (e.eventId === 'EvUnreadable') throw new UnprocessableEventError('TypeError');
      throw new Error(`cannot handle ${e.body}`);
    };
    const { drainer, tracker } = startDrainer(inbox, process, { logger, maxAttempts: 3 });
    drainer.accept([event('EvBad'), event('EvUnreadable')]);
    await tracker.idle();
    expect(state.get('EvBad')).toMatchObject({ attempts: 3, parked: true, done: false });
    expect(state.get('EvUnreadable')).toMatchObject({ attempts: 1, parked: true, done: false });
    expect(log.filter((l) => l.startsWith('claim EvUnreadable'))).toEqual([]);
    expect(lines.some((l) => l.level === 'error' && l.msg?.includes('parked'))).toBe(true);
    const visible = JSON.stringify(lines.filter((l) => l.level !== 'debug'));
    expect(visible).not.toContain('4111');
    await drainer.stop();
  });

  it('processes each event once even when it is handed over twice', async () => {
    const { inbox } = memoryInbox([event('EvDup')]);
    let calls = 0;
    const { drainer, tracker } = startDrainer(inbox, async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    drainer.accept([event('EvDup')]);
    drainer.accept([event('EvDup')]);
    await tracker.idle();
    expect(calls).toBe(1);
    await drainer.stop();
  });

  it('renews its leases while it holds events, so slow processing is not taken over, and stops renewing when idle', async () => {
    const { inbox, log } = memoryInbox([event('EvSlow')]);
    const { drainer, tracker } = startDrainer(inbox, () => new Promise((resolve) => setTimeout(resolve, 400)), {
      leaseMs: 300,
    });
    drainer.start();
    drainer.accept([event('EvSlow')]);
    await tracker.idle();
    const renewals = log.filter((l) => l === `renew ${drainer.owner}`).length;
    // A lease of 300 ms is renewed every 100 ms: at least twice during 400 ms of processing.
    expect(renewals).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(log.filter((l) => l.startsWith('renew')).length).toBe(renewals);
    await drainer.stop();
  });

  it('hands back what it has not started when it stops, and lets what is running finish', async () => {
    const { inbox, log, state } = memoryInbox([event('EvA'), event('EvB'), event('EvC')]);
    let release!: () => void;
    const started: string[] = [];
    const { drainer, tracker } = startDrainer(
      inbox,
      (e) => {
        started.push(e.eventId);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      { concurrency: 1 },
    );
    drainer.accept([event('EvA'), event('EvB'), event('EvC')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual(['EvA']);
    const stopped = drainer.stop();
    release();
    await stopped;
    await tracker.idle();
    expect(log).toContain('release EvB,EvC');
    expect(started).toEqual(['EvA']);
    expect(state.get('EvA')?.done).toBe(true);
    expect(state.get('EvB')?.done).toBe(false);
  });
});
