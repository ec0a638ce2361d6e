import { ADAPTIVE_VERB, type AdaptiveActionData } from '../../cards/actions.js';
import { type AdaptiveCardJson, renderAdaptiveCard } from '../../cards/adaptive/index.js';
import type { ActionOutcome } from '../../core/service.js';
import type { CaseView } from '../../core/view.js';

export interface TeamsCardOptions {
  mode?: 'view' | 'edit';
  errors?: Record<string, string>;
  /** An action was refused: say why on the card. */
  error?: string | null;
}

/**
 * The conversation's card for Teams. A "Filling fields…" card always carries a refresh action: if the clicker's
 * client shows it after the finished card was pushed (the invoke answer and the message update race), Teams asks
 * again and gets the finished card instead of a spinner that never ends.
 */
export function teamsCard(view: CaseView, options: TeamsCardOptions = {}): AdaptiveCardJson {
  const shown: CaseView = options.error
    ? { ...view, banners: [...view.banners, { kind: 'error', message: options.error }] }
    : view;
  const card = renderAdaptiveCard(shown, {
    mode: options.mode ?? 'view',
    ...(options.errors ? { errors: options.errors } : {}),
  });
  if (!card.refresh && view.banners.some((b) => b.kind === 'filling')) {
    const data: AdaptiveActionData = { conversationId: view.conversationId };
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: ADAPTIVE_VERB.refresh, data },
    };
  }
  return card;
}

export function outcomeCard(outcome: ActionOutcome): AdaptiveCardJson {
  return teamsCard(outcome.view, { error: outcome.error?.message ?? null });
}
