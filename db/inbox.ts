import { type SQL, sql } from 'drizzle-orm';
import type { Database } from './connect.js';

export interface InboxKey {
  tenantId: string;
  eventId: string;
}

export interface NewInboxEvent extends InboxKey {
  /** The raw request body as signed. */
  body: string;
  /** Events with the same key are processed in the order they were stored (null: no order to keep). */
  orderKey: string | null;
}

export interface InboxEvent extends NewInboxEvent {
  /** Processing attempts started, this one included. */
  attempts: number;
}

/**
 * The durable inbox of platform events (`inbox_events`). Every write is one statement; a row is held by one replica at
 * a time through a lease (`claimed_by`, `claimed_at`) that another replica may take over once it has expired.
 */
export interface Inbox {
  /**
   * Stores events already claimed by `owner`, in one multi-row insert; an event stored before (a redelivery) is left as
   * it is. Returns the keys that were new.
   */
  add(events: NewInboxEvent[], owner: string): Promise<InboxKey[]>;
  /**
   * Claims one event for `owner` again (its own retry), unless it is done, parked or held by another live lease; with
   * `evenIfMine` false, not one `owner` itself holds either (a redelivery of an event this replica is already on).
   */
  claim(key: InboxKey, owner: string, leaseMs: number, evenIfMine?: boolean): Promise<InboxEvent | null>;
  /**
   * Claims up to `limit` due events that nobody holds (or whose holder's lease expired), oldest due first; an event
   * waiting behind an earlier one with its order key is left for later.
   */
  claimDue(owner: string, limit: number, leaseMs: number): Promise<InboxEvent[]>;
  /** True while an earlier event with the same order key is neither processed nor parked. */
  behind(key: InboxKey): Promise<boolean>;
  /** Gives a claimed event back, to be tried again in `retryInMs` without counting this as an attempt. */
  defer(key: InboxKey, owner: string, retryInMs: number): Promise<void>;
  /**
   * Extends the lease on every event `owner` holds (queued, processing or waiting to retry), so processing that takes
   * longer than a lease is not taken over by another replica while it is still going on.
   */
  renew(owner: string): Promise<void>;
  /** Gives events `owner` holds but has not started back to any replica at once (a graceful shutdown). */
  release(keys: InboxKey[], owner: string): Promise<void>;
  /** Marks events processed. */
  done(keys: InboxKey[]): Promise<void>;
  /** Gives a failed event back: due again in `retryInMs`, or parked for good. */
  fail(key: InboxKey, owner: string, outcome: { retryInMs: number; park: boolean; error: string }): Promise<void>;
  /** Drops processed events older than `olderThanMs` (they only served to recognise redeliveries). */
  purge(olderThanMs: number): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

interface Row {
  tenant_id: string;
  event_id: string;
  body: string;
  order_key: string | null;
  attempts: number;
}

/** postgres.js returns the rows themselves, PGlite an object holding them. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

const toEvent = (r: Row): InboxEvent => ({
  tenantId: r.tenant_id,
  eventId: r.event_id,
  body: r.body,
  orderKey: r.order_key,
  attempts: Number(r.attempts),
});
const keyList = (keys: InboxKey[]): SQL =>
  sql.join(
    keys.map((k) => sql`(${k.tenantId}, ${k.eventId})`),
    sql`, `,
  );
/** The holder's lease has run out: it crashed, or is too slow to be waited for. */
const leaseExpired = (leaseMs: number): SQL => sql`claimed_at < now() - ${leaseMs}::int * interval '1 millisecond'`;
/** An earlier event of `row`'s order key still to be processed. */
const earlierPending = (row: string): SQL =>
  sql.raw(`exists (
  select 1 from inbox_events e
  where e.tenant_id = ${row}.tenant_id and e.order_key = ${row}.order_key and e.seq < ${row}.seq
    and e.processed_at is null and e.parked_at is null)`);

/**
 * One prepared statement whatever the batch size (a multi-row VALUES list is a new statement to parse and plan for
 * every size): the rows travel as one JSON array. They take their sequence numbers in the order they arrived in.
 */
const ADD_EVENTS = `
  insert into inbox_events (tenant_id, event_id, body, order_key, attempts, claimed_by, claimed_at)
  select i.tenant_id, i.event_id, i.body, i.order_key, 1, $2, now()
  from jsonb_to_recordset($1::jsonb) as i(n int, tenant_id text, event_id text, body text, order_key text)
  order by i.n
  on conflict (tenant_id, event_id) do nothing
  returning tenant_id, event_id`;

const RENEW = `
  update inbox_events set claimed_at = now()
  where claimed_by = $1 and processed_at is null and parked_at is null`;

export function createInbox(database: Database): Inbox {
  const { db } = database;
  return {
    async add(events, owner) {
      if (events.length === 0) return [];
      const rows = events.map((e, n) => ({
        n,
        tenant_id: e.tenantId,
        event_id: e.eventId,
        body: e.body,
        order_key: e.orderKey,
      }));
      const result = await database.query<Row>(ADD_EVENTS, [JSON.stringify(rows), owner]);
      return result.map((r) => ({ tenantId: r.tenant_id, eventId: r.event_id }));
    },

    async claim(key, owner, leaseMs, evenIfMine = true) {
      const result = await db.execute(sql`
        update inbox_events set claimed_by = ${owner}, claimed_at = now(), attempts = attempts + 1
        where tenant_id = ${key.tenantId} and event_id = ${key.eventId}
          and processed_at is null and parked_at is null
          and (claimed_at is null or (${evenIfMine} and claimed_by = ${owner}) or ${leaseExpired(leaseMs)})
        returning tenant_id, event_id, body, order_key, attempts`);
      const [row] = rowsOf<Row>(result);
      return row ? toEvent(row) : null;
    },

    async claimDue(owner, limit, leaseMs) {
      // SKIP LOCKED: replicas sweeping at the same moment each take different rows instead of waiting on each other.
      const result = await db.execute(sql`
        update inbox_events i set claimed_by = ${owner}, claimed_at = now(), attempts = i.attempts + 1
        from (
          select tenant_id, event_id from inbox_events me
          where processed_at is null and parked_at is null and next_attempt_at <= now()
            and (claimed_at is null or ${leaseExpired(leaseMs)})
            and not ${earlierPending('me')}
          order by next_attempt_at
          limit ${limit}
          for update skip locked
        ) due
        where i.tenant_id = due.tenant_id and i.event_id = due.event_id
        returning i.tenant_id, i.event_id, i.body, i.order_key, i.attempts`);
      return rowsOf<Row>(result).map(toEvent);
    },

    async behind(key) {
      const result = await db.execute(sql`
        select ${earlierPending('me')} as behind from inbox_events me
        where me.tenant_id = ${key.tenantId} and me.event_id = ${key.eventId} and me.order_key is not null`);
      return Boolean(rowsOf<{ behind: boolean }>(result)[0]?.behind);
    },

    async defer(key, owner, retryInMs) {
      await db.execute(sql`
        update inbox_events set
          claimed_by = null, claimed_at = null, attempts = greatest(attempts - 1, 0),
          next_attempt_at = now() + ${retryInMs}::int * interval '1 millisecond'
        where tenant_id = ${key.tenantId} and event_id = ${key.eventId} and claimed_by = ${owner}`);
    },

    async renew(owner) {
      await database.query(RENEW, [owner]);
    },

    async release(keys, owner) {
      if (keys.length === 0) return;
      // The claim counted an attempt that never started.
      await db.execute(sql`
        update inbox_events set claimed_by = null, claimed_at = null, attempts = greatest(attempts - 1, 0)
        where claimed_by = ${owner} and (tenant_id, event_id) in (${keyList(keys)})`);
    },

    async done(keys) {
      if (keys.length === 0) return;
      await db.execute(sql`
        update inbox_events set processed_at = now(), claimed_by = null, claimed_at = null, last_error = null
        where (tenant_id, event_id) in (${keyList(keys)})`);
    },

    async fail(key, owner, { retryInMs, park, error }) {
      await db.execute(sql`
        update inbox_events set
          claimed_by = null, claimed_at = null, last_error = ${error.slice(0, 500)},
          next_attempt_at = now() + ${retryInMs}::int * interval '1 millisecond',
          parked_at = ${park ? sql`now()` : sql`null`}
        where tenant_id = ${key.tenantId} and event_id = ${key.eventId} and claimed_by = ${owner}`);
    },

    async ping() {
      await db.execute(sql`select 1`);
    },

    async purge(olderThanMs) {
      await db.execute(sql`
        delete from inbox_events where processed_at < now() - ${olderThanMs}::bigint * interval '1 millisecond'`);
    },
  };
}
