import type {
  Case,
  CaseEvent,
  CaseEventType,
  CaseFieldValue,
  Conversation,
  ConversationState,
  Escalation,
  FieldDefinition,
  Message,
  MessageRole,
  Person,
  Platform,
  Tenant,
  TenantSettings,
} from './types.js';

export interface OpenConversationInput {
  platform: Platform;
  channelId: string;
  threadRef: string;
  customer?: Person | null;
  escalation?: Escalation | null;
}

export interface NewMessage {
  role: MessageRole;
  author: Person;
  text: string;
  /** Unique per conversation: a redelivered platform event stores nothing new. */
  platformMessageId: string;
  sentAt?: Date;
}

/** A chat message for the thread it belongs to, with the role core computed before knowing the assignment. */
export interface ThreadMessage extends NewMessage {
  /** Store it as `agent` instead when its author is the conversation's assigned agent (core's role rule). */
  agentIfAssigned: boolean;
}

export type ThreadAppendResult =
  | { kind: 'no-thread' }
  /** Closed conversations take no more messages; nothing was stored. */
  | { kind: 'closed'; conversation: Conversation }
  /** `conversation` as it was before this message; `created` is false for a redelivered message. */
  | { kind: 'appended'; conversation: Conversation; message: Message; created: boolean };

export interface NewCaseEvent {
  type: CaseEventType;
  actor: string;
  caseId?: string | null;
  data?: Record<string, unknown>;
}

/** Everything one agent decision reads, in one go. */
export interface ConversationSnapshot {
  conversation: Conversation;
  messages: Message[];
  fields: FieldDefinition[];
  settings: TenantSettings;
  case: Case | null;
}

export interface ConversationFilter {
  states?: ConversationState[];
  limit?: number;
}

/**
 * Work done while one conversation is locked: every decision and its audit event commit together or not at all, and
 * concurrent decisions on the same conversation run one after another.
 */
export interface ConversationTx {
  readonly conversation: Conversation;
  getCase(): Promise<Case | null>;
  setState(state: ConversationState, assignedAgent?: Person | null): Promise<Conversation>;
  createCase(values: CaseFieldValue[], createdBy: string): Promise<Case>;
  /** Upserts the given values; a `null` entry removes the field's value. */
  writeValues(caseId: string, values: Array<CaseFieldValue | { key: string; value: null }>): Promise<Case>;
  addEvent(event: NewCaseEvent): Promise<CaseEvent>;
}

/** Storage of tenants, conversations and cases. Every call is scoped by tenant; nothing crosses tenants. */
export interface CaseStore {
  ensureTenant(tenant: { id: string; platform: Platform; name?: string | null }): Promise<Tenant>;
  /** `fresh`: from the table, not a replica's short-lived cache (what an admin is about to edit and save whole). */
  getFields(tenantId: string, options?: { fresh?: boolean }): Promise<FieldDefinition[]>;
  /** Replaces the tenant's field list (already validated). */
  setFields(tenantId: string, fields: FieldDefinition[]): Promise<void>;
  getSettings(tenantId: string): Promise<TenantSettings>;
  updateSettings(tenantId: string, patch: Partial<TenantSettings>): Promise<TenantSettings>;
  /**
   * Adds and removes support agents in one step on the stored list (never on a cached copy), so two admins changing the
   * list on different replicas at once both keep their change. Returns the list before and the settings after.
   */
  changeAgents(
    tenantId: string,
    change: { add?: string[]; remove?: string[] },
  ): Promise<{ before: string[]; settings: TenantSettings }>;

  /** Idempotent on (tenant, platform, threadRef): a redelivered "new thread" event returns the existing one. */
  openConversation(
    tenantId: string,
    input: OpenConversationInput,
  ): Promise<{ conversation: Conversation; created: boolean }>;
  getConversation(tenantId: string, conversationId: string): Promise<Conversation | null>;
  findConversationByThread(tenantId: string, platform: Platform, threadRef: string): Promise<Conversation | null>;
  listConversations(tenantId: string, filter?: ConversationFilter): Promise<Conversation[]>;
  setCardRef(tenantId: string, conversationId: string, cardRef: string): Promise<void>;

  appendMessage(
    tenantId: string,
    conversationId: string,
    message: NewMessage,
  ): Promise<{ message: Message; created: boolean }>;
  /**
   * Ingest's common case in one round trip: stores the message in the conversation of (tenant, platform, threadRef),
   * idempotent on its platform id.
   */
  appendToThread(
    tenantId: string,
    platform: Platform,
    threadRef: string,
    message: ThreadMessage,
  ): Promise<ThreadAppendResult>;
  editMessage(tenantId: string, conversationId: string, platformMessageId: string, text: string): Promise<boolean>;
  deleteMessage(tenantId: string, conversationId: string, platformMessageId: string): Promise<boolean>;

  loadSnapshot(tenantId: string, conversationId: string): Promise<ConversationSnapshot | null>;
  getCase(tenantId: string, conversationId: string): Promise<Case | null>;
  listEvents(tenantId: string, conversationId: string): Promise<CaseEvent[]>;

  withConversation<T>(tenantId: string, conversationId: string, work: (tx: ConversationTx) => Promise<T>): Promise<T>;

  /** Records a platform event key; false when it was seen before (a retry). */
  markEventProcessed(tenantId: string, key: string): Promise<boolean>;

  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The logging the core needs; pino satisfies it. Customer text goes to debug only. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface JobOptions {
  /** Jobs with the same key that are still queued collapse into one. */
  singletonKey?: string;
  retryLimit?: number;
}

/**
 * Work that must outlive the request that asked for it (predictions, card updates). pg-boss on PostgreSQL, so any
 * replica can run it and a restart loses nothing; an in-process queue with the same contract on embedded PGlite.
 */
export interface JobQueue {
  work<T extends object>(name: string, handler: (payload: T) => Promise<void>): Promise<void>;
  send<T extends object>(name: string, payload: T, options?: JobOptions): Promise<void>;
  /** Resolves when no job is queued or running (tests, graceful shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}
