import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

/** Prompt tokens a request may use unless configured otherwise. */
export const DEFAULT_PROMPT_BUDGET = 6_000;

/** Chat framing per message (role, separators) and the reply priming, as OpenAI documents for its chat models. */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

let encoder: Tiktoken | undefined;

// o200k_base is the gpt-4o family's encoding; for other models (Llama, Mistral) it is an estimate, and a close one
// since their vocabularies are of similar size. The ranks ship inside js-tiktoken: nothing is fetched.
function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

function encode(text: string): number[] {
  // Special tokens in customer text ("<|endoftext|>") are plain text here, not an error.
  return tokenizer().encode(text, [], []);
}

export function countTokens(text: string): number {
  return text === '' ? 0 : encode(text).length;
}

/** Tokens of a chat request: every message's content plus the framing around it. */
export function countChatTokens(contents: string[]): number {
  return contents.reduce((sum, c) => sum + countTokens(c) + TOKENS_PER_MESSAGE, REPLY_PRIMING);
}

/** The text cut to at most `max` tokens, saying how much was cut. */
export function truncateToTokens(text: string, max: number): { text: string; truncated: number } {
  const tokens = encode(text);
  if (tokens.length <= max) return { text, truncated: 0 };
  const cut = tokens.length - max;
  return { text: `${tokenizer().decode(tokens.slice(0, max))} … [${cut} tokens cut]`, truncated: cut };
}

export interface SelectOptions {
  /** How many of the first customer messages are kept however long the conversation grows. */
  openingCustomerMessages: number;
  /** Share of the available tokens the opening may take; the rest goes to the most recent messages. */
  openingShare: number;
  /** What one "messages left out" line costs, reserved per gap. */
  gapTokens: number;
}

export const DEFAULT_SELECT: SelectOptions = { openingCustomerMessages: 3, openingShare: 0.3, gapTokens: 24 };

/**
 * Which messages go into the prompt, by index: the opening (the first customer messages, which usually state the
 * problem, and what was said between them) and then the most recent messages, newest first, until `available` tokens
 * are spent. A recent run stops at the first message that does not fit, so it never skips a message in the middle of
 * what it shows. `cost(i)` is only called for messages that are considered, so a long conversation is not counted in
 * full.
 */
export function selectMessages(
  count: number,
  cost: (index: number) => number,
  isCustomer: (index: number) => boolean,
  available: number,
  options: SelectOptions = DEFAULT_SELECT,
): number[] {
  const chosen = new Set<number>();
  const openingBudget = Math.floor(available * options.openingShare);
  let used = 0;

  let lastOpening = -1;
  let customers = 0;
  for (let i = 0; i < count && customers < options.openingCustomerMessages; i++) {
    if (!isCustomer(i)) continue;
    const c = cost(i) + options.gapTokens;
    if (used + c > openingBudget) break;
    chosen.add(i);
    used += c;
    customers += 1;
    lastOpening = i;
  }
  for (let i = 0; i < lastOpening; i++) {
    if (chosen.has(i)) continue;
    const c = cost(i);
    if (used + c > openingBudget) break;
    chosen.add(i);
    used += c;
  }

  used += options.gapTokens;
  for (let i = count - 1; i >= 0; i--) {
    if (chosen.has(i)) continue;
    if (i < lastOpening) break;
    const c = cost(i);
    if (used + c > available) break;
    chosen.add(i);
    used += c;
  }
  return [...chosen].sort((a, b) => a - b);
}
