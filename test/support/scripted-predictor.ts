import type { FieldPrediction, Prediction, PredictionInput, Predictor } from '../../core/predict/port.js';
import type { FieldValue } from '../../core/types.js';

type Answer = Record<
  string,
  FieldValue | null | { value: FieldValue | null; confidence?: number; evidence?: string[] }
>;

/**
 * A deterministic predictor for agent tests: it "knows" a value once a message contains `key=value` (later messages
 * win), like a person reading the thread. Each call is recorded.
 */
export function createScriptedPredictor(options: { delayMs?: number; fail?: () => boolean } = {}) {
  const calls: PredictionInput[] = [];
  let override: Answer | null = null;
  const predictor: Predictor & { calls: PredictionInput[]; answerWith(a: Answer | null): void } = {
    name: 'scripted',
    calls,
    answerWith(a) {
      override = a;
    },
    async predict(input) {
      calls.push(input);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail?.()) throw new Error('scripted predictor failure');
      const fields: Record<string, FieldPrediction> = {};
      for (const field of input.fields) fields[field.key] = { value: null, confidence: 0, evidence: [] };
      for (const message of input.messages) {
        for (const match of message.text.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
          const [, key, raw] = match;
          if (!key || raw === undefined || !(key in fields)) continue;
          const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
          fields[key] = { value, confidence: 0.9, evidence: [message.id] };
        }
      }
      if (override) {
        for (const [key, answer] of Object.entries(override)) {
          fields[key] =
            answer !== null && typeof answer === 'object'
              ? { value: answer.value, confidence: answer.confidence ?? 0.9, evidence: answer.evidence ?? [] }
              : { value: answer, confidence: answer === null ? 0 : 0.9, evidence: [] };
        }
      }
      return { fields, predictor: 'scripted' } satisfies Prediction;
    },
  };
  return predictor;
}
