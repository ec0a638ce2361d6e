import { findEmails } from './contacts.js';
import { fold } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

// Shared mailboxes an agent points the customer to are not the customer's address.
const ROLE_MAILBOX =
  /^(?:support|help|helpdesk|info|hello|contact|noreply|no-reply|phishing|security|abuse|billing|sales|admin|it|service|team|returns|orders|privacy)@/;
const POINTS_ELSEWHERE = /\b(?:forward|send (?:it|them|this)|write|email us|contact|reach us|cc)\b[^.!?]{0,20}$/;

/** "the email on file (a***@example.com)": an address shown masked is a hint at one, not the address. */
const MASKED = /[*•]/;

const SET_RIGHT =
  /\b(?:typo|wrong|incorrect|misspel\w*|misspelt|old|previous|outdated|bouncing|bounced|invalid)\b[^.!?]{0,60}$/;

export interface Found {
  value: string;
  confidence: number;
  evidence: string[];
}

/**
 * The customer's email: what they write (spelled-out forms too) and what the agent states or the customer confirms;
 * an address the customer rejects or an agent's question nobody confirmed does not count. Latest wins.
 */
export function findCustomerEmail(t: Transcript, escalationValue: unknown): Found | null {
  let best: { value: string; turn: Turn | null } | null = null;
  if (typeof escalationValue === 'string' && escalationValue.includes('@')) {
    best = { value: escalationValue.trim().toLowerCase(), turn: null };
  }
  for (const turn of t.usable) {
    if (turn.offTopic) continue;
    if (turn.role === 'customer') {
      for (const e of findEmails(turn.text)) {
        if (MASKED.test(e.value)) continue;
        // Only the clause holding the address: "no that's my old one, it's x@…" rejects the other one.
        const before =
          fold(turn.text.slice(Math.max(0, e.start - 30), e.start))
            .split(/[,;]|\bbut\b/)
            .pop() ?? '';
        if (/\b(?:not|old|don'?t use|no longer|instead of)\b[^.!?]{0,15}$/.test(before)) continue;
        best = { value: e.value, turn };
      }
      continue;
    }
    for (const s of turn.sentences) {
      if (!isFact(turn, s)) continue;
      for (const e of findEmails(s.text)) {
        if (ROLE_MAILBOX.test(e.value) || MASKED.test(e.value)) continue;
        if (POINTS_ELSEWHERE.test(fold(s.text.slice(0, e.start)))) continue;
        // "…bouncing because of a typo saved on the account (x@exmaple.com)": the address being set right.
        if (SET_RIGHT.test(fold(s.text.slice(0, e.start)))) continue;
        best = { value: e.value, turn };
      }
    }
  }
  if (!best) return null;
  return {
    value: best.value,
    confidence: best.turn?.role === 'customer' ? 0.9 : 0.8,
    evidence: best.turn?.id ? [best.turn.id] : [],
  };
}
