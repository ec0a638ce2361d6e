import type { webApi } from '@slack/bolt';
import { renderBlockKit } from '../../cards/blockkit/index.js';
import type { CaseStore, Logger } from '../../core/ports.js';
import type { ActionOutcome, ActionRequest } from '../../core/service.js';
import type { Conversation } from '../../core/types.js';
import type { CaseView } from '../../core/view.js';
import { dbErrorMessage } from '../../db/errors.js';
import { formatCardRef, parseCardRef } from './card-ref.js';

type WebClient = webApi.WebClient;

/**
 * Shows a conversation's card and tells people things, from anywhere: it reads where the card is from the stored
 * `cardRef` and uses the bot token, so the replica that finishes a job need not be the one that received the click.
 */
export function createCardPublisher({
  client,
  store,
  logger,
}: {
  client: WebClient;
  store: CaseStore;
  logger: Logger;
}) {
  async function postCard(conversation: Conversation, view: CaseView): Promise<void> {
    const message = renderBlockKit(view);
    const res = await client.chat.postMessage({
      channel: conversation.channelId,
      thread_ts: conversation.threadRef,
      text: message.text,
      blocks: message.blocks as never,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (res.ts) {
      await store.setCardRef(
        conversation.tenantId,
        conversation.id,
        formatCardRef({ channel: res.channel ?? conversation.channelId, ts: res.ts }),
      );
    }
  }

  /** Updates the posted card in place; posts it (again) when there is none or Slack lost it. */
  async function showCard(conversation: Conversation, view: CaseView): Promise<void> {
    const ref = parseCardRef(conversation.cardRef);
    if (!ref) return postCard(conversation, view);
    const message = renderBlockKit(view);
    try {
      await client.chat.update({
        channel: ref.channel,
        ts: ref.ts,
        text: message.text,
        blocks: message.blocks as never,
      });
    } catch (error) {
      if (slackError(error) === 'message_not_found') return postCard(conversation, view);
      throw error;
    }
  }

  /** Words only `userId` sees, in the conversation's thread. */
  async function tell(conversation: Conversation, userId: string, text: string): Promise<void> {
    await client.chat.postEphemeral({
      channel: conversation.channelId,
      user: userId,
      thread_ts: conversation.threadRef,
      text,
    });
  }

  return {
    showCard,
    tell,
    /** The `Publisher` of the case service: card first, then the notice for whoever acted. */
    async publish(outcome: ActionOutcome, request?: Pick<ActionRequest, 'actor'>): Promise<void> {
      const { conversation } = outcome;
      try {
        await showCard(conversation, outcome.view);
      } catch (error) {
        // The decision is already stored; a retry would re-run it. Log and let the next action refresh the card.
        logger.error({ conversationId: conversation.id, err: slackError(error) }, 'slack card update failed');
      }
      if (outcome.notice && request?.actor) {
        await tell(conversation, request.actor.id, outcome.notice).catch((error: unknown) =>
          logger.warn({ conversationId: conversation.id, err: slackError(error) }, 'slack ephemeral notice failed'),
        );
      }
    },
  };
}

export type CardPublisher = ReturnType<typeof createCardPublisher>;

/** Slack's error code (`message_not_found`, `channel_not_found`…) or the error's message. */
export function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (data && typeof data.error === 'string') return data.error;
  // A failed query's own message quotes its parameters (customer text).
  return dbErrorMessage(error);
}
