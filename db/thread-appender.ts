import type { ThreadMessage } from '../core/ports.js';
import type { Platform } from '../core/types.js';
import type { Database } from './connect.js';
import type { RawConversationRow } from './raw-rows.js';

/** A conversation row with its message's columns (null when the message was not stored and not found). */
export interface ThreadAppendRow extends RawConversationRow {
  m_created: boolean | null;
  m_id: string | null;
  m_role: string;
  m_author_id: string;
  m_author_name: string;
  m_text: string;
  m_deleted: boolean;
  m_sent_at: string | Date;
}

export interface ThreadAppend {
  tenantId: string;
  platform: Platform;
  threadRef: string;
  message: ThreadMessage;
}

/**
 * Ingest's common case: find the thread of each message, store the message unless the conversation is closed or the
 * message is stored already (then return the stored one), touch the conversation. Every part reads one snapshot, so
 * `known` cannot see `inserted`'s rows. The role is core's: it passes the role without the assignment and whether the
 * assigned agent counts as agent. The conversation's updated_at is its last activity to within a second: touching it
 * for every message made messages to one conversation wait on each other's commits for its row lock.
 */
const APPEND_BATCH = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as i(n int, tenant_id text, platform text, thread_ref text,
      agent_if_assigned boolean, role text, author_id text, author_name text, text text, platform_message_id text,
      sent_at timestamptz)
  ), thread as (
    select i.n, c.* from input i
    join conversations c on c.tenant_id = i.tenant_id and c.platform = i.platform and c.thread_ref = i.thread_ref
  ), inserted as (
    insert into messages (tenant_id, conversation_id, role, author_id, author_name, text, platform_message_id, sent_at)
    select i.tenant_id, t.id,
      case when i.agent_if_assigned and t.assigned_agent->>'id' = i.author_id then 'agent' else i.role end,
      i.author_id, i.author_name, i.text, i.platform_message_id, i.sent_at
    from input i join thread t on t.n = i.n
    where t.state <> 'closed'
    order by i.n
    on conflict (conversation_id, platform_message_id) do nothing
    returning true as created, id, conversation_id, platform_message_id, role, author_id, author_name, text, deleted,
      sent_at
  ), known as (
    select false as created, m.id, m.conversation_id, m.platform_message_id, m.role, m.author_id, m.author_name,
      m.text, m.deleted, m.sent_at
    from input i join thread t on t.n = i.n
    join messages m on m.conversation_id = t.id and m.platform_message_id = i.platform_message_id
      and m.tenant_id = i.tenant_id
  ), touched as (
    update conversations set updated_at = now()
    where id in (select conversation_id from inserted) and updated_at < now() - interval '1 second'
  )
  select t.*, m.created as m_created, m.id as m_id, m.role as m_role, m.author_id as m_author_id,
    m.author_name as m_author_name, m.text as m_text, m.deleted as m_deleted, m.sent_at as m_sent_at
  from thread t join input i on i.n = t.n
  left join (select * from inserted union all select * from known) m
    on m.conversation_id = t.id and m.platform_message_id = i.platform_message_id
  order by t.n, m.created desc`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * jsonb refuses an unpaired surrogate (JSON.stringify writes it as an escape); a text parameter would have stored it as
 * U+FFFD, as UTF-8 encoding does, so it is made that here.
 */
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

interface Waiting extends ThreadAppend {
  resolve(row: ThreadAppendRow | undefined): void;
  reject(error: unknown): void;
}

/**
 * Group commit for ingest: messages that arrive while a batch is being stored wait and go together as the next batch
 * (one statement, one commit), so under load the cost of a statement and a commit is shared, and a lone message goes
 * at once. One batch at a time per process, so two of ours never wait on each other's rows; a batch that fails (a
 * deadlock with another replica's, text jsonb refuses) is retried one message at a time, so one bad message fails
 * alone.
 */
export function createThreadAppender(database: Database, { maxBatch = 64 } = {}) {
  let queue: Waiting[] = [];
  let running = false;

  async function store(batch: ThreadAppend[]): Promise<Array<ThreadAppendRow | undefined>> {
    const input = batch.map(({ tenantId, platform, threadRef, message }, n) => ({
      n,
      tenant_id: wellFormed(tenantId),
      platform,
      thread_ref: wellFormed(threadRef),
      agent_if_assigned: message.agentIfAssigned,
      role: message.role,
      author_id: wellFormed(message.author.id),
      author_name: wellFormed(message.author.name),
      text: wellFormed(message.text),
      platform_message_id: wellFormed(message.platformMessageId),
      sent_at: (message.sentAt ?? new Date()).toISOString(),
    }));
    const rows = await database.query<ThreadAppendRow & { n: number }>(APPEND_BATCH, [JSON.stringify(input)]);
    const byN: Array<ThreadAppendRow | undefined> = new Array(batch.length);
    const claimed = new Set<string>();
    for (const row of rows) {
      if (byN[row.n]) continue; // ordered: the stored row before a known one of the same message
      // The same message twice in one batch: both get the row, only the first is told it was new.
      if (row.m_id && row.m_created) {
        if (claimed.has(row.m_id)) row.m_created = false;
        claimed.add(row.m_id);
      }
      byN[row.n] = row;
    }
    return byN;
  }

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const rows = await store(batch);
        for (const [n, waiting] of batch.entries()) waiting.resolve(rows[n]);
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.reject(error);
          continue;
        }
        await Promise.all(
          batch.map(async (w) => {
            try {
              w.resolve((await store([w]))[0]);
            } catch (single) {
              w.reject(single);
            }
          }),
        );
      }
    }
    running = false;
  }

  return {
    /** The conversation of the message's thread with the message; undefined when there is no such thread. */
    append(append: ThreadAppend): Promise<ThreadAppendRow | undefined> {
      return new Promise((resolve, reject) => {
        queue.push({ ...append, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
