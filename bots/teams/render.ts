import { ADAPTIVE_VERB, type AdaptiveActionData } from '../../cards/actions.js';
import { type AdaptiveCardJson, renderAdaptiveCard } from '../../cards/adaptive/index.js';
import type { ActionOutcome } from '../../core/service.js';
import type { CaseView } from '../../core/view.js';

export interface TeamsCardOptions {
  mode?: 'view' | 'edit';
  errors?: Record<string, string>;
  /** An action was refused: say why on the card. */
  error?: string | null;
  /** A queued action is running: how many case events existed when it was queued, and when (ms). */
  filling?: FillingMark;
}

export interface FillingMark {
  after: number;
  at: number;
}

/** How long a "Filling fields…" card keeps answering its own refresh with itself while nothing was decided. */
export const FILLING_WINDOW_MS = 60_000;

/** The filling mark a refresh carries back, if it is one of ours. */
export function fillingMarkOf(data: unknown): FillingMark | null {
  const record = (data ?? {}) as Record<string, unknown>;
  const { fillingAfter, fillingAt } = record;
  if (typeof fillingAfter !== 'number' || typeof fillingAt !== 'number') return null;
  if (!Number.isInteger(fillingAfter) || fillingAfter < 0 || !Number.isFinite(fillingAt)) return null;
  return { after: fillingAfter, at: fillingAt };
}

/**
 * The conversation's card for Teams. A "Filling fields…" card carries a refresh that remembers when the action was
 * queued: if the clicker's client shows it after the finished card was pushed (the invoke answer and the message
 * update race), Teams asks again and gets the finished card instead of a spinner that never ends; asked before the
 * action decided anything, it answers "Filling fields…" again rather than the old buttons.
 */
export function teamsCard(view: CaseView, options: TeamsCardOptions = {}): AdaptiveCardJson {
  const shown: CaseView = options.error
    ? { ...view, banners: [...view.banners, { kind: 'error', message: options.error }] }
    : view;
  const card = renderAdaptiveCard(shown, {
    mode: options.mode ?? 'view',
    ...(options.errors ? { errors: options.errors } : {}),
  });
  if (options.filling && view.banners.some((b) => b.kind === 'filling')) {
    const data: AdaptiveActionData & { fillingAfter: number; fillingAt: number } = {
      conversationId: view.conversationId,
      fillingAfter: options.filling.after,
      fillingAt: options.filling.at,
    };
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: ADAPTIVE_VERB.refresh, data },
    };
  }
  return card;
}

export function outcomeCard(outcome: ActionOutcome): AdaptiveCardJson {
  return teamsCard(outcome.view, { error: outcome.error?.message ?? null });
}
