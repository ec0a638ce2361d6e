import type { FieldDefinition, FieldValue } from '../../types.js';
import { findEmails, findPhones } from '../offline/contacts.js';
import type { TranscriptMessage } from '../port.js';

export type PiiKind = 'EMAIL' | 'PHONE';

export interface PiiEntry {
  placeholder: string;
  kind: PiiKind;
  /** Normalised (email lower-case, phone E.164): what an email or phone field gets back. */
  value: string;
  /** As first written: what free text gets back, so an order number that looked like a phone stays as typed. */
  raw: string;
}

/**
 * Swaps emails and phone numbers for stable placeholders before anything leaves the process, and maps them back in
 * the answer. One instance per prediction: numbering restarts, so placeholders never leak across conversations.
 */
export class Redactor {
  readonly entries = new Map<string, PiiEntry>();
  private readonly byValue = new Map<string, PiiEntry>();
  private readonly counters: Record<PiiKind, number> = { EMAIL: 0, PHONE: 0 };

  constructor(
    readonly enabled: boolean,
    private readonly phoneRegion: string,
  ) {}

  private entryFor(kind: PiiKind, value: string, raw: string): PiiEntry {
    const id = `${kind}:${value}`;
    const existing = this.byValue.get(id);
    if (existing) return existing;
    this.counters[kind] += 1;
    const entry: PiiEntry = { placeholder: `<${kind}_${this.counters[kind]}>`, kind, value, raw };
    this.byValue.set(id, entry);
    this.entries.set(entry.placeholder, entry);
    return entry;
  }

  redact(text: string): string {
    if (!this.enabled || text === '') return text;
    const spans: Array<{ start: number; end: number; kind: PiiKind; value: string; raw: string }> = [];
    for (const m of findEmails(text)) spans.push({ ...m, kind: 'EMAIL' });
    for (const m of findPhones(text, this.phoneRegion)) {
      // Digits inside an email address are already covered by the email.
      if (!spans.some((s) => m.start < s.end && s.start < m.end)) spans.push({ ...m, kind: 'PHONE' });
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      out += text.slice(at, span.start) + this.entryFor(span.kind, span.value, span.raw).placeholder;
      at = span.end;
    }
    return out + text.slice(at);
  }

  /** A stored value of an email or phone field: registered by its normalised form so it matches the transcript's. */
  redactValue(field: FieldDefinition, value: FieldValue): FieldValue {
    if (!this.enabled || typeof value !== 'string') return value;
    if (field.type === 'email') return this.entryFor('EMAIL', value.toLowerCase(), value).placeholder;
    if (field.type === 'phone') {
      const found = findPhones(value, this.phoneRegion)[0];
      return found ? this.entryFor('PHONE', found.value, value).placeholder : this.redact(value);
    }
    return this.redact(value);
  }

  /** Puts the real values back into a string the model returned. */
  restore(text: string, field: FieldDefinition): string {
    if (this.entries.size === 0) return text;
    const exact = this.entries.get(text.trim());
    const asValue = field.type === 'email' || field.type === 'phone';
    if (exact) return asValue ? exact.value : exact.raw;
    return text.replace(/<(EMAIL|PHONE)_\d+>/g, (placeholder) => {
      const entry = this.entries.get(placeholder);
      if (!entry) return placeholder;
      return asValue ? entry.value : entry.raw;
    });
  }

  /**
   * Forgets placeholders the prompt does not show (met in a message the budget then left out): the model cannot have
   * read them, so an answer naming one is a guess, not a value to restore.
   */
  retainShown(prompt: string): void {
    for (const placeholder of [...this.entries.keys()]) {
      if (!prompt.includes(placeholder)) this.entries.delete(placeholder);
    }
  }

  /** True when the text still holds a placeholder the prompt did not show: the model made it up. */
  hasUnknownPlaceholder(text: string): boolean {
    for (const m of text.matchAll(/<(EMAIL|PHONE)_\d+>/g)) if (!this.entries.has(m[0])) return true;
    return false;
  }
}

export interface LocalContact {
  value: string;
  messageId: string;
}

/**
 * The contact a customer gave last, read locally: the model may not pick a placeholder for an email or phone field,
 * but the value never needed to leave the process to be found. Agent and bot messages are skipped (their own support
 * addresses are not the customer's).
 */
export function localContact(
  field: FieldDefinition,
  messages: TranscriptMessage[],
  phoneRegion: string,
): LocalContact | null {
  if (field.type !== 'email' && field.type !== 'phone') return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'customer') continue;
    const found = field.type === 'email' ? findEmails(message.text) : findPhones(message.text, phoneRegion);
    const last = found[found.length - 1];
    if (last) return { value: last.value, messageId: message.id };
  }
  return null;
}
