import type {
  Case,
  CaseFieldValue,
  Conversation,
  ConversationState,
  Person,
  Platform,
  ValueSource,
} from '../core/types.js';

/**
 * Rows of the raw statements (database.query / database.transaction) and their domain objects. Column names are
 * PostgreSQL's; timestamps are text on postgres.js (drizzle turns its parser off) and Dates on PGlite.
 */
export const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export interface RawConversationRow {
  id: string;
  tenant_id: string;
  platform: string;
  channel_id: string;
  thread_ref: string;
  state: string;
  assigned_agent: Person | null;
  customer: Person | null;
  escalation: Conversation['escalation'];
  card_ref: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export function rawConversation(row: RawConversationRow): Conversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    platform: row.platform as Platform,
    channelId: row.channel_id,
    threadRef: row.thread_ref,
    state: row.state as ConversationState,
    assignedAgent: row.assigned_agent ?? null,
    customer: row.customer ?? null,
    escalation: row.escalation ?? null,
    cardRef: row.card_ref,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A case with one of its values per row; the value columns are null for a case without values. */
export interface RawCaseRow {
  id: string;
  number: number;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
  key: string | null;
  value: CaseFieldValue['value'];
  source: string;
  confidence: number;
  evidence: string[];
  updated_by: string;
  value_updated_at: string | Date;
}

/** The columns a RawCaseRow statement selects, from `c` (cases) and `v` (values). */
export const RAW_CASE_COLUMNS = `c.id, c.number, c.created_by, c.created_at, c.updated_at, v.key, v.value, v.source,
  v.confidence, v.evidence, v.updated_by, v.updated_at as value_updated_at`;

export function rawCase(rows: RawCaseRow[], tenantId: string, conversationId: string): Case | null {
  const first = rows[0];
  if (!first) return null;
  const values: Record<string, CaseFieldValue> = {};
  for (const r of rows) {
    if (r.key === null) continue;
    values[r.key] = {
      key: r.key,
      value: r.value,
      source: r.source as ValueSource,
      confidence: r.confidence,
      evidence: r.evidence,
      updatedBy: r.updated_by,
      updatedAt: toDate(r.value_updated_at),
    };
  }
  return {
    id: first.id,
    tenantId,
    conversationId,
    number: first.number,
    values,
    createdBy: first.created_by,
    createdAt: toDate(first.created_at),
    updatedAt: toDate(first.updated_at),
  };
}

/** Case values as one jsonb parameter, read back with jsonb_to_recordset(… as VALUE_RECORD). */
export function valueRecords(values: CaseFieldValue[]): string {
  return JSON.stringify(
    values.map((v) => ({
      key: v.key,
      value: v.value,
      source: v.source,
      confidence: v.confidence,
      evidence: v.evidence,
      updated_by: v.updatedBy,
      updated_at: v.updatedAt,
    })),
  );
}

export const VALUE_RECORD = `r(key text, value jsonb, source text, confidence real, evidence jsonb, updated_by text,
  updated_at timestamptz)`;
