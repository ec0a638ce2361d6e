import { normaliseValue } from '../../normalize.js';
import type { FieldDefinition, FieldValue } from '../../types.js';
import { type FieldPrediction, type Prediction, type PredictionInput, type Predictor, UNKNOWN } from '../port.js';
import { findApplication } from './applications.js';
import { findRefundRequest, isRefundField } from './booleans.js';
import {
  type ChoiceResult,
  escalationChoice,
  gatherConcepts,
  profileOptions,
  saysLittle,
  scoreChoice,
} from './choice.js';
import { conceptModel } from './classifier.js';
import { rememberingConcepts } from './concepts.js';
import { findDeadlines } from './dates.js';
import { findCustomerEmail } from './email.js';
import { findStatedOption } from './membership.js';
import { findPersonName } from './names.js';
import { findAffectedCount } from './numbers.js';
import { findCustomerPhone } from './phone.js';
import { isPriorityField, predictPriority } from './priority.js';
import { findProduct, productTagger } from './products.js';
import { findReference, referenceKind } from './references.js';
import { buildDescription, buildTitle, problemTurns } from './summary.js';
import { fold } from './text.js';
import { analyseTranscript } from './transcript.js';

export interface OfflinePredictorOptions {
  /** Minimum option score for a choice field; below it the field is unknown rather than a guess. Default 2. */
  choiceThreshold?: number;
}

type Kind =
  | 'title'
  | 'description'
  | 'name'
  | 'email'
  | 'phone'
  | 'reference'
  | 'product'
  | 'application'
  | 'priority'
  | 'category'
  | 'stated'
  | 'deadline'
  | 'count'
  | 'refund'
  | 'unknown';

/** Which extractor reads a field, from its type and what the admin called it: no field key is hard-wired. */
const kindCache = new WeakMap<FieldDefinition, Kind>();

/** Whether a value is the customer's name, or part of it: no product is called that. */
function isPersonsName(value: string, name: string | undefined): boolean {
  if (!name) return false;
  const own = new Set(fold(name).split(/[\s-]+/));
  return fold(value)
    .split(/[\s-]+/)
    .some((w) => w.length > 2 && own.has(w));
}

export function fieldKind(field: FieldDefinition): Kind {
  let kind = kindCache.get(field);
  if (!kind) {
    kind = readFieldKind(field);
    kindCache.set(field, kind);
  }
  return kind;
}

function readFieldKind(field: FieldDefinition): Kind {
  const about = fold(`${field.key.replace(/([a-z])([A-Z])/g, '$1 $2')} ${field.label}`);
  switch (field.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    case 'date':
      return 'deadline';
    case 'number':
      return /\b(?:users?|people|persons|affected|employees|seats|headcount|staff|impacted)\b/.test(about)
        ? 'count'
        : 'unknown';
    case 'boolean':
      return isRefundField(field) ? 'refund' : 'unknown';
    case 'longtext':
      return 'description';
    case 'choice':
      if (isPriorityField(field)) return 'priority';
      return (field.options ?? []).some((o) => o.hint?.trim()) ? 'category' : 'stated';
    case 'text':
      if (/\b(?:title|subject|summary|headline)\b/.test(about)) return 'title';
      if (/\b(?:description|details|notes)\b/.test(about)) return 'description';
      if (referenceKind(field)) return 'reference';
      if (/\b(?:product|item|plan|model|sku)\b/.test(about)) return 'product';
      if (/\b(?:application|app|software|service|system|tool)\b/.test(about)) return 'application';
      if (/\b(?:name|requester|reporter|requestor|customer|employee|caller|contact)\b/.test(about)) return 'name';
      return 'unknown';
  }
}

function prediction(
  field: FieldDefinition,
  raw: unknown,
  confidence: number,
  evidence: string[],
  phoneRegion: string,
): FieldPrediction {
  if (raw === null || raw === undefined) return UNKNOWN;
  const norm = normaliseValue(field, raw, { phoneRegion });
  if (!norm.ok) return UNKNOWN;
  return { value: norm.value as FieldValue, confidence: Math.max(0, Math.min(1, confidence)), evidence };
}

/**
 * The offline predictor: rules and multilingual lexicons over the transcript, with linkifyjs, libphonenumber-js,
 * chrono-node and compromise for what they do well. No network, no model files; a few milliseconds a conversation.
 */
export function createOfflinePredictor(options: OfflinePredictorOptions = {}): Predictor {
  const threshold = options.choiceThreshold ?? 2;
  // Trained once here rather than inside the first prediction someone waits for.
  conceptModel();
  productTagger();
  return {
    name: 'offline',
    async predict(input: PredictionInput): Promise<Prediction> {
      return { fields: predictOffline(input, threshold), predictor: 'offline' };
    },
  };
}

export function predictOffline(input: PredictionInput, threshold = 2): Record<string, FieldPrediction> {
  return rememberingConcepts(() => predictFields(input, threshold));
}

