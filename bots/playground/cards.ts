import { type AdaptiveCardJson, renderAdaptiveCard } from '../../cards/adaptive/index.js';
import { renderBlockKit, type SlackMessage } from '../../cards/blockkit/index.js';
import type { CaseView } from '../../core/view.js';

export interface PlaygroundCard {
  conversationId: string;
  /** Increases with every card the server renders; a page shows a card only if it is newer than the one it has. */
  seq: number;
  mode: 'view' | 'edit';
  view: CaseView;
  /** Exactly the card Teams gets. */
  adaptive: AdaptiveCardJson;
  /** Exactly the message Slack gets. */
  blockKit: SlackMessage;
  /** Words for the person who acted, e.g. which required fields are missing. */
  notice: string | null;
  error: string | null;
  /** Problems by field key, shown under the edit form's inputs. */
  fieldErrors: Record<string, string>;
}

let seq = 0;
// Process-wide: an HTTP answer and an event about the same card can reach a page in either order.
const nextSeq = () => ++seq;

/** One CaseView as both platforms render it, so the page can show the Teams card and what a Slack user sees. */
export function renderPlaygroundCard(
  view: CaseView,
  options: {
    mode?: 'view' | 'edit';
    errors?: Record<string, string>;
    notice?: string | null;
    error?: string | null;
  } = {},
): PlaygroundCard {
  const mode = options.mode ?? 'view';
  return {
    conversationId: view.conversationId,
    seq: nextSeq(),
    mode,
    view,
    adaptive: renderAdaptiveCard(view, { mode, ...(options.errors ? { errors: options.errors } : {}) }),
    blockKit: renderBlockKit(view),
    notice: options.notice ?? null,
    error: options.error ?? null,
    fieldErrors: options.errors ?? {},
  };
}
