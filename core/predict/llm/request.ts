import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { FieldValue } from '../../types.js';
import type { PredictionInput } from '../port.js';
import { countChatTokens, countTokens, DEFAULT_PROMPT_BUDGET, selectMessages, truncateToTokens } from './budget.js';
import { buildSystemPrompt, buildUserPrompt, renderGap, renderMessage } from './prompt.js';
import { Redactor } from './redact.js';
import { buildResponseSchema, SCHEMA_NAME } from './schema.js';

export interface RequestConfig {
  model: string;
  /** Prompt tokens the request may use; default 6,000. */
  promptBudget?: number;
  /** Replace emails and phone numbers by placeholders; default true. */
  redactPii?: boolean;
  /** Default 0; null leaves it out of the request. */
  temperature?: number | null;
}

export interface ChatRequest {
  /** Exactly what is sent to `chat.completions.create`. */
  body: ChatCompletionCreateParamsNonStreaming;
  /** Counted with o200k_base: system and user prompt, chat framing and the response schema. */
  promptTokens: number;
  /** Message number shown in the prompt → message id; only shown messages are here. */
  numbering: Map<number, string>;
  redactor: Redactor;
  shownMessages: number;
  omittedMessages: number;
}

const MAX_ESCALATION_TOKENS = 800;
const MAX_VALUE_TOKENS = 300;

function jsonValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Which shown messages to give up first when the prompt runs over: the oldest of the most recent run, then the opening
 * from its end, so the first messages (the problem) and the latest (where it stands) go last.
 */
function dropOrder(chosen: number[]): number[] {
  let start = chosen.length - 1;
  while (start > 0 && chosen[start - 1] === chosen[start]! - 1) start--;
  if (start === 0) {
    const keep = Math.min(3, chosen.length);
    return [...chosen.slice(keep, -1), ...chosen.slice(0, keep).reverse(), ...chosen.slice(-1)];
  }
  return [...chosen.slice(start), ...chosen.slice(0, start).reverse()];
}

/**
 * The request for one prediction, built without calling anything: pure apart from the tokenizer, so the benchmark
 * and the tests can see exactly what an endpoint would receive and how many tokens it costs.
 */
export function buildChatRequest(input: PredictionInput, config: RequestConfig): ChatRequest {
  const budget = config.promptBudget ?? DEFAULT_PROMPT_BUDGET;
  const redactor = new Redactor(config.redactPii ?? true, input.phoneRegion);
  const schema = buildResponseSchema(input.fields);
  const system = buildSystemPrompt(input.fields);

  // Placeholders are numbered in the order values are met (escalation, current values, then messages as the budget
  // considers them); the numbers are only labels, the same value always gets the same one.
  let escalation: { bot?: string; summary?: string; values: string[] } | null = null;
  if (input.escalation) {
    const e = input.escalation;
    escalation = { values: [] };
    if (e.bot) escalation.bot = e.bot;
    if (e.summary) escalation.summary = truncateToTokens(redactor.redact(e.summary), MAX_ESCALATION_TOKENS).text;
    for (const [key, value] of Object.entries(e.values ?? {})) {
      if (value === null || value === undefined || value === '') continue;
      const field = input.fields.find((f) => f.key === key);
      const shown =
        field && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          ? jsonValue(redactor.redactValue(field, value))
          : redactor.redact(jsonValue(value));
      escalation.values.push(`${key}: ${truncateToTokens(shown, MAX_VALUE_TOKENS).text}`);
    }
  }

  let current: string[] | null = null;
  if (input.current) {
    current = [];
    for (const field of input.fields) {
      const value: FieldValue | undefined = input.current[field.key];
      if (value === undefined || value === null || value === '') continue;
      current.push(
        `${field.key}: ${truncateToTokens(jsonValue(redactor.redactValue(field, value)), MAX_VALUE_TOKENS).text}`,
      );
    }
  }

  const assemble = (transcript: string[], shown: number) =>
    buildUserPrompt({
      now: input.now,
      current,
      escalation,
      totalMessages: input.messages.length,
      shownMessages: shown,
      transcript,
    });

  // The instructions and the schema do not change while the transcript is fitted; count them once.
  const constant = countChatTokens([system]) + countTokens(JSON.stringify(schema));
  const total = (user: string) => constant + countChatTokens([user]) - countChatTokens([]);
  const fixed = total(assemble([], 0));
  const available = Math.max(0, budget - fixed);
  // One pasted log must not crowd out the rest of the conversation.
  const perMessageCap = Math.max(100, Math.min(1_500, Math.floor(available / 4)));

  const lines = new Map<number, { line: string; tokens: number }>();
  const lineOf = (i: number) => {
    let entry = lines.get(i);
    if (!entry) {
      const m = input.messages[i]!;
      // Redacted only when considered: a 10,000-message conversation costs what the ~100 messages that fit cost.
      const text = truncateToTokens(redactor.redact(m.text), perMessageCap).text;
      const author = redactor.redact(m.author);
      const line = renderMessage({ number: i + 1, role: m.role, author, sentAt: m.sentAt, text });
      entry = { line, tokens: countTokens(line) + 1 };
      lines.set(i, entry);
    }
    return entry;
  };

  let chosen = selectMessages(
    input.messages.length,
    (i) => lineOf(i).tokens,
    (i) => input.messages[i]!.role === 'customer',
    available,
  );

  const render = (indices: number[]) => {
    const transcript: string[] = [];
    let next = 0;
    for (const i of indices) {
      if (i > next) transcript.push(renderGap(next + 1, i));
      transcript.push(lineOf(i).line);
      next = i + 1;
    }
    if (next < input.messages.length) transcript.push(renderGap(next + 1, input.messages.length));
    return assemble(transcript, indices.length);
  };

  let user = render(chosen);
  let promptTokens = total(user);
  // The selection estimates the cost of gap lines; the count of the whole prompt is the one that decides.
  while (promptTokens > budget && chosen.length > 0) {
    let over = promptTokens - budget;
    const drop = new Set<number>();
    for (const i of dropOrder(chosen)) {
      drop.add(i);
      over -= lineOf(i).tokens;
      if (over <= 0) break;
    }
    chosen = chosen.filter((i) => !drop.has(i));
    user = render(chosen);
    promptTokens = total(user);
  }

  redactor.retainShown(user);
  const numbering = new Map<number, string>();
  for (const i of chosen) numbering.set(i + 1, input.messages[i]!.id);

  const body: ChatCompletionCreateParamsNonStreaming = {
    model: config.model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    response_format: { type: 'json_schema', json_schema: { name: SCHEMA_NAME, strict: true, schema } },
  };
  const temperature = config.temperature === undefined ? 0 : config.temperature;
  if (temperature !== null) body.temperature = temperature;

  return {
    body,
    promptTokens,
    numbering,
    redactor,
    shownMessages: chosen.length,
    omittedMessages: input.messages.length - chosen.length,
  };
}
