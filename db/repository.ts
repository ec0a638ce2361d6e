import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../core/errors.js';
import { defaultFields } from '../core/fields.js';
import type {
  CaseStore,
  ConversationFilter,
  NewMessage,
  OpenConversationInput,
  ThreadAppendResult,
  ThreadMessage,
} from '../core/ports.js';
import {
  type Case,
  type CaseEvent,
  type CaseEventType,
  type CaseFieldValue,
  type Conversation,
  type ConversationState,
  DEFAULT_SETTINGS,
  type FieldDefinition,
  type FieldType,
  type Message,
  type MessageRole,
  type Platform,
  type TenantSettings,
  type ValueSource,
} from '../core/types.js';
import type { Database, Db } from './connect.js';
import { withConversationTx } from './conversation-tx.js';
import { withPgSafeText } from './pg-text.js';
import { rawConversation, toDate } from './raw-rows.js';
import {
  caseEvents,
  caseFieldValues,
  cases,
  conversations,
  fieldDefinitions,
  messages,
  processedEvents,
  tenantSettings,
  tenants,
} from './schema.js';
import type { TenantCache } from './tenant-cache.js';
import { createThreadAppender } from './thread-appender.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from platform payloads; a malformed one is "not found", not a database error. */
const isUuid = (id: string) => typeof id === 'string' && UUID.test(id);

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;
type CaseRow = typeof cases.$inferSelect;
type ValueRow = typeof caseFieldValues.$inferSelect;
type EventRow = typeof caseEvents.$inferSelect;
// biome-ignore lint/suspicious/noExplicitAny: a transaction and the database share the query API
type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0] | any;

/** A message row as the raw append statement returns it (null columns when the message was already stored). */
interface AppendedRow {
  owner_id: string;
  id: string | null;
  role: string;
  author_id: string;
  author_name: string;
  text: string;
  platform_message_id: string;
  deleted: boolean;
  sent_at: string | Date;
}

/** postgres.js returns the rows themselves, PGlite an object holding them. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    tenantId: row.tenantId,
    platform: row.platform as Platform,
    channelId: row.channelId,
    threadRef: row.threadRef,
    state: row.state as ConversationState,
    assignedAgent: row.assignedAgent ?? null,
    customer: row.customer ?? null,
    escalation: row.escalation ?? null,
    cardRef: row.cardRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role as MessageRole,
    author: { id: row.authorId, name: row.authorName },
    text: row.text,
    platformMessageId: row.platformMessageId,
    deleted: row.deleted,
    sentAt: row.sentAt,
  };
}

function toCase(row: CaseRow, values: ValueRow[]): Case {
  const byKey: Record<string, CaseFieldValue> = {};
  for (const v of values) {
    byKey[v.key] = {
      key: v.key,
      value: v.value,
      source: v.source as ValueSource,
      confidence: v.confidence,
      evidence: v.evidence,
      updatedBy: v.updatedBy,
      updatedAt: v.updatedAt,
    };
  }
  return {
    id: row.id,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    number: row.number,
    values: byKey,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toEvent(row: EventRow): CaseEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    caseId: row.caseId,
    type: row.type as CaseEventType,
    actor: row.actor,
    data: row.data,
    at: row.at,
  };
}

function toField(row: typeof fieldDefinitions.$inferSelect): FieldDefinition {
  const field: FieldDefinition = {
    key: row.key,
    label: row.label,
    type: row.type as FieldType,
    required: row.required,
    aiManaged: row.aiManaged,
  };
  if (row.hint) field.hint = row.hint;
  if (row.options) field.options = row.options;
  return field;
}

/** The case and its values in one statement (one row per value). */
function caseQuery(q: Queryable, tenantId: unknown, conversationId: unknown) {
  return q
    .select({ kase: cases, value: caseFieldValues })
    .from(cases)
    .leftJoin(caseFieldValues, and(eq(caseFieldValues.caseId, cases.id), eq(caseFieldValues.tenantId, cases.tenantId)))
    .where(and(eq(cases.tenantId, tenantId as string), eq(cases.conversationId, conversationId as string)));
}

function caseOf(rows: Array<{ kase: CaseRow; value: ValueRow | null }>): Case | null {
  if (rows.length === 0) return null;
  return toCase(
    rows[0]!.kase,
    rows.flatMap((r) => (r.value ? [r.value] : [])),
  );
}

