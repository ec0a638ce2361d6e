/** Domain types shared by every part of autocase. Plain data: no platform, no database. */

export const FIELD_TYPES = ['text', 'longtext', 'choice', 'number', 'date', 'email', 'phone', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  hint?: string;
}

export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  aiManaged: boolean;
  hint?: string;
  options?: FieldOption[];
}

/** A normalised field value: dates are `YYYY-MM-DD`, phones E.164, emails lower-case, choices an option value. */
export type FieldValue = string | number | boolean;

export type Platform = 'slack' | 'teams' | 'playground';

export const CONVERSATION_STATES = ['open', 'active', 'wrapUp', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export type MessageRole = 'customer' | 'agent' | 'bot';

export interface Person {
  id: string;
  name: string;
}

/** What a self-service bot collected before handing the customer over. */
export interface Escalation {
  bot?: string;
  summary?: string;
  values: Record<string, unknown>;
}

export interface TenantSettings {
  /** When true, an AI update never overwrites a value a person typed. Default false (the product spec). */
  protectManualEdits: boolean;
  /** Predictions below this confidence count as unknown. */
  confidenceThreshold: number;
  /** Region for national phone numbers (ISO 3166 alpha-2). */
  phoneRegion: string;
  /** Platform user ids that are support agents (their messages are agent messages). */
  agents: string[];
}

export const DEFAULT_SETTINGS: TenantSettings = {
  protectManualEdits: false,
  confidenceThreshold: 0.35,
  phoneRegion: 'US',
  agents: [],
};

export interface Tenant {
  id: string;
  platform: Platform;
  name: string | null;
}

export interface Conversation {
  id: string;
  tenantId: string;
  platform: Platform;
  channelId: string;
  /** Platform reference of the thread (Slack thread_ts, Teams conversation id of the reply chain). */
  threadRef: string;
  state: ConversationState;
  assignedAgent: Person | null;
  customer: Person | null;
  escalation: Escalation | null;
  /** Platform reference of the bot message that shows the intake/case card, for in-place updates. */
  cardRef: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  author: Person;
  text: string;
  platformMessageId: string;
  deleted: boolean;
  sentAt: Date;
}

export type ValueSource = 'ai' | 'manual' | 'escalation';

export interface CaseFieldValue {
  key: string;
  value: FieldValue;
  source: ValueSource;
  /** In [0,1]; 1 for manual values. */
  confidence: number;
  /** Message ids the value rests on. */
  evidence: string[];
  updatedBy: string;
  updatedAt: Date;
}

export interface Case {
  id: string;
  tenantId: string;
  conversationId: string;
  number: number;
  values: Record<string, CaseFieldValue>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface FieldChange {
  key: string;
  before: { value: FieldValue; source: ValueSource } | null;
  after: { value: FieldValue; source: ValueSource } | null;
}

export const CASE_EVENT_TYPES = [
  'created',
  'not_created',
  'ai_updated',
  'manually_edited',
  'no_change',
  'prediction_failed',
  'ai_update_undone',
  'state_changed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEvent {
  id: string;
  tenantId: string;
  conversationId: string;
  caseId: string | null;
  type: CaseEventType;
  actor: string;
  /** Type-specific detail: `changes` (FieldChange[]), `missing`, `reason`, `predictor`, `from`/`to`. */
  data: Record<string, unknown>;
  at: Date;
}