function predictFields(input: PredictionInput, threshold: number): Record<string, FieldPrediction> {
  const t = analyseTranscript(input.messages, input.escalation, input.now);
  const ev = gatherConcepts(t);
  const region = input.phoneRegion;
  const escalated = (key: string): unknown => input.escalation?.values?.[key];
  const kinds = new Map(input.fields.map((f) => [f, fieldKind(f)]));

  // The case category decides whether the problem is known at all: title, description and priority wait for it.
  const categoryField =
    input.fields.find((f) => kinds.get(f) === 'category' && /categor|type|topic/.test(fold(`${f.key} ${f.label}`))) ??
    input.fields.find((f) => kinds.get(f) === 'category');
  const categoryResults = new Map<FieldDefinition, ChoiceResult>();
  // "it's outlook again": a topic named in passing, nothing said about it yet; only a bot's value picks a category.
  const nothingSaidYet = !ev.substantive && ev.problem === 0 && !ev.plainProblem && !ev.plainQuestion && saysLittle(t);
  const UNSCORED: ChoiceResult = { value: null, confidence: 0, evidence: [], score: 0 };
  for (const f of input.fields) {
    if (kinds.get(f) !== 'category') continue;
    const unscored = nothingSaidYet && escalationChoice(f, t, region) === null;
    categoryResults.set(f, unscored ? UNSCORED : scoreChoice(f, t, ev, { threshold, phoneRegion: region }));
  }
  const primary = categoryField ? categoryResults.get(categoryField) : undefined;
  // A problem stated in plain words ("it won't work", "missing") is known even when no option fits it well enough.
  const problemKnown = primary
    ? primary.value !== null ||
      (ev.plainProblem && ev.substantive && (ev.strength.size > 0 || ev.statedProblem !== null))
    : ev.strength.size > 0;
  const support = new Set(primary?.evidence ?? []);
  const turns = problemKnown ? problemTurns(t, support, ev.statedProblem) : [];
  const categoryProfile =
    categoryField && primary?.value
      ? profileOptions(categoryField).find((p) => p.option.value === primary.value)
      : undefined;

  let deadlines: ReturnType<typeof findDeadlines> | null = null;
  const getDeadlines = () => {
    deadlines ??= findDeadlines(t);
    return deadlines;
  };
  // The name the transcript gives, without a bot's value: the name field and the product check both ask for it.
  let transcriptName: ReturnType<typeof findPersonName> | undefined;
  const getTranscriptName = () => {
    if (transcriptName === undefined) transcriptName = findPersonName(t, undefined);
    return transcriptName;
  };
  let affected: ReturnType<typeof findAffectedCount> | undefined;
  const getAffected = () => {
    if (affected === undefined) affected = findAffectedCount(t);
    return affected;
  };

  const out: Record<string, FieldPrediction> = {};
  for (const field of input.fields) {
    const kind = kinds.get(field)!;
    let result: FieldPrediction = UNKNOWN;
    switch (kind) {
      case 'title': {
        const title = problemKnown ? buildTitle(turns) : null;
        result = prediction(field, title, 0.6, turns.map((x) => x.id).filter(Boolean), region);
        break;
      }
      case 'description': {
        const text = problemKnown ? buildDescription(t, turns) : null;
        result = prediction(field, text, 0.5, turns.map((x) => x.id).filter(Boolean), region);
        break;
      }
      case 'name': {
        const bot = escalated(field.key);
        // A bot's name only adds a candidate: without one the transcript's name is the answer.
        const found = typeof bot === 'string' && bot.trim() ? findPersonName(t, bot) : getTranscriptName();
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'email': {
        const found = findCustomerEmail(t, escalated(field.key));
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'phone': {
        const found = findCustomerPhone(t, region, escalated(field.key));
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'reference': {
        const found = findReference(field, input.fields, t);
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'product': {
        const found = findProduct(t, escalated(field.key));
        // "probably Ezinne Hartley-Obi, I got married": the learned tagger's guesses can be the customer's own name.
        if (found && found.confidence <= 0.5 && isPersonsName(found.value, getTranscriptName()?.value)) break;
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'application': {
        const found = findApplication(t, escalated(field.key));
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'category': {
        const r = categoryResults.get(field);
        if (r?.value) result = prediction(field, r.value, r.confidence, r.evidence, region);
        break;
      }
      case 'priority': {
        if (!problemKnown) break;
        const r = predictPriority({
          field,
          t,
          ev,
          deadlines: getDeadlines(),
          affected: getAffected()?.value ?? null,
          noProblemCategory: categoryProfile?.noProblem ?? false,
          category: categoryProfile,
        });
        if (r) result = prediction(field, r.value, r.confidence, r.evidence, region);
        break;
      }
      case 'stated': {
        const found = findStatedOption(field, t, escalationChoice(field, t, region));
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        break;
      }
      case 'deadline': {
        const list = getDeadlines();
        const last = list[list.length - 1];
        if (last) result = prediction(field, last.date, 0.7, [last.turn.id].filter(Boolean), region);
        else if (escalated(field.key) !== undefined) result = prediction(field, escalated(field.key), 0.8, [], region);
        break;
      }
      case 'count': {
        const found = getAffected();
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        else if (escalated(field.key) !== undefined) result = prediction(field, escalated(field.key), 0.8, [], region);
        break;
      }
      case 'refund': {
        const found = findRefundRequest(t);
        if (found) result = prediction(field, found.value, found.confidence, found.evidence, region);
        else if (escalated(field.key) !== undefined) result = prediction(field, escalated(field.key), 0.8, [], region);
        break;
      }
      case 'unknown': {
        if (escalated(field.key) !== undefined) result = prediction(field, escalated(field.key), 0.8, [], region);
        break;
      }
    }
    if (result.value === null && kind !== 'title' && kind !== 'description' && kind !== 'priority') {
      const bot = escalated(field.key);
      if (bot !== undefined) result = prediction(field, bot, 0.8, [], region);
    }
    out[field.key] = result;
  }
  return out;
}
