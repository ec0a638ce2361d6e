import { DomainError } from './errors.js';
import { aiManagedFields, requiredFields } from './fields.js';
import { assertTransition } from './lifecycle.js';
import { normaliseValue, sameValue } from './normalize.js';
import type { CaseStore, Clock, ConversationSnapshot, ConversationTx, Logger } from './ports.js';
import { silentLogger, systemClock } from './ports.js';
import type { Prediction, Predictor, TranscriptMessage } from './predict/port.js';
import { type ResolvedValue, resolvePrediction, toCaseValue } from './resolve.js';
import type { Case, CaseFieldValue, Conversation, FieldChange, FieldDefinition, FieldValue, Person } from './types.js';

/** The name AI-written values are attributed to. */
export const AI_ACTOR = 'autocase';

export type CreationTrigger = 'accept' | 'end' | 'update';

export type CreationResult =
  | { kind: 'created'; case: Case; prediction: Prediction }
  | { kind: 'exists'; case: Case }
  | { kind: 'missing'; missing: FieldDefinition[]; prediction: Prediction }
  | { kind: 'prediction-failed'; reason: string };

export type NoChangeReason = 'no_new_context' | 'fields_unknown' | 'protected';

export type UpdateResult =
  | { kind: 'updated'; case: Case; changes: FieldChange[]; prediction: Prediction }
  | { kind: 'no-change'; case: Case; reason: NoChangeReason; prediction: Prediction }
  | { kind: 'no-case'; message: string }
  | { kind: 'prediction-failed'; case: Case | null; reason: string }
  | CreationResult;

export interface EndResult {
  conversation: Conversation;
  creation: CreationResult;
}

export interface AgentDeps {
  store: CaseStore;
  predictor: Predictor;
  clock?: Clock;
  logger?: Logger;
}

export type Agent = ReturnType<typeof createAgent>;

