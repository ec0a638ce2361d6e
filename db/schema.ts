import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Escalation, FieldOption, FieldValue, Person } from '../core/types.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  platform: text('platform').notNull(),
  name: text('name'),
  /** Case numbers are per tenant and gap-free under concurrency: taken with UPDATE … RETURNING. */
  nextCaseNumber: integer('next_case_number').notNull().default(1),
  createdAt: createdAt(),
});

export const tenantSettings = pgTable('tenant_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  protectManualEdits: boolean('protect_manual_edits').notNull().default(false),
  confidenceThreshold: real('confidence_threshold').notNull().default(0.35),
  phoneRegion: text('phone_region').notNull().default('US'),
  agents: jsonb('agents').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
});

export const fieldDefinitions = pgTable(
  'field_definitions',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    required: boolean('required').notNull(),
    aiManaged: boolean('ai_managed').notNull(),
    hint: text('hint'),
    options: jsonb('options').$type<FieldOption[]>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    channelId: text('channel_id').notNull(),
    threadRef: text('thread_ref').notNull(),
    state: text('state').notNull().default('open'),
    assignedAgent: jsonb('assigned_agent').$type<Person | null>(),
    customer: jsonb('customer').$type<Person | null>(),
    escalation: jsonb('escalation').$type<Escalation | null>(),
    cardRef: text('card_ref'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('conversations_thread_uq').on(t.tenantId, t.platform, t.threadRef),
    index('conversations_tenant_state_idx').on(t.tenantId, t.state, t.updatedAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Global insertion order; per-conversation order without a max()+1 race. */
    position: bigserial('position', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    platformMessageId: text('platform_message_id').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('messages_platform_id_uq').on(t.conversationId, t.platformMessageId),
    index('messages_conversation_idx').on(t.conversationId, t.position),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // At most one case per conversation: a constraint, not a hope.
  (t) => [unique('cases_conversation_uq').on(t.conversationId), unique('cases_number_uq').on(t.tenantId, t.number)],
);

export const caseFieldValues = pgTable(
  'case_field_values',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<FieldValue>().notNull(),
    source: text('source').notNull(),
    confidence: real('confidence').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.key] })],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: bigserial('position', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id'),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_conversation_idx').on(t.conversationId, t.position)],
);

export const processedEvents = pgTable(
  'processed_events',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/**
 * Platform events as received, before they are processed (a transactional inbox): a request is acknowledged once its
 * row is stored, and processed after the answer. Unprocessed rows are picked up again by whichever replica finds them
 * due; `claimed_by`/`claimed_at` is the lease that keeps two replicas off one row.
 */
export const inboxEvents = pgTable(
  'inbox_events',
  {
    tenantId: text('tenant_id').notNull(),
    eventId: text('event_id').notNull(),
    /** The request body exactly as the platform signed it (text, not jsonb: jsonb refuses `\u0000` escapes). */
    body: text('body').notNull(),
    /** Arrival order across replicas (a sequence): events sharing an order key are processed in this order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** Events that must not overtake each other (a Slack thread: its first message before the replies). */
    orderKey: text('order_key'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Processing attempts started (claims), the first one included. */
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** Set when the event failed too often: kept for a person to look at, never retried by itself. */
    parkedAt: timestamp('parked_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId] }),
    index('inbox_events_due_idx').on(t.nextAttemptAt).where(sql`processed_at is null and parked_at is null`),
    index('inbox_events_order_idx')
      .on(t.tenantId, t.orderKey, t.seq)
      .where(sql`processed_at is null and parked_at is null`),
  ],
);
