import type { AdminResult } from '../../core/admin/index.js';
import { adminResultToText } from '../../core/admin/index.js';
import type { CaseStore, Logger } from '../../core/ports.js';
import type { CaseService } from '../../core/service.js';
import {
  escalationOf,
  isChannelActivity,
  isPersonalActivity,
  mentionsBot,
  personOf,
  plainText,
  sentAtOf,
  type TeamsActivity,
  tenantOf,
  threadOf,
} from './activity.js';
import { isCommandText } from './admin.js';
import { formatCardRef } from './card-ref.js';
import type { Connector } from './connector.js';
import { fieldsEditorOpenerCard } from './fields-dialog.js';
import { teamsCard } from './render.js';

/** How long the first delivery of a thread's post has to post the intake card before a redelivery may post it. */
const CARD_RETRY_AFTER_MS = 10_000;

export interface MessageDeps {
  store: CaseStore;
  cases: CaseService;
  connector: Connector;
  logger: Logger;
  runCommand: (tenantId: string, activity: TeamsActivity) => Promise<AdminResult>;
  serviceUrlFallback: string | undefined;
}

/**
 * Chat messages: `@autocase <command>` (or anything in a personal chat) runs an admin command; a channel post opens a
 * conversation and gets the intake card in its thread; replies in the thread join the conversation.
 */
export function createMessageHandler(deps: MessageDeps) {
  const { store, cases, connector, logger } = deps;

  async function answerCommand(tenantId: string, activity: TeamsActivity, serviceUrl: string, replyTo: string) {
    const result = await deps.runCommand(tenantId, activity);
    if (result.kind === 'open-field-editor') {
      await connector.postCard(serviceUrl, replyTo, fieldsEditorOpenerCard(result.fieldCount));
    } else {
      await connector.postText(serviceUrl, replyTo, adminResultToText(result));
    }
    if (result.kind === 'refused') logger.info({ tenantId }, 'admin command refused: not an admin');
  }

  async function postIntakeCard(tenantId: string, conversationId: string, serviceUrl: string, threadId: string) {
    const { view } = await cases.view(tenantId, conversationId);
    try {
      const activityId = await connector.postCard(serviceUrl, threadId, teamsCard(view));
      await store.setCardRef(
        tenantId,
        conversationId,
        formatCardRef({ serviceUrl, conversationId: threadId, activityId }),
      );
    } catch {
      // The conversation is stored; Teams redelivering the post (or the next one) posts the card then.
      logger.error({ tenantId, conversationId }, 'could not post the intake card to Teams');
    }
  }

  return async function onMessage(activity: TeamsActivity): Promise<void> {
    const tenantId = tenantOf(activity);
    const serviceUrl = activity.serviceUrl ?? deps.serviceUrlFallback;
    if (!tenantId || !serviceUrl || !activity.id) {
      logger.warn({ type: activity.type }, 'Teams message without tenant, service URL or id ignored');
      return;
    }
    await store.ensureTenant({ id: tenantId, platform: 'teams' });
    const thread = threadOf(activity);

    if (isPersonalActivity(activity)) {
      if (activity.conversation?.id) await answerCommand(tenantId, activity, serviceUrl, activity.conversation.id);
      return;
    }
    if (mentionsBot(activity) && isCommandText(plainText(activity))) {
      const replyTo = thread?.threadId ?? activity.conversation?.id;
      if (replyTo) await answerCommand(tenantId, activity, serviceUrl, replyTo);
      return;
    }
    if (!isChannelActivity(activity) || !thread) return;

    const parsed = escalationOf(activity);
    if (!parsed.ok) logger.warn({ tenantId, reason: parsed.message }, 'escalation data ignored');
    const escalation = parsed.ok ? parsed.escalation : null;
    const text = plainText(activity) || attachmentNote(activity) || (escalation?.summary ?? '');
    if (!text && !escalation) return;
    const result = await cases.ingest(tenantId, {
      platform: 'teams',
      channelId: activity.channelData?.channel?.id ?? thread.baseId,
      threadRef: thread.threadId,
      platformMessageId: activity.id,
      author: personOf(activity),
      text,
      isBot: activity.from?.role === 'bot',
      isThreadStart: thread.isRoot,
      escalation,
      ...(sentAtOf(activity) ? { sentAt: sentAtOf(activity) } : {}),
    });
    logger.debug({ tenantId, kind: result.kind }, 'Teams message ingested');

    // A redelivered root post re-posts a card only when the first delivery's post must have failed: concurrent
    // redeliveries (the first one still posting) would otherwise each post one.
    const needsCard =
      result.kind === 'opened' ||
      (result.kind === 'appended' &&
        thread.isRoot &&
        !result.conversation.cardRef &&
        Date.now() - result.conversation.createdAt.getTime() > CARD_RETRY_AFTER_MS);
    if (needsCard) await postIntakeCard(tenantId, result.conversation.id, serviceUrl, thread.threadId);
  };
}

/** Edits and deletions of a message in a conversation are reflected (a deleted message no longer feeds predictions). */
export function createMessageChangeHandler({ store, logger }: { store: CaseStore; logger: Logger }) {
  return async function onMessageChange(activity: TeamsActivity, change: 'edit' | 'delete'): Promise<void> {
    const tenantId = tenantOf(activity);
    const thread = threadOf(activity);
    if (!tenantId || !thread || !activity.id) return;
    const conversation = await store.findConversationByThread(tenantId, 'teams', thread.threadId);
    if (!conversation) return;
    const changed =
      change === 'edit'
        ? await store.editMessage(tenantId, conversation.id, activity.id, plainText(activity))
        : await store.deleteMessage(tenantId, conversation.id, activity.id);
    logger.debug({ tenantId, change, changed }, 'Teams message change');
  };
}

/** A post with only files or images still counts; the transcript says what it was. */
function attachmentNote(activity: TeamsActivity): string {
  const files = (activity.attachments ?? []).filter((a) => a.contentType !== 'text/html');
  if (files.length === 0) return '';
  const names = files.map((a) => a.name).filter(Boolean);
  return names.length
    ? `[attachment: ${names.join(', ')}]`
    : `[${files.length} attachment${files.length === 1 ? '' : 's'}]`;
}
