import type { Logger } from '../../core/ports.js';
import { MAX_MESSAGE_CHARS } from '../../core/service.js';
import type { Person } from '../../core/types.js';
import type { Services } from '../services.js';
import { readEscalation } from './escalation.js';
import { type Json, obj, str, tsToDate } from './payloads.js';
import type { Directory } from './people.js';
import type { CardPublisher } from './publisher.js';

/** Message subtypes that are a person or bot saying something; the rest (joins, topic changes…) are not. */
const SPOKEN = new Set([undefined, 'bot_message', 'thread_broadcast', 'file_share', 'me_message']);

export interface MessageDeps {
  services: Services;
  ensureTenant: (teamId: string) => Promise<string>;
  directory: Directory;
  publisher: CardPublisher;
  logger: Logger;
  /** Runs work that need not hold the event's processing up (tracked by the adapter); default: awaited in place. */
  background?: (work: () => Promise<void>) => void;
}

export interface BotIdentity {
  botId?: string | undefined;
  botUserId?: string | undefined;
}

/**
 * A `message` event: new messages go to the core (a top-level one may open a conversation and get the intake card),
 * edits and deletions are reflected. Slack's redeliveries never get here: the inbox stores each `event_id` once.
 */
export function createMessageHandler({
  services,
  ensureTenant,
  directory,
  publisher,
  logger,
  background,
}: MessageDeps) {
  const { store, cases } = services;

  async function onNew(tenantId: string, event: Json, subtype: string | undefined): Promise<void> {
    const channel = str(event.channel);
    const ts = str(event.ts);
    if (!channel || !ts) return;
    const isBot = Boolean(str(event.bot_id)) || subtype === 'bot_message';
    const botName = str(obj(event.bot_profile)?.name) ?? str(event.username);
    const escalation = readEscalation(event.metadata, botName);
    const text = typeof event.text === 'string' ? event.text : '';
    if (text.trim() === '' && !escalation) return;

    let author: Person;
    if (isBot) {
      author = { id: str(event.bot_id) ?? str(event.user) ?? 'bot', name: botName ?? 'Bot' };
    } else {
      const user = str(event.user);
      if (!user) return;
      const profile = obj(event.user_profile);
      author = await directory.person(user, str(profile?.real_name) ?? str(profile?.display_name));
    }
    const threadTs = str(event.thread_ts);
    const result = await cases.ingest(tenantId, {
      platform: 'slack',
      channelId: channel,
      threadRef: threadTs ?? ts,
      platformMessageId: ts,
      author,
      text: text.trim() === '' ? (escalation?.summary ?? '') : text,
      isBot,
      isThreadStart: !threadTs || threadTs === ts,
      escalation,
      sentAt: tsToDate(ts) ?? undefined,
    });
    if (result.kind === 'opened') {
      const showIntake = async () => {
        const { conversation, view } = await cases.view(tenantId, result.conversation.id);
        await publisher.showCard(conversation, view);
        logger.info({ tenantId, conversationId: conversation.id }, 'slack conversation opened');
      };
      if (background) background(showIntake);
      else await showIntake();
    }
  }

  async function conversationOf(tenantId: string, threadRef: string | null) {
    return threadRef ? store.findConversationByThread(tenantId, 'slack', threadRef) : null;
  }

  async function onChanged(tenantId: string, event: Json, self: BotIdentity): Promise<void> {
    const message = obj(event.message);
    const ts = str(message?.ts);
    if (!message || !ts || isSelf(message, self)) return;
    const conversation = await conversationOf(tenantId, str(message.thread_ts) ?? ts);
    if (!conversation) return;
    const raw = typeof message.text === 'string' ? message.text : '';
    const text = raw.length > MAX_MESSAGE_CHARS ? `${raw.slice(0, MAX_MESSAGE_CHARS)} …(truncated)` : raw;
    if (await store.editMessage(tenantId, conversation.id, ts, text)) {
      logger.info({ tenantId, conversationId: conversation.id }, 'slack message edited');
    }
  }

  async function onDeleted(tenantId: string, event: Json): Promise<void> {
    const previous = obj(event.previous_message);
    const ts = str(event.deleted_ts) ?? str(previous?.ts);
    if (!ts) return;
    const conversation = await conversationOf(tenantId, str(previous?.thread_ts) ?? ts);
    if (!conversation) return;
    if (await store.deleteMessage(tenantId, conversation.id, ts)) {
      logger.info({ tenantId, conversationId: conversation.id }, 'slack message deleted');
    }
  }

  return async function onMessageEvent(body: Json, self: BotIdentity): Promise<void> {
    const event = obj(body.event);
    const teamId = str(body.team_id) ?? str(event?.team);
    if (!event || !teamId) {
      logger.debug({}, 'slack message event without team or event ignored');
      return;
    }
    const subtype = str(event.subtype) ?? undefined;
    if (subtype !== 'message_changed' && subtype !== 'message_deleted') {
      if (!SPOKEN.has(subtype) || isSelf(event, self)) return;
    }
    const channelType = str(event.channel_type);
    if (channelType && channelType !== 'channel' && channelType !== 'group') return;

    const tenantId = await ensureTenant(teamId);
    // Handling is idempotent (a message is stored once per ts, an edit or delete sets the same state): an event the
    // inbox runs again after a failure half-way, or that two replicas ran, changes nothing twice.
    if (subtype === 'message_changed') await onChanged(tenantId, event, self);
    else if (subtype === 'message_deleted') await onDeleted(tenantId, event);
    else await onNew(tenantId, event, subtype);
  };
}

/** Our own posts (the cards) come back as events too; they are not part of any conversation. */
function isSelf(message: Json, self: BotIdentity): boolean {
  const botId = str(message.bot_id);
  const user = str(message.user);
  return Boolean((botId && botId === self.botId) || (user && user === self.botUserId));
}
