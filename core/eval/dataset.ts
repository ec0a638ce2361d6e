import { parseFieldDefinitions } from '../fields.js';
import { normaliseValue } from '../normalize.js';
import type { Escalation, FieldDefinition, FieldValue, MessageRole } from '../types.js';

/** One labelled conversation of an eval data set (`../shared/eval/README.md`). */
export interface EvalCase {
  id: string;
  fieldSet: string;
  referenceTime: Date;
  language: string | null;
  escalation: Escalation | null;
  messages: Array<{ role: MessageRole; author: string; text: string }>;
  acceptAfter: number;
  /** Normalised labels per field key; null = not stated. */
  expectedAtAccept: Record<string, FieldValue | null>;
  expectedAtEnd: Record<string, FieldValue | null>;
  notes: string | null;
  /** Where it came from, for messages: `file:line`. */
  source: string;
}

export interface InputProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

const ROLES = new Set<MessageRole>(['customer', 'agent', 'bot']);

/** A field set file's JSON, validated like an admin's configuration. Throws a DomainError with a readable message. */
export function parseFieldSet(json: unknown): FieldDefinition[] {
  return parseFieldDefinitions(json);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function parseLabels(
  raw: unknown,
  name: string,
  fields: FieldDefinition[],
  phoneRegion: string,
): { labels: Record<string, FieldValue | null> } | { error: string } {
  if (!isRecord(raw)) return { error: `${name} must be an object of field key -> value or null` };
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const labels: Record<string, FieldValue | null> = {};
  for (const key of Object.keys(raw)) {
    if (!byKey.has(key)) return { error: `${name}.${key} is not a field of this field set` };
  }
  for (const field of fields) {
    const value = raw[field.key];
    if (value === null || value === undefined) {
      labels[field.key] = null;
      continue;
    }
    const norm = normaliseValue(field, value, { phoneRegion });
    if (!norm.ok) return { error: `${name}.${field.key}: ${norm.reason}` };
    labels[field.key] = norm.value;
  }
  return { labels };
}

/**
 * Parses a JSONL data set. Bad lines (not JSON, missing parts, unknown field set, a label that fails normalisation) are
 * returned as problems with file:line and skipped; the good ones are returned in order.
 */
export function parseDataset(
  text: string,
  file: string,
  fieldSets: ReadonlyMap<string, FieldDefinition[]>,
  options: { phoneRegion?: string } = {},
): { cases: EvalCase[]; problems: InputProblem[] } {
  const phoneRegion = options.phoneRegion ?? 'US';
  const cases: EvalCase[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [i, lineText] of lines.entries()) {
    const line = i + 1;
    if (lineText.trim() === '') continue;
    const problem = parseLine(lineText, file, line, fieldSets, phoneRegion, seen);
    if ('message' in problem) problems.push(problem);
    else cases.push(problem);
  }
  return { cases, problems };
}

function parseLine(
  lineText: string,
  file: string,
  line: number,
  fieldSets: ReadonlyMap<string, FieldDefinition[]>,
  phoneRegion: string,
  seen: Set<string>,
): EvalCase | InputProblem {
  {
    const fail = (message: string): InputProblem => ({ file, line, message });
    let raw: unknown;
    try {
      raw = JSON.parse(lineText);
    } catch (err) {
      return fail(`not valid JSON (${(err as Error).message})`);
    }
    if (!isRecord(raw)) return fail('each line must be one JSON object');
    const id = raw.id;
    if (typeof id !== 'string' || !id) return fail('"id" must be a non-empty string');
    if (seen.has(id)) return fail(`duplicate id "${id}"`);
    const fieldSet = raw.fieldSet;
    if (typeof fieldSet !== 'string') return fail(`${id}: "fieldSet" must be a string`);
    const fields = fieldSets.get(fieldSet);
    if (!fields) {
      return fail(`${id}: unknown field set "${fieldSet}" (known: ${[...fieldSets.keys()].join(', ') || 'none'})`);
    }
    const referenceTime = new Date(String(raw.referenceTime));
    if (typeof raw.referenceTime !== 'string' || Number.isNaN(referenceTime.getTime())) {
      return fail(`${id}: "referenceTime" must be an ISO date-time`);
    }
    if (!Array.isArray(raw.messages)) return fail(`${id}: "messages" must be an array`);
    const messages: EvalCase['messages'] = [];
    for (const [j, m] of raw.messages.entries()) {
      if (!isRecord(m) || !ROLES.has(m.role as MessageRole) || typeof m.text !== 'string') {
        return fail(`${id}: messages[${j}] needs role (customer|agent|bot), author and text`);
      }
      messages.push({ role: m.role as MessageRole, author: String(m.author ?? ''), text: m.text });
    }
    const acceptAfter = raw.acceptAfter;
    if (
      typeof acceptAfter !== 'number' ||
      !Number.isInteger(acceptAfter) ||
      acceptAfter < 0 ||
      acceptAfter > messages.length
    ) {
      return fail(`${id}: "acceptAfter" must be a whole number between 0 and ${messages.length}`);
    }
    let escalation: Escalation | null = null;
    if (raw.escalation !== null && raw.escalation !== undefined) {
      const e = raw.escalation;
      if (!isRecord(e) || (e.values !== undefined && !isRecord(e.values))) {
        return fail(`${id}: "escalation" must be null or { bot, summary, values }`);
      }
      escalation = {
        bot: typeof e.bot === 'string' ? e.bot : undefined,
        summary: typeof e.summary === 'string' ? e.summary : undefined,
        values: isRecord(e.values) ? e.values : {},
      };
    }
    const atAccept = parseLabels(raw.expectedAtAccept, 'expectedAtAccept', fields, phoneRegion);
    if ('error' in atAccept) return fail(`${id}: ${atAccept.error}`);
    const atEnd = parseLabels(raw.expectedAtEnd, 'expectedAtEnd', fields, phoneRegion);
    if ('error' in atEnd) return fail(`${id}: ${atEnd.error}`);
    seen.add(id);
    return {
      id,
      fieldSet,
      referenceTime,
      language: typeof raw.language === 'string' ? raw.language : null,
      escalation,
      messages,
      acceptAfter,
      expectedAtAccept: atAccept.labels,
      expectedAtEnd: atEnd.labels,
      notes: typeof raw.notes === 'string' ? raw.notes : null,
      source: `${file}:${line}`,
    };
  }
}
