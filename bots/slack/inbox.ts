import type { ServerResponse } from 'node:http';
import type { Logger } from '../../core/ports.js';
import { dbErrorMessage } from '../../db/errors.js';
import type { Inbox, InboxEvent, InboxKey, NewInboxEvent } from '../../db/inbox.js';
import type { Drainer } from './drainer.js';
import { type Json, obj, str } from './payloads.js';
import { answer } from './signed-body.js';
import { slackTenantId } from './tenants.js';

export interface EventInboxDeps {
  inbox: Inbox;
  drainer: Drainer;
  logger: Logger;
}

/** Slack's ids are short and plain; anything else is not an event we could key (or would want in a database). */
const TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const ORDER_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
/** Rows sent in one insert at most, as soon as that many are waiting. */
const FLUSH_AT = 32;

const keyOf = (k: InboxKey) => `${k.tenantId}\u0000${k.eventId}`;

/**
 * Events API deliveries (`event_callback`, signature already checked) answered from a durable inbox, the
 * transactional-inbox pattern on Bolt's own port (a receiver hands bodies to `App.processEvent`): the raw event is
 * stored with one insert keyed by (tenant, event id), and Slack gets its 200 as soon as the row is durable; the event
 * then goes through Bolt exactly as before, after the answer. A redelivery finds its row and is only acknowledged.
 * Storage down: 500, and Slack delivers again.
 */
export function createEventInbox({ inbox, drainer, logger }: EventInboxDeps) {
  const store = groupCommit(async (events: NewInboxEvent[]) => {
    const unique = [...new Map(events.map((e) => [keyOf(e), e])).values()];
    const fresh = new Set((await inbox.add(unique, drainer.owner)).map(keyOf));
    // The same event twice in one batch (concurrent redeliveries): only the first one is new.
    return events.map((e) => fresh.delete(keyOf(e)));
  });

  /** Stores one delivery (`text` is its signed body, `payload` that parsed) and answers Slack. */
  return async function takeEvent(payload: Json, text: string, res: ServerResponse): Promise<void> {
    const teamId = str(payload.team_id) ?? str(obj(payload.event)?.team);
    const eventId = str(payload.event_id);
    if (!teamId || !TEAM_ID.test(teamId) || !eventId || !EVENT_ID.test(eventId)) {
      logger.warn({}, 'slack: event without a usable team or event id refused');
      answer(res, 400);
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
      answer(res, 500);
      return;
    }
    answer(res, 200);
    if (fresh) drainer.accept([event]);
    else {
      logger.debug({ tenantId: event.tenantId, eventId }, 'slack: event delivered again; already stored');
      drainer.adopt(event);
    }
  };
}

export type EventInbox = ReturnType<typeof createEventInbox>;

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

/**
 * Group commit: items arriving in the same round of the event loop (a burst of requests read together) are written
 * by one statement, and a round that goes on reading sends each `FLUSH_AT` items as soon as they are there, so the
 * database stores them while the rest of the burst is still being read. Each caller still waits for its own item's
 * statement, so nothing is answered before it is durable; batches do not wait for each other, so one slow statement
 * (the database restarting) holds up only its own.
 */
function groupCommit<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
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
      if (queue.length >= FLUSH_AT) flush();
      else if (!scheduled) {
        // The rest of this round's requests join the same insert.
        scheduled = true;
        setImmediate(flush);
      }
    });
}
