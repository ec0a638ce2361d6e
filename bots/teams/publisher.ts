import type { Logger } from '../../core/ports.js';
import type { Publisher } from '../../core/service.js';
import { parseCardRef } from './card-ref.js';
import type { Connector } from './connector.js';
import { outcomeCard } from './render.js';

/**
 * Puts the result of a queued action (a prediction finished on whichever replica ran the job) on the conversation's
 * posted card, found through the stored card reference. A failed update is logged, not thrown: throwing would make
 * the queue run the whole action again.
 */
export function createTeamsPublisher({ connector, logger }: { connector: Connector; logger: Logger }): Publisher {
  return async (outcome) => {
    const { conversation } = outcome;
    const ref = parseCardRef(conversation.cardRef);
    if (!ref) {
      logger.warn({ tenantId: conversation.tenantId, conversationId: conversation.id }, 'no Teams card to update');
      return;
    }
    try {
      await connector.updateCard(ref, outcomeCard(outcome));
    } catch {
      logger.error(
        { tenantId: conversation.tenantId, conversationId: conversation.id },
        'could not update the Teams card after a queued action; the next refresh shows the result',
      );
    }
  };
}
