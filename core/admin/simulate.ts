import { type CaseScore, countOutcome, judgedOnFilled, scoreCase } from '../eval/index.js';
import type { CaseStore, ConversationSnapshot } from '../ports.js';
import type { Predictor } from '../predict/port.js';
import { resolvePrediction } from '../resolve.js';
import type { FieldDefinition } from '../types.js';

/** How each field did when the tenant's closed conversations were predicted again. */
export interface FieldScore {
  key: string;
  label: string;
  /** title and longtext fields are judged on being filled, not on their words. */
  judgedOn: 'value' | 'filled';
  labelled: number;
  right: number;
  /** Predicted although the closed case has no value. */
  hallucinated: number;
  unlabelled: number;
  /** Labelled but predicted unknown. */
  abstained: number;
}

export interface SimulationMiss {
  conversationId: string;
  field: string;
  expected: string;
  got: string;
}

export interface SimulationReport {
  predictor: string;
  conversations: number;
  /** Closed conversations without a case (nothing to compare with) or whose prediction failed. */
  skipped: number;
  fields: FieldScore[];
  /** Share right over labelled value-judged fields; null when there was nothing to score. */
  fieldAccuracy: number | null;
  hallucinationRate: number | null;
  /** Would the agent have created the case at the end (every required field predicted)? */
  decisionAccuracyEnd: number | null;
  misses: SimulationMiss[];
}

export interface SimulateDeps {
  store: CaseStore;
  predictor: Predictor;
}

export const DEFAULT_SIMULATE_LIMIT = 50;
const MAX_MISSES = 5;

/**
 * The eval on real data: each closed case's final values are the labels, the conversation is predicted again at its
 * end checkpoint and scored field by field. Nothing is written.
 */
export async function simulateTenant(
  { store, predictor }: SimulateDeps,
  tenantId: string,
  options: { limit?: number | null } = {},
): Promise<SimulationReport> {
  const conversations = await store.listConversations(tenantId, {
    states: ['closed'],
    limit: options.limit ?? DEFAULT_SIMULATE_LIMIT,
  });
  const settings = await store.getSettings(tenantId);
  const fields = await store.getFields(tenantId);
  // Only what the AI may fill is predicted, so only that is scored.
  const managed = fields.filter((f) => f.aiManaged);
  const scores: CaseScore[] = [];
  let skipped = 0;

  for (const conversation of conversations) {
    const snap = await store.loadSnapshot(tenantId, conversation.id);
    if (!snap?.case) {
      skipped++;
      continue;
    }
    const prediction = await predictAtEnd(predictor, snap, managed).catch(() => null);
    if (!prediction) {
      skipped++;
      continue;
    }
    const resolved = resolvePrediction(fields, prediction, settings, snap.conversation.escalation, true);
    const labels = Object.fromEntries(managed.map((f) => [f.key, snap.case?.values[f.key]?.value ?? null]));
    const predicted = Object.fromEntries(managed.map((f) => [f.key, resolved.get(f.key)?.value ?? null]));
    scores.push(scoreCase(conversation.id, 'end', managed, labels, predicted));
  }
  return summarise(predictor.name, managed, scores, skipped);
}

/** The eval's totals over the tenant's conversations (the pure per-case scoring is `core/eval`'s). */
function summarise(
  predictor: string,
  fields: FieldDefinition[],
  scores: CaseScore[],
  skipped: number,
): SimulationReport {
  const rows = new Map<string, FieldScore>(
    fields.map((f) => [
      f.key,
      {
        key: f.key,
        label: f.label,
        judgedOn: judgedOnFilled(f) ? 'filled' : 'value',
        labelled: 0,
        right: 0,
        hallucinated: 0,
        unlabelled: 0,
        abstained: 0,
      },
    ]),
  );
  let scored = 0;
  let scoredRight = 0;
  let decisionsRight = 0;
  const misses: SimulationMiss[] = [];
  for (const score of scores) {
    if (score.shouldCreate === score.wouldCreate) decisionsRight++;
    for (const o of score.outcomes) {
      const row = rows.get(o.field);
      if (!row) continue;
      countOutcome(row, o);
      if (o.scored) {
        scored++;
        if (o.verdict === 'right') scoredRight++;
      }
      if ((o.verdict === 'wrong' || o.verdict === 'missed') && misses.length < MAX_MISSES) {
        misses.push({
          conversationId: score.caseId,
          field: o.field,
          expected: String(o.expected),
          got: o.got === null ? '(unknown)' : String(o.got),
        });
      }
    }
  }
  const all = [...rows.values()];
  const unlabelled = all.reduce((n, r) => n + r.unlabelled, 0);
  const hallucinated = all.reduce((n, r) => n + r.hallucinated, 0);
  return {
    predictor,
    conversations: scores.length,
    skipped,
    fields: all,
    fieldAccuracy: scored ? scoredRight / scored : null,
    hallucinationRate: unlabelled ? hallucinated / unlabelled : null,
    decisionAccuracyEnd: scores.length ? decisionsRight / scores.length : null,
    misses,
  };
}

async function predictAtEnd(predictor: Predictor, snap: ConversationSnapshot, managed: FieldDefinition[]) {
  const messages = snap.messages.filter((m) => !m.deleted);
  const last = messages[messages.length - 1];
  return predictor.predict({
    fields: managed,
    messages: messages.map((m) => ({ id: m.id, role: m.role, author: m.author.name, text: m.text, sentAt: m.sentAt })),
    escalation: snap.conversation.escalation,
    current: null,
    now: last?.sentAt ?? snap.conversation.updatedAt,
    phoneRegion: snap.settings.phoneRegion,
  });
}