/** The agent's rules (DESIGN.md): when a case is created, how it is kept in step with the conversation. */
export function createAgent({ store, predictor, clock = systemClock, logger = silentLogger }: AgentDeps) {
  async function snapshot(tenantId: string, conversationId: string): Promise<ConversationSnapshot> {
    const snap = await store.loadSnapshot(tenantId, conversationId);
    if (!snap) throw new DomainError('not_found', 'That conversation does not exist.', { conversationId });
    return snap;
  }

  function transcript(snap: ConversationSnapshot): TranscriptMessage[] {
    return snap.messages
      .filter((m) => !m.deleted)
      .map((m) => ({ id: m.id, role: m.role, author: m.author.name, text: m.text, sentAt: m.sentAt }));
  }

  async function predict(snap: ConversationSnapshot): Promise<Prediction> {
    const started = performance.now();
    const current = snap.case ? Object.fromEntries(Object.values(snap.case.values).map((v) => [v.key, v.value])) : null;
    const prediction = await predictor.predict({
      fields: aiManagedFields(snap.fields),
      messages: transcript(snap),
      escalation: snap.conversation.escalation,
      current,
      now: clock.now(),
      phoneRegion: snap.settings.phoneRegion,
    });
    logger.debug(
      { conversationId: snap.conversation.id, predictor: prediction.predictor, ms: performance.now() - started },
      'prediction done',
    );
    return prediction;
  }

  /** Runs the predictor; a failure is recorded as an event and returned, never thrown into the chat. */
  async function predictOrRecord(
    snap: ConversationSnapshot,
    actor: string,
  ): Promise<{ ok: true; prediction: Prediction } | { ok: false; reason: string }> {
    try {
      return { ok: true, prediction: await predict(snap) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ conversationId: snap.conversation.id, err: reason }, 'prediction failed');
      await store.withConversation(snap.conversation.tenantId, snap.conversation.id, (tx) =>
        tx.addEvent({ type: 'prediction_failed', actor, caseId: snap.case?.id ?? null, data: { reason } }),
      );
      return { ok: false, reason };
    }
  }

  async function createIfEnough(tenantId: string, conversationId: string, actor: string, trigger: CreationTrigger) {
    const snap = await snapshot(tenantId, conversationId);
    if (snap.case) return { kind: 'exists', case: snap.case } as const;
    const predicted = await predictOrRecord(snap, actor);
    if (!predicted.ok) return { kind: 'prediction-failed', reason: predicted.reason } as const;
    const { prediction } = predicted;
    const resolved = resolvePrediction(snap.fields, prediction, snap.settings, snap.conversation.escalation, true);
    const missing = requiredFields(snap.fields).filter((f) => !resolved.has(f.key));
    return store.withConversation(tenantId, conversationId, async (tx): Promise<CreationResult> => {
      const existing = await tx.getCase();
      if (existing) return { kind: 'exists', case: existing };
      if (missing.length > 0) {
        await tx.addEvent({
          type: 'not_created',
          actor,
          data: {
            trigger,
            missing: missing.map((f) => f.key),
            predictor: prediction.predictor,
            fallback: prediction.fallback ?? null,
          },
        });
        return { kind: 'missing', missing, prediction };
      }
      const at = clock.now();
      const values = [...resolved].map(([key, r]) => toCaseValue(key, r, AI_ACTOR, at));
      const created = await tx.createCase(values, actor);
      await tx.addEvent({
        type: 'created',
        actor,
        caseId: created.id,
        data: {
          trigger,
          predictor: prediction.predictor,
          fallback: prediction.fallback ?? null,
          values: valueSummary(values),
        },
      });
      return { kind: 'created', case: created, prediction };
    });
  }

  async function transition(tx: ConversationTx, to: Conversation['state'], actor: string, agent?: Person | null) {
    const from = tx.conversation.state;
    assertTransition(from, to);
    const conversation = await tx.setState(to, agent);
    await tx.addEvent({ type: 'state_changed', actor, data: { from, to } });
    return conversation;
  }

  return {
    /** Rule 1: accept, predict, create the case only when every required field is known. */
    async accept(tenantId: string, conversationId: string, agent: Person): Promise<CreationResult> {
      await store.withConversation(tenantId, conversationId, async (tx) => {
        const c = tx.conversation;
        if (c.state === 'open') return transition(tx, 'active', agent.id, agent);
        // A second click by the same agent (or a redelivered action) is not an error.
        if (c.state === 'active' && c.assignedAgent?.id === agent.id) return c;
        if (c.state === 'active') {
          throw new DomainError(
            'illegal_transition',
            `Already accepted by ${c.assignedAgent?.name ?? 'another agent'}.`,
          );
        }
        throw new DomainError(
          'illegal_transition',
          `This conversation is ${c.state === 'wrapUp' ? 'in wrap-up' : 'closed'}.`,
        );
      });
      return createIfEnough(tenantId, conversationId, agent.id, 'accept');
    },

    /** Rule 2: end the conversation; create the case now if nobody did and there is enough. */
    async end(tenantId: string, conversationId: string, actor: Person): Promise<EndResult> {
      const conversation = await store.withConversation(tenantId, conversationId, async (tx) => {
        const c = tx.conversation;
        if (c.state === 'wrapUp') return c;
        if (c.state !== 'active') {
          throw new DomainError(
            'illegal_transition',
            c.state === 'open' ? 'Accept the conversation before ending it.' : 'This conversation is already closed.',
          );
        }
        return transition(tx, 'wrapUp', actor.id);
      });
      const creation = await createIfEnough(tenantId, conversationId, actor.id, 'end');
      return { conversation, creation };
    },

    async close(tenantId: string, conversationId: string, actor: Person): Promise<Conversation> {
      return store.withConversation(tenantId, conversationId, async (tx) => {
        if (tx.conversation.state === 'closed') return tx.conversation;
        if (tx.conversation.state !== 'wrapUp') {
          throw new DomainError('illegal_transition', 'End the conversation before closing it.');
        }
        return transition(tx, 'closed', actor.id);
      });
    },

    /** Rule 3: re-predict and rewrite the AI-managed fields that changed. */
    async updateFromConversation(tenantId: string, conversationId: string, actor: Person): Promise<UpdateResult> {
      const snap = await snapshot(tenantId, conversationId);
      const { state } = snap.conversation;
      if (state === 'open') throw new DomainError('illegal_transition', 'Accept the conversation first.');
      if (state === 'closed') throw new DomainError('illegal_transition', 'This conversation is closed.');
      if (!snap.case) {
        if (state === 'wrapUp') {
          return { kind: 'no-case', message: 'There is no case for this conversation yet. Create one first.' };
        }
        return createIfEnough(tenantId, conversationId, actor.id, 'update');
      }
      const predicted = await predictOrRecord(snap, actor.id);
      if (!predicted.ok) return { kind: 'prediction-failed', case: snap.case, reason: predicted.reason };
      const { prediction } = predicted;
      const resolved = resolvePrediction(snap.fields, prediction, snap.settings, null, false);

      return store.withConversation(tenantId, conversationId, async (tx): Promise<UpdateResult> => {
        // Diff against the case as it is now, not as it was before predicting: a concurrent update must not be lost.
        const current = await tx.getCase();
        if (!current) return { kind: 'no-case', message: 'There is no case for this conversation.' };
        const { changes, blocked } = diffAiValues(snap.fields, current, resolved, snap.settings.protectManualEdits);
        if (changes.length === 0) {
          const reason: NoChangeReason =
            resolved.size === 0 ? 'fields_unknown' : blocked > 0 ? 'protected' : 'no_new_context';
          await tx.addEvent({
            type: 'no_change',
            actor: actor.id,
            caseId: current.id,
            data: { reason, predictor: prediction.predictor, fallback: prediction.fallback ?? null },
          });
          return { kind: 'no-change', case: current, reason, prediction };
        }
        const at = clock.now();
        const writes = changes.map((c) => toCaseValue(c.key, resolved.get(c.key)!, AI_ACTOR, at));
        const updated = await tx.writeValues(current.id, writes);
        await tx.addEvent({
          type: 'ai_updated',
          actor: actor.id,
          caseId: current.id,
          data: { changes, predictor: prediction.predictor, fallback: prediction.fallback ?? null },
        });
        return { kind: 'updated', case: updated, changes, prediction };
      });
    },

    /** A person's edit: every value validated first; one bad value writes nothing. */
    async editCase(
      tenantId: string,
      conversationId: string,
      actor: Person,
      edits: Record<string, unknown>,
    ): Promise<Case> {
      const fields = await store.getFields(tenantId);
      const settings = await store.getSettings(tenantId);
      const parsed = parseEdits(fields, edits, settings.phoneRegion);
      return store.withConversation(tenantId, conversationId, async (tx) => {
        if (tx.conversation.state === 'closed')
          throw new DomainError('illegal_transition', 'This conversation is closed.');
        const current = await tx.getCase();
        if (!current) throw new DomainError('no_case', 'There is no case to edit.');
        const at = clock.now();
        const changes: FieldChange[] = [];
        const writes: Array<CaseFieldValue | { key: string; value: null }> = [];
        for (const [key, value] of parsed) {
          const before = current.values[key];
          if (sameValue(before?.value, value) && (value === null || before?.source === 'manual')) continue;
          if (value === null) {
            if (fields.find((f) => f.key === key)?.required) {
              throw new DomainError('invalid_value', 'Required fields cannot be emptied.', {
                errors: { [key]: 'required' },
              });
            }
            writes.push({ key, value: null });
          } else {
            writes.push({
              key,
              value,
              source: 'manual',
              confidence: 1,
              evidence: [],
              updatedBy: actor.id,
              updatedAt: at,
            });
          }
          changes.push({
            key,
            before: before ? { value: before.value, source: before.source } : null,
            after: value === null ? null : { value, source: 'manual' },
          });
        }
        if (changes.length === 0) return current;
        const updated = await tx.writeValues(current.id, writes);
        await tx.addEvent({ type: 'manually_edited', actor: actor.id, caseId: current.id, data: { changes } });
        return updated;
      });
    },

    /** Rule 5: a case made by hand, so the end-of-conversation rule can see it. */
    async createCaseManually(
      tenantId: string,
      conversationId: string,
      actor: Person,
      values: Record<string, unknown>,
    ): Promise<Case> {
      const fields = await store.getFields(tenantId);
      const settings = await store.getSettings(tenantId);
      const parsed = parseEdits(fields, values, settings.phoneRegion);
      const missing = requiredFields(fields).filter((f) => parsed.get(f.key) == null);
      if (missing.length > 0) {
        throw new DomainError('invalid_value', `Missing required fields: ${missing.map((f) => f.label).join(', ')}`, {
          errors: Object.fromEntries(missing.map((f) => [f.key, 'required'])),
        });
      }
      return store.withConversation(tenantId, conversationId, async (tx) => {
        if (tx.conversation.state === 'open' || tx.conversation.state === 'closed') {
          throw new DomainError(
            'illegal_transition',
            'A case can be created while the conversation is active or in wrap-up.',
          );
        }
        if (await tx.getCase()) throw new DomainError('case_exists', 'This conversation already has a case.');
        const at = clock.now();
        const caseValues: CaseFieldValue[] = [...parsed]
          .filter((entry): entry is [string, FieldValue] => entry[1] !== null)
          .map(([key, value]) => ({
            key,
            value,
            source: 'manual',
            confidence: 1,
            evidence: [],
            updatedBy: actor.id,
            updatedAt: at,
          }));
        const created = await tx.createCase(caseValues, actor.id);
        await tx.addEvent({
          type: 'created',
          actor: actor.id,
          caseId: created.id,
          data: { trigger: 'manual', values: valueSummary(caseValues) },
        });
        return created;
      });
    },

    /** Puts back what the last AI update replaced, where nobody changed the field since. */
    async undoLastAiUpdate(
      tenantId: string,
      conversationId: string,
      actor: Person,
    ): Promise<{ case: Case; restored: string[] }> {
      const events = await store.listEvents(tenantId, conversationId);
      const target = lastUndoableUpdate(events);
      if (!target) throw new DomainError('invalid_input', 'There is no AI update to undo.');
      return store.withConversation(tenantId, conversationId, async (tx) => {
        if (tx.conversation.state === 'closed')
          throw new DomainError('illegal_transition', 'This conversation is closed.');
        const current = await tx.getCase();
        if (!current) throw new DomainError('no_case', 'There is no case.');
        const at = clock.now();
        const changes = (target.data.changes ?? []) as FieldChange[];
        const writes: Array<CaseFieldValue | { key: string; value: null }> = [];
        const restored: string[] = [];
        for (const change of changes) {
          const now = current.values[change.key];
          if (!change.after || !now || !sameValue(now.value, change.after.value)) continue;
          restored.push(change.key);
          writes.push(
            change.before
              ? {
                  key: change.key,
                  value: change.before.value,
                  source: change.before.source,
                  confidence: 1,
                  evidence: [],
                  updatedBy: actor.id,
                  updatedAt: at,
                }
              : { key: change.key, value: null },
          );
        }
        const updated = writes.length > 0 ? await tx.writeValues(current.id, writes) : current;
        await tx.addEvent({
          type: 'ai_update_undone',
          actor: actor.id,
          caseId: current.id,
          data: { undoes: target.id, restored },
        });
        return { case: updated, restored };
      });
    },
  };
}

