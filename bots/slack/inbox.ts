import type { IncomingMessage } from 'node:http';
import { defaultBodyLimit, verifySlackRequest } from '@slack/bolt';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../core/ports.js';
import { dbErrorMessage } from '../../db/errors.js';
import type { Inbox, InboxEvent, InboxKey, NewInboxEvent } from '../../db/inbox.js';
import type { Drainer } from './drainer.js';
import { type Json, obj, str } from './payloads.js';
import { slackTenantId } from './tenants.js';

export interface EventInboxDeps {
  signingSecret: string;
  inbox: Inbox;
  drainer: Drainer;
  logger: Logger;
}

/** Slack's ids are short and plain; anything else is not an event we could key (or would want in a database). */
const TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const ORDER_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
/** Rows stored by one insert at most. */
const MAX_BATCH = 200;

const keyOf = (k: InboxKey) => `${k.tenantId}\u0000${k.eventId}`;

/**
 * Events API deliveries (`event_callback`) answered from a durable inbox, the transactional-inbox pattern on Bolt's
 * own port (a receiver hands bodies to `App.processEvent`): the signature and its 5-minute window are checked, the raw
 * event is stored with one insert keyed by (tenant, event id), and Slack gets its 200 as soon as the row is durable;
 * the event then goes through Bolt exactly as before, after the answer. A redelivery finds its row and is only
 * acknowledged. Storage down: 500, and Slack delivers again. Everything else (URL verification, interactivity, the
 * slash command) goes on to Bolt's receiver untouched.
 */
export function createEventInbox({ signingSecret, inbox, drainer, logger }: EventInboxDeps) {
  const store = groupCommit(async (events: NewInboxEvent[]) => {
    const unique = [...new Map(events.map((e) => [keyOf(e), e])).values()];
    const fresh = new Set((await inbox.add(unique, drainer.owner)).map(keyOf));
    // The same event twice in one batch (concurrent redeliveries): only the first one is new.
    return events.map((e) => fresh.delete(keyOf(e)));
  });

  return async function eventInbox(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (req.method !== 'POST' || (req.path !== '/' && req.path !== '') || isForm(req)) {
      next();
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, defaultBodyLimit);
    } catch (error) {
      const tooLarge = (error as { status?: number }).status === 413;
      logger.warn({}, tooLarge ? 'slack: request body too large' : 'slack: request body could not be read');
      res.status(tooLarge ? 413 : 400).send();
      return;
    }
    // Bolt reads `rawBody` when it is there: whatever is not an event goes on to it as if untouched.
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
    const text = raw.toString('utf8');
    try {
      verifySlackRequest({
        signingSecret,
        body: text,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
      });
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'slack: request verification failed');
      res.status(401).send();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      logger.warn({}, 'slack: signed request body is not JSON');
      res.status(400).send();
      return;
    }
    const payload = obj(body);
    if (payload?.type !== 'event_callback') {
      next();
      return;
    }
    const teamId = str(payload.team_id) ?? str(obj(payload.event)?.team);
    const eventId = str(payload.event_id);
    if (!teamId || !TEAM_ID.test(teamId) || !eventId || !EVENT_ID.test(eventId)) {
      logger.warn({}, 'slack: event without a usable team or event id refused');
      res.status(400).send();
      return;
    }
    const event: InboxEvent = {
      tenantId: slackTenantId(teamId),
      eventId,
      body: text,
      orderKey: orderKeyOf(obj(payload.event)),
      attempts: 1,
    };
    let fresh: boolean;
    try {
      fresh = await store(event);
    } catch (error) {
      logger.error({ err: dbErrorMessage(error) }, 'slack: event could not be stored; Slack will deliver it again');
      res.status(500).send();
      return;
    }
    res.status(200).send();
    if (fresh) drainer.accept([event]);
    else {
      logger.debug({ tenantId: event.tenantId, eventId }, 'slack: event delivered again; already stored');
      drainer.adopt(event);
    }
  };
}

/**
 * The thread a message event belongs to (`channel:thread ts`): its events are processed in the order they arrived, so a
 * reply never overtakes the message that opens its conversation, and an edit never overtakes what it edits.
 */
function orderKeyOf(event: Json | null): string | null {
  if (!event) return null;
  const message = obj(event.message) ?? obj(event.previous_message);
  const channel = str(event.channel);
  const thread = str(event.thread_ts) ?? str(message?.thread_ts) ?? str(message?.ts) ?? str(event.ts);
  const key = channel && thread ? `${channel}:${thread}` : null;
  return key && ORDER_KEY.test(key) ? key : null;
}

/** Slack posts interactivity and slash commands as forms; Events API deliveries are JSON (Bolt parses all else so). */
function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Group commit: items arriving in the same round of the event loop (a burst of requests read together) are written
 * by one statement. Each caller still waits for its own item's statement, so nothing is answered before it is
 * durable; batches do not wait for each other, so one slow statement (the database restarting) holds up only its own.
 */
function groupCommit<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];

  function flush(): void {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    if (queue.length > 0) setImmediate(flush);
    write(batch.map((b) => b.item)).then(
      (results) => {
        for (const [i, b] of batch.entries()) b.resolve(results[i] as R);
      },
      (error: unknown) => {
        for (const b of batch) b.reject(error);
      },
    );
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // The rest of this round's requests join the same insert.
      if (queue.length === 1) setImmediate(flush);
    });
}
