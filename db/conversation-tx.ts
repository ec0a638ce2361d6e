import { randomUUID } from 'node:crypto';
import { DomainError } from '../core/errors.js';
import type { ConversationTx, NewCaseEvent } from '../core/ports.js';
import type { Case, CaseEvent, CaseFieldValue, Conversation, ConversationState, Person } from '../core/types.js';
import type { Database, RawTx } from './connect.js';
import {
  RAW_CASE_COLUMNS,
  type RawCaseRow,
  type RawConversationRow,
  rawCase,
  rawConversation,
  VALUE_RECORD,
  valueRecords,
} from './raw-rows.js';

// Raw statements, prepared once per connection: an Accept runs about ten of them, and drizzle's builder cost ~0.3 ms
// of client CPU each plus a parse and plan on the server (see npm run bench).

const LOCK = 'select * from conversations where tenant_id = $1 and id = $2 for update';

const CASE = `select ${RAW_CASE_COLUMNS} from cases c
  left join case_field_values v on v.case_id = c.id and v.tenant_id = c.tenant_id
  where c.tenant_id = $1 and c.conversation_id = $2`;

const SET_STATE = `update conversations set state = $3, updated_at = now(),
    assigned_agent = case when $4::boolean then $5::jsonb else assigned_agent end
  where tenant_id = $1 and id = $2 returning *`;

/** The next case number (gap-free: the tenant row stays locked until commit), the case and its values at once. */
const CREATE_CASE = `
  with numbered as (
    update tenants set next_case_number = next_case_number + 1 where id = $1
    returning next_case_number - 1 as number
  ), c as (
    insert into cases (tenant_id, conversation_id, number, created_by, created_at, updated_at)
    select $1, $2, numbered.number, $3, now(), now() from numbered
    returning id, number, created_by, created_at, updated_at
  ), v as (
    insert into case_field_values (case_id, tenant_id, key, value, source, confidence, evidence, updated_by, updated_at)
    select c.id, $1, r.key, r.value, r.source, r.confidence, r.evidence, r.updated_by, r.updated_at
    from c, jsonb_to_recordset($4::jsonb) as ${VALUE_RECORD}
    returning key, value, source, confidence, evidence, updated_by, updated_at
  )
  select ${RAW_CASE_COLUMNS} from c left join v on true`;

const DELETE_VALUES = `delete from case_field_values
  where tenant_id = $1 and case_id = $2 and key in (select jsonb_array_elements_text($3::jsonb))`;

const UPSERT_VALUES = `insert into case_field_values
    (case_id, tenant_id, key, value, source, confidence, evidence, updated_by, updated_at)
  select $2, $1, r.key, r.value, r.source, r.confidence, r.evidence, r.updated_by, r.updated_at
  from jsonb_to_recordset($3::jsonb) as ${VALUE_RECORD}
  on conflict (case_id, key) do update set value = excluded.value, source = excluded.source,
    confidence = excluded.confidence, evidence = excluded.evidence, updated_by = excluded.updated_by,
    updated_at = excluded.updated_at`;

const TOUCH_CASE = 'update cases set updated_at = now() where tenant_id = $1 and id = $2';

const ADD_EVENT = `insert into case_events (id, tenant_id, conversation_id, case_id, type, actor, data, at)
  values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::timestamptz)`;

/**
 * Runs `work` with the conversation's row locked: the lock serialises decisions on one conversation across
 * processes, and every decision commits with its audit event or not at all.
 */
export function withConversationTx<T>(
  database: Database,
  tenantId: string,
  conversationId: string,
  work: (tx: ConversationTx) => Promise<T>,
): Promise<T> {
  return database.transaction(async (raw) => {
    const { query } = raw;
    // The case is read with the lock, in the same round trip: statements run in order, so it is read once the lock
    // is held, as a separate getCase() would. Most decisions ask for it; for the others it is one cheap index read.
    const [[row], caseRows] = await Promise.all([
      query<RawConversationRow>(LOCK, [tenantId, conversationId]),
      query<RawCaseRow>(CASE, [tenantId, conversationId]),
    ]);
    if (!row) throw new DomainError('not_found', 'That conversation does not exist.');
    return work(conversationTx(raw, tenantId, rawConversation(row), rawCase(caseRows, tenantId, conversationId)));
  });
}

function conversationTx({ query, later }: RawTx, tenantId: string, locked: Conversation, lockedCase: Case | null) {
  let conversation = locked;
  const conversationId = locked.id;
  /** The case as read with the lock, until this transaction writes it. */
  let current: Case | null | undefined = lockedCase;
  const readCase = async () =>
    rawCase(await query<RawCaseRow>(CASE, [tenantId, conversationId]), tenantId, conversationId);
  const tx: ConversationTx = {
    get conversation() {
      return conversation;
    },
    getCase: async () => (current === undefined ? readCase() : current),
    async setState(state: ConversationState, assignedAgent?: Person | null) {
      const [row] = await query<RawConversationRow>(SET_STATE, [
        tenantId,
        conversationId,
        state,
        assignedAgent !== undefined,
        assignedAgent ? JSON.stringify(assignedAgent) : null,
      ]);
      conversation = rawConversation(row!);
      return conversation;
    },
    async createCase(values: CaseFieldValue[], createdBy: string) {
      current = undefined;
      const rows = await query<RawCaseRow>(CREATE_CASE, [tenantId, conversationId, createdBy, valueRecords(values)]);
      const created = rawCase(rows, tenantId, conversationId);
      if (!created) throw new DomainError('not_found', 'That tenant does not exist.');
      return created;
    },
    async writeValues(caseId: string, values: Array<CaseFieldValue | { key: string; value: null }>) {
      const removed = values.filter((v) => v.value === null).map((v) => v.key);
      const upserts = values.filter((v): v is CaseFieldValue => v.value !== null);
      current = undefined;
      if (removed.length > 0) await query(DELETE_VALUES, [tenantId, caseId, JSON.stringify(removed)]);
      if (upserts.length > 0) await query(UPSERT_VALUES, [tenantId, caseId, valueRecords(upserts)]);
      await query(TOUCH_CASE, [tenantId, caseId]);
      return (await readCase())!;
    },
    async addEvent(event: NewCaseEvent) {
      // Every decision ends with its event: written with the commit, in one round trip (see RawTx.later), and
      // returned as it is stored (id and time chosen here, data as jsonb gives it back).
      const data = JSON.stringify(event.data ?? {});
      const stored: CaseEvent = {
        id: randomUUID(),
        tenantId,
        conversationId,
        caseId: event.caseId ?? null,
        type: event.type,
        actor: event.actor,
        data: JSON.parse(data) as Record<string, unknown>,
        at: new Date(),
      };
      later(ADD_EVENT, [
        stored.id,
        tenantId,
        conversationId,
        stored.caseId,
        stored.type,
        stored.actor,
        data,
        stored.at.toISOString(),
      ]);
      return stored;
    },
  };
  return tx;
}