function diffAiValues(
  fields: FieldDefinition[],
  current: Case,
  resolved: Map<string, ResolvedValue>,
  protectManualEdits: boolean,
): { changes: FieldChange[]; blocked: number } {
  const changes: FieldChange[] = [];
  let blocked = 0;
  for (const field of fields) {
    if (!field.aiManaged) continue;
    const next = resolved.get(field.key);
    if (!next) continue;
    const before = current.values[field.key];
    if (before && sameValue(before.value, next.value)) continue;
    if (before?.source === 'manual' && protectManualEdits) {
      blocked++;
      continue;
    }
    changes.push({
      key: field.key,
      before: before ? { value: before.value, source: before.source } : null,
      after: { value: next.value, source: next.source },
    });
  }
  return { changes, blocked };
}

function parseEdits(fields: FieldDefinition[], edits: Record<string, unknown>, phoneRegion: string) {
  if (edits === null || typeof edits !== 'object' || Array.isArray(edits)) {
    throw new DomainError('invalid_input', 'Edits must be an object of field keys to values.');
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const errors: Record<string, string> = {};
  const parsed = new Map<string, FieldValue | null>();
  for (const [key, raw] of Object.entries(edits)) {
    const field = byKey.get(key);
    if (!field) {
      errors[key] = 'unknown field';
      continue;
    }
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      parsed.set(key, null);
      continue;
    }
    const norm = normaliseValue(field, raw, { phoneRegion });
    if (norm.ok) parsed.set(key, norm.value);
    else errors[key] = norm.reason;
  }
  const bad = Object.keys(errors);
  if (bad.length > 0) {
    const unknown = bad.filter((k) => errors[k] === 'unknown field');
    const message =
      unknown.length === bad.length
        ? `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`
        : `Invalid value: ${bad.map((k) => `${byKey.get(k)?.label ?? k}: ${errors[k]}`).join('; ')}`;
    throw new DomainError(unknown.length === bad.length ? 'unknown_field' : 'invalid_value', message, { errors });
  }
  return parsed;
}

function lastUndoableUpdate(events: Array<{ id: string; type: string; data: Record<string, unknown> }>) {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'ai_update_undone' || event.type === 'manually_edited') return null;
    if (event.type === 'ai_updated') return event;
  }
  return null;
}

function valueSummary(values: CaseFieldValue[]): Record<string, { source: string; confidence: number }> {
  // Values themselves are customer data; the audit row keeps where they came from, the case row keeps them.
  return Object.fromEntries(values.map((v) => [v.key, { source: v.source, confidence: v.confidence }]));
}
