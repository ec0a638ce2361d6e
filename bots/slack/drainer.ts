import { randomUUID } from 'node:crypto';
import type { Logger } from '../../core/ports.js';
import { dbErrorMessage } from '../../db/errors.js';
import type { Inbox, InboxEvent, InboxKey } from '../../db/inbox.js';
import { createLimiter, type Tracker } from './tracker.js';

/** Thrown by `process` for an event that can never be processed (it is unreadable): parked at once, not retried. */
export class UnprocessableEventError extends Error {
  constructor(readonly reason: string) {
    super(`event cannot be processed: ${reason}`);
  }
}

export interface DrainerOptions {
  inbox: Inbox;
  /** Processes one stored event; throws to have it retried, or an UnprocessableEventError to park it. */
  process(event: InboxEvent): Promise<void>;
  tracker: Tracker;
  logger: Logger;
  /** Events processed at once: the rest wait, so a burst of events does not starve the acks of the next requests. */
  concurrency?: number;
  /** How long a claim holds a row before another replica may take it over. */
  leaseMs?: number;
  /** How often to look for events nobody is processing (a replica crashed, a retry is due). */
  sweepEveryMs?: number;
  /** Processing attempts before an event is parked. */
  maxAttempts?: number;
  /** Resolves when processing may start (the adapter lets requests being answered go first). */
  ready?: () => Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60_000;
/** Long enough to recognise every redelivery (Slack retries within the hour). */
const KEEP_PROCESSED_MS = 24 * 60 * 60_000;
const MAX_BACKOFF_MS = 10_000;
/** Waits for an earlier event of the same order key (~1 min) before leaving the event to a later sweep. */
const MAX_DEFERRALS = 32;
/** The outcome of an attempt that found an earlier event of its order key still pending. */
const BEHIND = Symbol('behind');

const backoff = (attempt: number) => Math.min(250 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
const keyOf = (k: InboxKey) => `${k.tenantId}\u0000${k.eventId}`;

/**
 * Processes inbox events after they were acknowledged: the ones this replica just stored at once, and — on start and
 * every sweep — any event left unprocessed by a crash or a failure. Failures retry with backoff; an event that keeps
 * failing is parked and logged. Every step (waiting for a slot, retries included) is tracked, so `idle()` covers it.
 */
export function createDrainer(options: DrainerOptions) {
  const { inbox, tracker, logger } = options;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 60_000;
  const sweepEveryMs = options.sweepEveryMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 6;
  /** This process's name on its claims. */
  const owner = `replica-${randomUUID()}`;
  /** Events this replica holds: queued, processing or waiting to retry. */
  const held = new Map<string, InboxKey>();
  /** Of those, the ones whose attempt is running now. */
  const running = new Set<string>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let lastPurge = 0;
  const slot = createLimiter(concurrency, options.ready);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        stopping.signal.removeEventListener('abort', wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      stopping.signal.addEventListener('abort', wake);
    });

  /** One processing attempt; the error, null when the event is done, BEHIND when it must wait for an earlier one. */
  async function attempt(event: InboxEvent): Promise<unknown> {
    running.add(keyOf(event));
    try {
      // A thread's first message is processed before its replies, even when another replica stored it.
      if (event.orderKey !== null && (await inbox.behind(event))) return BEHIND;
      await options.process(event);
      await inbox.done([event]);
      return null;
    } catch (error) {
      return error ?? new Error('failed');
    } finally {
      running.delete(keyOf(event));
    }
  }

  let outage: Promise<void> | null = null;
  /**
   * Resolves once the database answers again. One probe for the whole replica, slowly: every failed query also makes
   * the driver wait longer before its next connection attempt, for the requests too.
   */
  function databaseBack(): Promise<void> {
    outage ??= (async () => {
      for (let tries = 1; !stopping.signal.aborted; tries++) {
        await sleep(Math.min(1_000 * tries, MAX_BACKOFF_MS));
        try {
          await inbox.ping();
          return;
        } catch {
          // still away
        }
      }
    })().finally(() => {
      outage = null;
    });
    return outage;
  }

  /**
   * Claims the event again for its retry; null when it is no longer this replica's to process. While the database is
   * away this waits for it (the row is this replica's; nobody else can process it either), until the replica stops.
   */
  async function reclaim(key: InboxKey): Promise<InboxEvent | null> {
    while (!stopping.signal.aborted) {
      if (outage) await outage;
      try {
        return await inbox.claim(key, owner, leaseMs);
      } catch (error) {
        if (!outage) logger.warn({ err: dbErrorMessage(error) }, 'inbox: cannot reach the database; waiting for it');
        await databaseBack();
      }
    }
    return null;
  }

  async function drain(first: InboxEvent): Promise<void> {
    let event: InboxEvent | null = first;
    let deferrals = 0;
    while (event && !stopping.signal.aborted) {
      const current: InboxEvent = event;
      const error = await slot(() => (stopping.signal.aborted ? Promise.resolve(null) : attempt(current)));
      if (error === null) return;
      if (error === BEHIND) {
        deferrals++;
        const wait = Math.min(25 * 2 ** Math.min(deferrals, 7), 2_000);
        await inbox.defer(current, owner, wait).catch(() => {}); // else its lease runs out and a sweep takes it
        if (deferrals >= MAX_DEFERRALS) {
          logger.info(
            { tenantId: current.tenantId, eventId: current.eventId },
            'inbox: event still waiting; left to a sweep',
          );
          return;
        }
        await sleep(wait);
        event = stopping.signal.aborted ? null : await reclaim(current);
        continue;
      }
      const unprocessable = error instanceof UnprocessableEventError;
      const park = unprocessable || current.attempts >= maxAttempts;
      const wait = backoff(current.attempts);
      const context = { tenantId: current.tenantId, eventId: current.eventId, attempts: current.attempts };
      // The error message may quote the event; it goes to debug, the rest of the line does not.
      logger.debug({ ...context, err: dbErrorMessage(error) }, 'inbox: event processing failed');
      await inbox.fail(current, owner, { retryInMs: wait, park, error: dbErrorMessage(error) }).catch(() => {}); // the database is away: the lease runs out and a sweep takes it again
      if (unprocessable) {
        logger.warn({ ...context, reason: error.reason }, 'inbox: event cannot be processed; parked');
        return;
      }
      if (park) {
        logger.error(context, 'inbox: event failed too often and was parked');
        return;
      }
      logger.warn({ ...context, retryInMs: wait }, 'inbox: event processing failed; retrying');
      await sleep(wait);
      event = stopping.signal.aborted ? null : await reclaim(current);
    }
  }

  /** Processes events claimed for this replica (fresh from a request, or by a sweep), unless already held. */
  function accept(events: InboxEvent[]): void {
    for (const event of events) {
      const key = keyOf(event);
      if (held.has(key)) continue;
      held.set(key, { tenantId: event.tenantId, eventId: event.eventId });
      void tracker.run(() => drain(event)).finally(() => held.delete(key));
    }
  }

  /**
   * A redelivered event: processed here if nobody is on it — its first answer may never have reached Slack (stored,
   * then the connection failed), leaving a row no live replica holds.
   */
  function adopt(key: InboxKey): void {
    if (held.has(keyOf(key)) || stopping.signal.aborted) return;
    void tracker
      .run(async () => {
        // Not one this replica holds: its first delivery, stored by this replica, may be answered a moment after a
        // concurrent redelivery and is accepted on that path (taking it here too counted a second attempt).
        const event = await inbox.claim(key, owner, leaseMs, false);
        if (event) accept([event]);
      })
      .catch((error: unknown) => logger.warn({ err: dbErrorMessage(error) }, 'inbox: redelivered event not claimed'));
  }

  async function sweep(): Promise<void> {
    try {
      const limit = concurrency * 8;
      const due = (await inbox.claimDue(owner, limit, leaseMs)).filter((e) => !held.has(keyOf(e)));
      if (due.length > 0) logger.info({ events: due.length }, 'inbox: picking up unprocessed events');
      accept(due);
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await inbox.purge(KEEP_PROCESSED_MS);
      }
    } catch (error) {
      logger.warn({ err: dbErrorMessage(error) }, 'inbox: sweep failed; trying again later');
    }
  }

