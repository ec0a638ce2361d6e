import type { Escalation } from '../../core/types.js';
import { obj, str } from './payloads.js';

/** The Slack message metadata event type a self-service bot posts when it hands a customer over. */
export const ESCALATION_EVENT_TYPE = 'support_escalation';

const MAX_VALUES = 100;
const MAX_SUMMARY = 4_000;
const MAX_VALUE_CHARS = 2_000;

/**
 * `metadata: { event_type: 'support_escalation', event_payload: { summary, values, bot? } }` as escalation context;
 * null for any other metadata. Only scalar values are kept (the core normalises them per field later).
 */
export function readEscalation(metadata: unknown, botName: string | null): Escalation | null {
  const meta = obj(metadata);
  if (!meta || meta.event_type !== ESCALATION_EVENT_TYPE) return null;
  const payload = obj(meta.event_payload) ?? {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj(payload.values) ?? {}).slice(0, MAX_VALUES)) {
    if (typeof value === 'string') values[key] = value.slice(0, MAX_VALUE_CHARS);
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = value;
  }
  const escalation: Escalation = { values };
  const summary = str(payload.summary);
  if (summary) escalation.summary = summary.slice(0, MAX_SUMMARY);
  const bot = str(payload.bot) ?? botName;
  if (bot) escalation.bot = bot.slice(0, 100);
  return escalation;
}
