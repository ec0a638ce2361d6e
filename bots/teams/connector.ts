import { type ActivityParams, Client as ApiClient, type TeamsChannelAccount } from '@microsoft/teams.api';
import type { AdaptiveCardJson } from '../../cards/adaptive/index.js';
import type { Logger } from '../../core/ports.js';
import type { TeamsCardRef } from './card-ref.js';

export const ADAPTIVE_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Bot Connector calls autocase makes, each retried on transient failure (network, token fetch, 429, 5xx). */
export interface Connector {
  /** Posts a card into a conversation (a channel thread id posts into that thread); returns the new activity id. */
  postCard(
    serviceUrl: string,
    conversationId: string,
    card: AdaptiveCardJson | Record<string, unknown>,
  ): Promise<string>;
  postText(serviceUrl: string, conversationId: string, text: string): Promise<string>;
  /** Replaces the card of an earlier bot message, so every viewer sees the new state. */
  updateCard(ref: TeamsCardRef, card: AdaptiveCardJson): Promise<void>;
  /** One member of a team or chat, with `userRole` (`owner`, `user`, `guest`). */
  getMember(serviceUrl: string, conversationId: string, userId: string): Promise<TeamsChannelAccount>;
}

export interface ConnectorDeps {
  /** The SDK's HTTP client that adds the bot token (fetched lazily, on the first call that needs it). */
  http: unknown;
  logger: Logger;
  attempts?: number;
  retryDelayMs?: number;
}

const cardActivity = (card: AdaptiveCardJson | Record<string, unknown>) =>
  ({
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CONTENT_TYPE, content: card }],
  }) as unknown as ActivityParams;

export function createConnector({ http, logger, attempts = 3, retryDelayMs = 250 }: ConnectorDeps): Connector {
  const clients = new Map<string, ApiClient>();
  const api = (serviceUrl: string) => {
    const base = serviceUrl.replace(/\/+$/, '');
    let client = clients.get(base);
    if (!client) {
      // The SDK's CommonJS build and our ESM import type the same client twice; at run time it is one duck-typed client.
      client = new ApiClient(base, http as ApiClient['http']);
      clients.set(base, client);
    }
    return client;
  };

  async function retrying<T>(operation: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const status = statusOf(error);
        const transient = status === undefined || status === 429 || status >= 500;
        if (!transient || attempt >= attempts) {
          logger.error({ operation, status, attempt, err: messageOf(error) }, 'Bot Connector call failed');
          throw error;
        }
        logger.warn({ operation, status, attempt, err: messageOf(error) }, 'Bot Connector call failed; retrying');
        await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  return {
    async postCard(serviceUrl, conversationId, card) {
      const res = await retrying('post card', () =>
        api(serviceUrl).conversations.createActivity(conversationId, cardActivity(card)),
      );
      return res.id;
    },
    async postText(serviceUrl, conversationId, text) {
      const res = await retrying('post text', () =>
        api(serviceUrl).conversations.createActivity(conversationId, {
          type: 'message',
          text,
          textFormat: 'markdown',
        } as unknown as ActivityParams),
      );
      return res.id;
    },
    async updateCard(ref, card) {
      await retrying('update card', () =>
        api(ref.serviceUrl).conversations.updateActivity(ref.conversationId, ref.activityId, cardActivity(card)),
      );
    },
    async getMember(serviceUrl, conversationId, userId) {
      return retrying('get member', () =>
        api(serviceUrl).conversations.getMemberById(conversationId, encodeURIComponent(userId)),
      );
    },
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