  /** Keeps this replica's leases alive while it holds events (a third of a lease apart, so one miss is survived). */
  function beat(): void {
    heartbeat = setTimeout(() => {
      if (stopping.signal.aborted) return;
      const renewing = held.size > 0 ? inbox.renew(owner) : Promise.resolve();
      void renewing
        .catch((error: unknown) => logger.warn({ err: dbErrorMessage(error) }, 'inbox: leases not renewed'))
        .finally(beat);
    }, leaseMs / 3);
    heartbeat.unref();
  }

  function schedule(): void {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      void tracker.run(sweep).finally(schedule);
    }, sweepEveryMs);
    timer.unref();
  }

  return {
    owner,
    accept,
    adopt,
    /** Looks for unprocessed events now, then every `sweepEveryMs`. */
    start(): void {
      void tracker.run(sweep).finally(schedule);
      beat();
    },
    /**
     * Stops sweeping and retrying. What is running finishes here; what waits (queued, or between retries) is handed
     * back at once, so another replica can take it now instead of when its lease runs out.
     */
    async stop(): Promise<void> {
      stopping.abort();
      clearTimeout(timer);
      clearTimeout(heartbeat);
      const waiting = [...held].filter(([key]) => !running.has(key)).map(([, k]) => k);
      await inbox.release(waiting, owner).catch((error: unknown) => {
        logger.warn({ err: dbErrorMessage(error) }, 'inbox: waiting events not released; their leases will run out');
      });
    },
  };
}

export type Drainer = ReturnType<typeof createDrainer>;
