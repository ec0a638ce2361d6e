import { DomainError } from './errors.js';
import type { ConversationState } from './types.js';

const NEXT: Record<ConversationState, readonly ConversationState[]> = {
  open: ['active'],
  active: ['wrapUp'],
  wrapUp: ['closed'],
  closed: [],
};

export function canTransition(from: ConversationState, to: ConversationState): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: ConversationState, to: ConversationState): void {
  if (!canTransition(from, to)) {
    throw new DomainError('illegal_transition', `A conversation cannot go from ${from} to ${to}.`, { from, to });
  }
}
