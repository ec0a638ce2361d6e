import { normaliseValue } from '../normalize.js';
import type { CaseStore, ConversationSnapshot } from '../ports.js';
import type { Predictor } from '../predict/port.js';
import { resolvePrediction } from '../resolve.js';
import type { FieldDefinition, FieldValue } from '../types.js';

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
  /** Compares a label with a prediction; defaults to the eval's rules (see `sameForScoring`). */
  same?: (field: FieldDefinition, expected: FieldValue, got: FieldValue) => boolean;
}

export const DEFAULT_SIMULATE_LIMIT = 50;
const MAX_MISSES = 5;

/**
 * The eval on real data: each closed case's final values are the labels, the conversation is predicted again at its
 * end checkpoint and scored field by field. Nothing is written.
 */
export async function simulateTenant(
  { store, predictor, same = sameForScoring }: SimulateDeps,
  tenantId: string,
  options: { limit?: number | null } = {},
): Promise<SimulationReport> {
  const conversations = await store.listConversations(tenantId, {
    states: ['closed'],
    limit: options.limit ?? DEFAULT_SIMULATE_LIMIT,
  });
  const settings = await store.getSettings(tenantId);
  const fields = await store.getFields(tenantId);
  const scores = new Map<string, FieldScore>(
    fields
      .filter((f) => f.aiManaged)
      .map((f) => [
        f.key,
        {
          key: f.key,
          label: f.label,
          judgedOn: f.key === 'title' || f.type === 'longtext' ? 'filled' : 'value',
          labelled: 0,
          right: 0,
          hallucinated: 0,
          unlabelled: 0,
          abstained: 0,
        },
      ]),
  );
  const misses: SimulationMiss[] = [];
  let scored = 0;
  let skipped = 0;
  let decisionsRight = 0;

  for (const conversation of conversations) {
    const snap = await store.loadSnapshot(tenantId, conversation.id);
    if (!snap?.case) {
      skipped++;
      continue;
    }
    const predicted = await predictAtEnd(predictor, snap, fields).catch(() => null);
    if (!predicted) {
      skipped++;
      continue;
    }
    scored++;
    const resolved = resolvePrediction(fields, predicted, settings, snap.conversation.escalation, true);
    const wouldCreate = fields.filter((f) => f.required).every((f) => resolved.has(f.key));
    const shouldCreate = fields.filter((f) => f.required).every((f) => snap.case?.values[f.key] !== undefined);
    if (wouldCreate === shouldCreate) decisionsRight++;

    for (const field of fields) {
      const score = scores.get(field.key);
      if (!score) continue;
      const expected = snap.case.values[field.key]?.value ?? null;
      const got = resolved.get(field.key)?.value ?? null;
      if (expected === null) {
        score.unlabelled++;
        if (got !== null) score.hallucinated++;
        continue;
      }
      score.labelled++;
      if (got === null) score.abstained++;
      const right = got !== null && (score.judgedOn === 'filled' || same(field, expected, got));
      if (right) score.right++;
      else if (misses.length < MAX_MISSES) {
        misses.push({
          conversationId: conversation.id,
          field: field.key,
          expected: String(expected),
          got: got === null ? '(unknown)' : String(got),
        });
      }
    }
  }

  const valueScores = [...scores.values()].filter((s) => s.judgedOn === 'value');
  const labelled = valueScores.reduce((n, s) => n + s.labelled, 0);
  const right = valueScores.reduce((n, s) => n + s.right, 0);
  const unlabelled = [...scores.values()].reduce((n, s) => n + s.unlabelled, 0);
  const hallucinated = [...scores.values()].reduce((n, s) => n + s.hallucinated, 0);
  return {
    predictor: predictor.name,
    conversations: scored,
    skipped,
    fields: [...scores.values()],
    fieldAccuracy: labelled ? right / labelled : null,
    hallucinationRate: unlabelled ? hallucinated / unlabelled : null,
    decisionAccuracyEnd: scored ? decisionsRight / scored : null,
    misses,
  };
}

async function predictAtEnd(predictor: Predictor, snap: ConversationSnapshot, fields: FieldDefinition[]) {
  const messages = snap.messages.filter((m) => !m.deleted);
  const last = messages[messages.length - 1];
  return predictor.predict({
    fields: fields.filter((f) => f.aiManaged),
    messages: messages.map((m) => ({ id: m.id, role: m.role, author: m.author.name, text: m.text, sentAt: m.sentAt })),
    escalation: snap.conversation.escalation,
    current: null,
    now: last?.sentAt ?? snap.conversation.updatedAt,
    phoneRegion: snap.settings.phoneRegion,
  });
}

/**
 * The eval's comparison: typed values equal after normalisation; free text equal once lower-cased, whitespace
 * collapsed and a leading `#` and surrounding punctuation dropped, or word sets overlapping by Jaccard ≥ 0.5.
 */
export function sameForScoring(field: FieldDefinition, expected: FieldValue, got: FieldValue): boolean {
  if (field.type !== 'text') {
    const a = normaliseValue(field, expected);
    const b = normaliseValue(field, got);
    if (a.ok && b.ok)
      return typeof a.value === 'string' && typeof b.value === 'string'
        ? a.value.toLowerCase() === b.value.toLowerCase()
        : a.value === b.value;
    return String(expected) === String(got);
  }
  const a = cleanText(String(expected));
  const b = cleanText(String(got));
  if (a === b) return true;
  const wa = new Set(a.split(' ').filter(Boolean));
  const wb = new Set(b.split(' ').filter(Boolean));
  const union = new Set([...wa, ...wb]);
  if (union.size === 0) return false;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / union.size >= 0.5;
}

function cleanText(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
    .replace(/^#/, '');
}
