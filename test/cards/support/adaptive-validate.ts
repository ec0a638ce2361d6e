/**
 * Validation with the official `adaptivecards` library (3.0.6). The library needs a DOM even to parse, so jsdom
 * provides `window`/`document`; its ESM build has extensionless imports Node cannot resolve, so the UMD bundle is
 * loaded instead.
 */
import { createRequire } from 'node:module';
import type * as AC from 'adaptivecards';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const g = globalThis as Record<string, unknown>;
g.window ??= dom.window;
g.document ??= dom.window.document;
g.navigator ??= dom.window.navigator;
g.HTMLElement ??= dom.window.HTMLElement;

const require = createRequire(import.meta.url);
export const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AC;

/** Teams-only extensions the JS library does not model. */
const HOST_EXTENSIONS = new Set(['msteams']);

export interface Validation {
  problems: string[];
  roundTrip: unknown;
}

/**
 * Parse with a SerializationContext (collects unknown elements/actions, bad values), run `validateProperties()`
 * (duplicate ids, missing labels, too many actions…) and compare the card with the library's own re-serialisation:
 * the library silently drops properties it does not know, so anything missing from the round-trip is unknown.
 */
export function validateAdaptiveCard(json: unknown): Validation {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
  }
  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    problems.push(`validate: ${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
  }
  const roundTrip = card.toJSON();
  compare(json, roundTrip, '$', problems, true);
  return { problems, roundTrip };
}

function compare(input: unknown, output: unknown, path: string, problems: string[], root = false): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      problems.push(`round-trip: ${path} lost items (${JSON.stringify(output)?.slice(0, 200)})`);
      return;
    }
    input.forEach((item, i) => {
      compare(item, output[i], `${path}[${i}]`, problems);
    });
    return;
  }
  if (input !== null && typeof input === 'object') {
    if (output === null || typeof output !== 'object') {
      problems.push(`round-trip: ${path} is not an object after parsing`);
      return;
    }
    const out = output as Record<string, unknown>;
    // `data` is the author's payload: the library keeps it verbatim, nothing to learn inside.
    for (const [key, value] of Object.entries(input)) {
      if (root && HOST_EXTENSIONS.has(key)) continue;
      if (!(key in out)) {
        problems.push(`round-trip: unknown or invalid property ${path}.${key}`);
        continue;
      }
      if (key === 'data') continue;
      compare(value, out[key], `${path}.${key}`, problems);
    }
    return;
  }
  const same =
    typeof input === 'string' && typeof output === 'string'
      ? input.toLowerCase() === output.toLowerCase()
      : input === output || String(input) === String(output);
  if (!same)
    problems.push(
      `round-trip: ${path} = ${JSON.stringify(input)?.slice(0, 80)} became ${JSON.stringify(output)?.slice(0, 80)}`,
    );
}
