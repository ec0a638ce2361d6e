import type { Escalation, FieldDefinition, FieldValue, MessageRole } from '../types.js';

/** A message as a predictor sees it: deleted messages are never passed in. */
export interface TranscriptMessage {
  id: string;
  role: MessageRole;
  author: string;
  text: string;
  sentAt: Date;
}

export interface PredictionInput {
  /** The fields to predict (callers pass the AI-managed ones). */
  fields: FieldDefinition[];
  messages: TranscriptMessage[];
  escalation: Escalation | null;
  /** The case's current values on an update; null when there is no case yet. */
  current: Record<string, FieldValue> | null;
  /** The reference time: relative dates resolve against it. */
  now: Date;
  /** Default region for national phone numbers (ISO 3166 alpha-2). */
  phoneRegion: string;
}

export interface FieldPrediction {
  /** Normalised value, or null for unknown (not stated / abstained). */
  value: FieldValue | null;
  /** In [0,1]. */
  confidence: number;
  /** Ids of the messages the value rests on. */
  evidence: string[];
}

export interface Prediction {
  /** One entry per requested field key. */
  fields: Record<string, FieldPrediction>;
  /** Which predictor produced it, e.g. `offline` or `llm:gpt-4o-mini`. */
  predictor: string;
  /** Set when the configured predictor failed and another one answered instead. */
  fallback?: { from: string; reason: string };
  /** Prompt tokens spent, when an LLM was asked. */
  promptTokens?: number;
}

export interface Predictor {
  readonly name: string;
  predict(input: PredictionInput): Promise<Prediction>;
}

export const UNKNOWN: FieldPrediction = Object.freeze({ value: null, confidence: 0, evidence: [] }) as FieldPrediction;
