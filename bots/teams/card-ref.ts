/**
 * Where a conversation's card message lives, stored in `conversation.cardRef` so any replica (the job worker that
 * finishes a prediction, a refresh on another pod) can update it without in-memory state.
 */
export interface TeamsCardRef {
  serviceUrl: string;
  /** The thread's conversation id (`19:…@thread.tacv2;messageid=…`). */
  conversationId: string;
  activityId: string;
}

export function formatCardRef(ref: TeamsCardRef): string {
  return JSON.stringify({ v: 1, ...ref });
}

export function parseCardRef(raw: string | null | undefined): TeamsCardRef | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<TeamsCardRef>;
    if (
      typeof parsed.serviceUrl === 'string' &&
      typeof parsed.conversationId === 'string' &&
      typeof parsed.activityId === 'string'
    ) {
      return { serviceUrl: parsed.serviceUrl, conversationId: parsed.conversationId, activityId: parsed.activityId };
    }
  } catch {
    // Not a Teams reference: nothing to update.
  }
  return null;
}
