import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { normaliseValue } from '../../normalize.js';
import type { Logger } from '../../ports.js';
import type { FieldDefinition } from '../../types.js';
import { type FieldPrediction, type PredictionInput, UNKNOWN } from '../port.js';
import { localContact, type Redactor } from './redact.js';

export type ReadOutcome = { ok: true; fields: Record<string, FieldPrediction> } | { ok: false; reason: string };

export interface ReadContext {
  input: PredictionInput;
  numbering: Map<number, string>;
  redactor: Redactor;
  logger: Logger;
}

const answerSchema = z.object({ fields: z.record(z.string(), z.unknown()) });

// Lenient beyond the strict schema on purpose: OpenAI-compatible servers that ignore `strict` still get their
// well-meant answers read; a field that cannot be read is unknown, not a failed prediction.
const fieldAnswerSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  confidence: z.number().optional(),
  evidence: z.array(z.unknown()).optional(),
});

/** A locally found contact is sure to be in the text, not sure to be the customer's own. */
const LOCAL_CONTACT_CONFIDENCE = 0.6;

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    // Some local models wrap the object in prose or a code fence despite the response format.
    const start = content.indexOf('{');
    const end = content.lastIndexOf('}');
    if (start < 0 || end <= start) return undefined;
    try {
      return JSON.parse(content.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

function clampConfidence(c: number | undefined): number {
  if (c === undefined || !Number.isFinite(c)) return 0.5;
  // Some models answer in percent.
  const v = c > 1 && c <= 100 ? c / 100 : c;
  return Math.min(1, Math.max(0, v));
}

function evidenceIds(raw: unknown[] | undefined, numbering: Map<number, string>): string[] {
  const ids: string[] = [];
  for (const n of raw ?? []) {
    const number = typeof n === 'string' ? Number(n.replace(/^\[|\]$/g, '')) : n;
    const id = typeof number === 'number' && Number.isInteger(number) ? numbering.get(number) : undefined;
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function readField(field: FieldDefinition, raw: unknown, ctx: ReadContext): FieldPrediction {
  const { logger, redactor } = ctx;
  if (raw === undefined) {
    logger.debug({ field: field.key }, 'llm answer has no entry for the field; unknown');
    return { ...UNKNOWN };
  }
  const parsed = fieldAnswerSchema.safeParse(raw);
  if (!parsed.success) {
    logger.debug(
      { field: field.key, issues: parsed.error.issues.length },
      'llm answer for the field is malformed; unknown',
    );
    return { ...UNKNOWN };
  }
  let value = parsed.data.value;
  if (value === null) return { ...UNKNOWN };
  if (typeof value === 'string') {
    if (redactor.hasUnknownPlaceholder(value)) {
      logger.debug({ field: field.key }, 'llm answered with a placeholder that was never issued; unknown');
      return { ...UNKNOWN };
    }
    value = redactor.restore(value, field);
  }
  const normalised = normaliseValue(field, value, { phoneRegion: ctx.input.phoneRegion });
  if (!normalised.ok) {
    logger.debug({ field: field.key, reason: normalised.reason }, 'llm value rejected by the normaliser; unknown');
    return { ...UNKNOWN };
  }
  return {
    value: normalised.value,
    confidence: clampConfidence(parsed.data.confidence),
    evidence: evidenceIds(parsed.data.evidence, ctx.numbering),
  };
}

/**
 * Reads a completion into field predictions. Not ok only when the answer as a whole is unusable (refused, cut off,
 * not the JSON asked for): that is worth a retry; a single bad value is not.
 */
export function readCompletion(completion: ChatCompletion, ctx: ReadContext): ReadOutcome {
  const choice = completion.choices?.[0];
  if (!choice) return { ok: false, reason: 'no choices in the response' };
  if (choice.message?.refusal) return { ok: false, reason: 'the model refused' };
  if (choice.finish_reason === 'length') return { ok: false, reason: 'output cut off at the token limit' };
  if (choice.finish_reason === 'content_filter') return { ok: false, reason: 'output blocked by the content filter' };
  const content = choice.message?.content;
  if (typeof content !== 'string' || content.trim() === '') return { ok: false, reason: 'empty output' };
  const json = parseJson(content);
  if (json === undefined) return { ok: false, reason: 'output is not JSON' };
  const answer = answerSchema.safeParse(json);
  if (!answer.success) return { ok: false, reason: 'output does not match the schema' };

  const fields: Record<string, FieldPrediction> = {};
  for (const field of ctx.input.fields) {
    let prediction = readField(field, answer.data.fields[field.key], ctx);
    if (prediction.value === null && ctx.redactor.enabled) {
      const local = localContact(field, ctx.input.messages, ctx.input.phoneRegion);
      const normalised = local && normaliseValue(field, local.value, { phoneRegion: ctx.input.phoneRegion });
      if (local && normalised?.ok) {
        prediction = { value: normalised.value, confidence: LOCAL_CONTACT_CONFIDENCE, evidence: [local.messageId] };
      }
    }
    fields[field.key] = prediction;
  }
  return { ok: true, fields };
}