async function readFields(q: Queryable, tenantId: string): Promise<FieldDefinition[]> {
  const rows = await q
    .select()
    .from(fieldDefinitions)
    .where(eq(fieldDefinitions.tenantId, tenantId))
    .orderBy(asc(fieldDefinitions.position));
  return rows.map(toField);
}

function toSettings(row: typeof tenantSettings.$inferSelect | undefined): TenantSettings {
  if (!row) return { ...DEFAULT_SETTINGS, agents: [] };
  return {
    protectManualEdits: row.protectManualEdits,
    confidenceThreshold: row.confidenceThreshold,
    phoneRegion: row.phoneRegion,
    agents: row.agents,
  };
}

/** The PostgreSQL implementation of core's storage port; works on postgres.js and PGlite alike. */
export interface RepositoryOptions {
  /** Tenants' fields and settings from a per-process cache (see tenant-cache.ts); without it, every read asks. */
  tenantCache?: TenantCache;
}

export function createRepository(database: Database, { tenantCache }: RepositoryOptions = {}): CaseStore {
  const { db } = database;
  // Every ingested message reads the settings and finds its thread: prepared once, they skip rebuilding the SQL,
  // which is most of the cost of a query on the client (see npm run bench).
  const hot = {
    settings: db
      .select()
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, sql.placeholder('tenantId')))
      .prepare('autocase_settings'),
    thread: db
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.tenantId, sql.placeholder('tenantId')),
          eq(conversations.platform, sql.placeholder('platform')),
          eq(conversations.threadRef, sql.placeholder('threadRef')),
        ),
      )
      .prepare('autocase_thread'),
    conversation: db
      .select()
      .from(conversations)
      .where(and(eq(conversations.tenantId, sql.placeholder('tenantId')), eq(conversations.id, sql.placeholder('id'))))
      .prepare('autocase_conversation'),
    messages: db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.tenantId, sql.placeholder('tenantId')),
          eq(messages.conversationId, sql.placeholder('conversationId')),
        ),
      )
      .orderBy(asc(messages.position))
      .prepare('autocase_messages'),
    kase: caseQuery(db, sql.placeholder('tenantId'), sql.placeholder('conversationId')).prepare('autocase_case'),
    events: db
      .select()
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.tenantId, sql.placeholder('tenantId')),
          eq(caseEvents.conversationId, sql.placeholder('conversationId')),
        ),
      )
      .orderBy(asc(caseEvents.position))
      .prepare('autocase_events'),
  };
  const appender = createThreadAppender(database);
  const fieldsOf = (tenantId: string, options?: { fresh?: boolean }) =>
    tenantCache && !options?.fresh
      ? tenantCache.fields(tenantId, () => readFields(db, tenantId))
      : readFields(db, tenantId);
  const loadSettings = async (tenantId: string) => toSettings((await hot.settings.execute({ tenantId }))[0]);
  /**
   * Read-modify-write of a tenant's settings under the row's lock, read from the table (not the cache): concurrent
   * admin changes on any replica apply one after the other instead of overwriting each other.
   */
  async function changeSettingsLocked(
    tenantId: string,
    change: (current: TenantSettings) => TenantSettings,
  ): Promise<{ before: TenantSettings; after: TenantSettings }> {
    const result = await db.transaction(async (tx: Queryable) => {
      await tx
        .insert(tenantSettings)
        .values({ tenantId, ...DEFAULT_SETTINGS, agents: [] })
        .onConflictDoNothing();
      const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).for('update');
      const before = toSettings(row);
      const after = change(before);
      await tx.update(tenantSettings).set(after).where(eq(tenantSettings.tenantId, tenantId));
      return { before, after };
    });
    tenantCache?.invalidate(tenantId);
    return result;
  }

  const settingsOf = (tenantId: string) =>
    tenantCache ? tenantCache.settings(tenantId, () => loadSettings(tenantId)) : loadSettings(tenantId);
  const conversationOf = async (tenantId: string, id: string) => {
    const [row] = await hot.conversation.execute({ tenantId, id });
    return row ? toConversation(row) : null;
  };

  async function writeFields(q: Queryable, tenantId: string, fields: FieldDefinition[]) {
    await q.delete(fieldDefinitions).where(eq(fieldDefinitions.tenantId, tenantId));
    if (fields.length === 0) return;
    await q.insert(fieldDefinitions).values(
      fields.map((f, position) => ({
        tenantId,
        key: f.key,
        position,
        label: f.label,
        type: f.type,
        required: f.required,
        aiManaged: f.aiManaged,
        hint: f.hint ?? null,
        options: f.options ?? null,
      })),
    );
  }

  // Platform text may hold NUL bytes, which PostgreSQL refuses in any parameter (see pg-text.ts).
  return withPgSafeText({
    async ensureTenant({ id, platform, name = null }) {
      const [existing] = await db.select().from(tenants).where(eq(tenants.id, id));
      if (existing) return { id, platform: existing.platform as Platform, name: existing.name };
      await db.transaction(async (tx) => {
        const inserted = await tx.insert(tenants).values({ id, platform, name }).onConflictDoNothing().returning();
        // Only the replica that created the tenant seeds it; a concurrent one sees the row and leaves it alone.
        if (inserted.length === 0) return;
        await tx.insert(tenantSettings).values({ tenantId: id });
        await writeFields(tx, id, defaultFields());
      });
      tenantCache?.invalidate(id);
      return { id, platform, name };
    },

    getFields: fieldsOf,

    async setFields(tenantId, fields) {
      await db.transaction((tx) => writeFields(tx, tenantId, fields));
      tenantCache?.invalidate(tenantId);
    },

    getSettings: settingsOf,

    async updateSettings(tenantId, patch) {
      const next = await changeSettingsLocked(tenantId, (current) => ({ ...current, ...patch }));
      return next.after;
    },

    async changeAgents(tenantId, { add = [], remove = [] }) {
      const { before, after } = await changeSettingsLocked(tenantId, (current) => ({
        ...current,
        agents: [...current.agents, ...add.filter((a) => !current.agents.includes(a))].filter(
          (a) => !remove.includes(a),
        ),
      }));
      return { before: before.agents, settings: after };
    },

    async openConversation(tenantId, input: OpenConversationInput) {
      const inserted = await db
        .insert(conversations)
        .values({
          tenantId,
          platform: input.platform,
          channelId: input.channelId,
          threadRef: input.threadRef,
          customer: input.customer ?? null,
          escalation: input.escalation ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted[0]) return { conversation: toConversation(inserted[0]), created: true };
      const existing = await this.findConversationByThread(tenantId, input.platform, input.threadRef);
      if (!existing) throw new DomainError('not_found', 'Conversation could not be opened.');
      return { conversation: existing, created: false };
    },

    async getConversation(tenantId, conversationId) {
      if (!isUuid(conversationId)) return null;
      return conversationOf(tenantId, conversationId);
    },

    async findConversationByThread(tenantId, platform, threadRef) {
      const [row] = await hot.thread.execute({ tenantId, platform, threadRef });
      return row ? toConversation(row) : null;
    },

    async listConversations(tenantId, filter: ConversationFilter = {}) {
      const where = filter.states?.length
        ? and(eq(conversations.tenantId, tenantId), inArray(conversations.state, filter.states))
        : eq(conversations.tenantId, tenantId);
      const rows = await db
        .select()
        .from(conversations)
        .where(where)
        .orderBy(desc(conversations.updatedAt))
        .limit(filter.limit ?? 100);
      return rows.map(toConversation);
    },

    async setCardRef(tenantId, conversationId, cardRef) {
      if (!isUuid(conversationId)) return;
      await db
        .update(conversations)
        .set({ cardRef })
        .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    },

    async appendMessage(tenantId, conversationId, message: NewMessage) {
      if (!isUuid(conversationId)) throw new DomainError('not_found', 'That conversation does not exist.');
      const sentAt = (message.sentAt ?? new Date()).toISOString();
      // The hot path of ingest: one statement, so one round trip and one commit per message. The conversation must be
      // this tenant's (a message never lands in another tenant's thread); a redelivered message inserts nothing.
      const result = await db.execute(sql`
        with owner as (
          select id from conversations where tenant_id = ${tenantId} and id = ${conversationId}::uuid
        ), inserted as (
          insert into messages (tenant_id, conversation_id, role, author_id, author_name, text, platform_message_id, sent_at)
          select ${tenantId}, owner.id, ${message.role}, ${message.author.id}, ${message.author.name}, ${message.text},
            ${message.platformMessageId}, ${sentAt}::timestamptz
          from owner
          on conflict (conversation_id, platform_message_id) do nothing
          returning id, role, author_id, author_name, text, platform_message_id, deleted, sent_at
        ), touched as (
          update conversations set updated_at = now()
          where tenant_id = ${tenantId} and id = (select owner.id from owner) and exists (select 1 from inserted)
        )
        select owner.id as owner_id, inserted.* from owner left join inserted on true`);
      const row = rowsOf<AppendedRow>(result)[0];
      if (!row) throw new DomainError('not_found', 'That conversation does not exist.');
      if (row.id) {
        return {
          message: {
            id: row.id,
            conversationId,
            role: row.role as MessageRole,
            author: { id: row.author_id, name: row.author_name },
            text: row.text,
            platformMessageId: row.platform_message_id,
            deleted: row.deleted,
            sentAt: new Date(row.sent_at),
          },
          created: true,
        };
      }
      const [existing] = await db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.tenantId, tenantId),
            eq(messages.conversationId, conversationId),
            eq(messages.platformMessageId, message.platformMessageId),
          ),
        );
      return { message: toMessage(existing!), created: false };
    },

    async appendToThread(tenantId, platform, threadRef, message: ThreadMessage): Promise<ThreadAppendResult> {
      const { platformMessageId } = message;
      const row = await appender.append({ tenantId, platform, threadRef, message });
      if (!row) return { kind: 'no-thread' };
      const conversation = rawConversation(row);
      if (conversation.state === 'closed') return { kind: 'closed', conversation };
      if (row.m_id === null) {
        // A concurrent delivery of the same message committed after this statement's snapshot: read it now.
        const [existing] = await db
          .select()
          .from(messages)
          .where(
            and(
              eq(messages.tenantId, tenantId),
              eq(messages.conversationId, conversation.id),
              eq(messages.platformMessageId, platformMessageId),
            ),
          );
        if (!existing) throw new DomainError('not_found', 'The message could not be stored.');
        return { kind: 'appended', conversation, message: toMessage(existing), created: false };
      }
      return {
        kind: 'appended',
        conversation,
        message: {
          id: row.m_id,
          conversationId: conversation.id,
          role: row.m_role as MessageRole,
          author: { id: row.m_author_id, name: row.m_author_name },
          text: row.m_text,
          platformMessageId,
          deleted: row.m_deleted,
          sentAt: toDate(row.m_sent_at),
        },
        created: row.m_created === true,
      };
    },

    async editMessage(tenantId, conversationId, platformMessageId, text) {
      if (!isUuid(conversationId)) return false;
      const rows = await db
        .update(messages)
        .set({ text })
        .where(
          and(
            eq(messages.tenantId, tenantId),
            eq(messages.conversationId, conversationId),
            eq(messages.platformMessageId, platformMessageId),
          ),
        )
        .returning({ id: messages.id });
      return rows.length > 0;
    },

    async deleteMessage(tenantId, conversationId, platformMessageId) {
      if (!isUuid(conversationId)) return false;
      const rows = await db
        .update(messages)
        .set({ deleted: true })
        .where(
          and(
            eq(messages.tenantId, tenantId),
            eq(messages.conversationId, conversationId),
            eq(messages.platformMessageId, platformMessageId),
          ),
        )
        .returning({ id: messages.id });
      return rows.length > 0;
    },

    async loadSnapshot(tenantId, conversationId) {
      if (!isUuid(conversationId)) return null;
      // All at once: every read is scoped by tenant, so one for a conversation that isn't this tenant's finds nothing.
      const [conversation, messageRows, fields, settings, caseRows] = await Promise.all([
        conversationOf(tenantId, conversationId),
        hot.messages.execute({ tenantId, conversationId }),
        fieldsOf(tenantId),
        settingsOf(tenantId),
        hot.kase.execute({ tenantId, conversationId }),
      ]);
      if (!conversation) return null;
      return { conversation, messages: messageRows.map(toMessage), fields, settings, case: caseOf(caseRows) };
    },

    async getCase(tenantId, conversationId) {
      if (!isUuid(conversationId)) return null;
      return caseOf(await hot.kase.execute({ tenantId, conversationId }));
    },

    async listEvents(tenantId, conversationId) {
      if (!isUuid(conversationId)) return [];
      return (await hot.events.execute({ tenantId, conversationId })).map(toEvent);
    },

    async withConversation(tenantId, conversationId, work) {
      if (!isUuid(conversationId)) throw new DomainError('not_found', 'That conversation does not exist.');
      return withConversationTx(database, tenantId, conversationId, work);
    },

    async markEventProcessed(tenantId, key) {
      const rows = await db.insert(processedEvents).values({ tenantId, key }).onConflictDoNothing().returning();
      return rows.length > 0;
    },

    async ping() {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },

    close: () => database.close(),
  });
}
