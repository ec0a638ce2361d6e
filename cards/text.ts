/**
 * Wording shared by both renderers, so Teams and Slack say the same thing. Everything here is plain text: each
 * renderer escapes it for its own markup.
 */
import type { Banner, CaseView, FieldView } from '../core/view.js';

/** Marks a value the AI filled. */
export const AI_MARK = '✨';
/** Appended wherever a value had to be shortened to fit a platform limit. */
export const TRUNCATED = '…(truncated)';

export type Tone = 'default' | 'accent' | 'good' | 'warning' | 'attention';

export function bannerText(banner: Banner): string {
  switch (banner.kind) {
    case 'ai-updated':
      return `Updated using AI: ${banner.fields.join(', ')}`;
    case 'no-change':
      return banner.message;
    case 'not-enough-context':
      return `Not enough context yet: missing ${banner.missing.join(', ')}`;
    case 'filling':
      return `${AI_MARK} Filling fields…`;
    case 'fallback':
    case 'error':
    case 'info':
      return banner.message;
  }
}

export function bannerTone(banner: Banner): Tone {
  switch (banner.kind) {
    case 'ai-updated':
      return 'accent';
    case 'no-change':
    case 'filling':
    case 'info':
      return 'default';
    case 'not-enough-context':
    case 'fallback':
      return 'warning';
    case 'error':
      return 'attention';
  }
}

/** Slack has no coloured containers; an emoji carries the tone instead. */
export function bannerEmoji(banner: Banner): string {
  switch (banner.kind) {
    case 'ai-updated':
      return AI_MARK;
    case 'no-change':
      return 'ℹ️';
    case 'not-enough-context':
      return '⚠️';
    case 'filling':
      return '⏳';
    case 'fallback':
      return '⚠️';
    case 'error':
      return '❌';
    case 'info':
      return 'ℹ️';
  }
}

export function cardTitle(view: CaseView): string {
  if (view.kind === 'intake') return 'New conversation waiting for an agent';
  if (view.kind === 'pending') return 'No case yet';
  const number = view.caseNumber === null ? 'Case' : `Case #${view.caseNumber}`;
  return view.title ? `${number}: ${view.title}` : number;
}

/** "In progress · Agent: Dana · Customer: Sam" */
export function metaLine(view: CaseView): string {
  const parts = [view.stateLabel];
  if (view.assignedAgent) parts.push(`Agent: ${view.assignedAgent.name}`);
  if (view.customer) parts.push(`Customer: ${view.customer.name}`);
  return parts.join(' · ');
}

export function valueText(field: FieldView): string {
  if (field.missing) return 'Missing';
  if (field.display === '') return '—';
  return field.display;
}

export function lowConfidenceText(field: FieldView): string {
  const pct = field.confidence === null ? '' : ` ${Math.round(field.confidence * 100)}%`;
  return `Low confidence${pct}: please check`;
}

export function changedText(field: FieldView): string {
  return field.previousDisplay ? `Changed by AI · was: ${field.previousDisplay}` : 'Changed by AI · was empty';
}

export function evidenceText(e: { author: string; role: string; excerpt: string }): string {
  return `“${e.excerpt}” — ${e.author}, ${e.role}`;
}

/** Shorten plain text to `max` characters (marker included). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= TRUNCATED.length) return TRUNCATED.slice(0, max);
  return `${safeSlice(text, max - TRUNCATED.length)}${TRUNCATED}`;
}

/** A prefix of at most `length` UTF-16 units that never splits a surrogate pair (a lone half is invalid text). */
export function safeSlice(text: string, length: number): string {
  const cut = text.slice(0, Math.max(0, length));
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

export const isAiValue = (field: FieldView): boolean => field.source === 'ai';

/** Why a conversation that is past intake has no case yet (plain text). */
export function pendingNoteText(view: CaseView): string {
  const required = view.fields.filter((f) => f.required).map((f) => f.label);
  if (view.state === 'closed') return 'This conversation closed without a case.';
  return required.length > 0
    ? `A case is created once the conversation has: ${required.join(', ')}.`
    : 'No case has been created for this conversation yet.';
}
