import { normaliseValue } from './normalize.js';
import type { Prediction } from './predict/port.js';
import type { CaseFieldValue, Escalation, FieldDefinition, FieldValue, TenantSettings } from './types.js';

export interface ResolvedValue {
  value: FieldValue;
  source: 'ai' | 'escalation';
  confidence: number;
  evidence: string[];
}

/**
 * Turns a raw prediction into the values the agent may write: each is normalised again (a predictor is not trusted to
 * do it), values under the tenant's confidence threshold count as unknown. Escalation values fill what the
 * conversation does not state, when asked to (at creation, not on updates: a later correction must not be undone).
 */
export function resolvePrediction(
  fields: FieldDefinition[],
  prediction: Prediction | null,
  settings: TenantSettings,
  escalation: Escalation | null,
  useEscalation: boolean,
): Map<string, ResolvedValue> {
  const resolved = new Map<string, ResolvedValue>();
  for (const field of fields) {
    const escalated = useEscalation ? escalationValue(field, escalation, settings) : null;
    const predicted = field.aiManaged ? prediction?.fields[field.key] : undefined;
    if (predicted && predicted.value !== null && predicted.confidence >= settings.confidenceThreshold) {
      const norm = normaliseValue(field, predicted.value, { phoneRegion: settings.phoneRegion });
      if (norm.ok) {
        const sameAsBot = escalated !== null && escalated === norm.value;
        resolved.set(field.key, {
          value: norm.value,
          source: sameAsBot ? 'escalation' : 'ai',
          confidence: clamp01(predicted.confidence),
          evidence: [...new Set(predicted.evidence)],
        });
        continue;
      }
    }
    if (escalated !== null)
      resolved.set(field.key, { value: escalated, source: 'escalation', confidence: 1, evidence: [] });
  }
  return resolved;
}

function escalationValue(
  field: FieldDefinition,
  escalation: Escalation | null,
  settings: TenantSettings,
): FieldValue | null {
  if (!escalation || !Object.hasOwn(escalation.values, field.key)) return null;
  const norm = normaliseValue(field, escalation.values[field.key], { phoneRegion: settings.phoneRegion });
  return norm.ok ? norm.value : null;
}

export function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

export function toCaseValue(key: string, r: ResolvedValue, actor: string, at: Date): CaseFieldValue {
  return {
    key,
    value: r.value,
    source: r.source,
    confidence: r.confidence,
    evidence: r.evidence,
    updatedBy: actor,
    updatedAt: at,
  };
}
