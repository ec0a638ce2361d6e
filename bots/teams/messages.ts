import type { AdminResult } from '../../core/admin/index.js';
import { adminResultToText } from '../../core/admin/index.js';
import type { CaseStore, JobQueue, Logger } from '../../core/ports.js';
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

export const TEAMS_INTAKE_CARD_JOB = 'teams-intake-card';

/** Where to post a new conversation's intake card. */
export interface IntakeCardJob {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  threadId: string;
}

export interface MessageDeps {
  jobs: JobQueue;
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
    if (result.kind === 'refused') logger.info({ tenantId }, 'admin command refused: not an admin');
    try {
      if (result.kind === 'open-field-editor') {
        await connector.postCard(serviceUrl, replyTo, fieldsEditorOpenerCard(result.fieldCount));
      } else {
        await connector.postText(serviceUrl, replyTo, adminResultToText(result));
      }
    } catch {
      // The command ran; answering 500 would only make Teams deliver (and run) it again.
      logger.warn({ tenantId, command: result.kind }, 'could not post the admin command answer to Teams');
    }
  }

  async function postIntakeCard(job: IntakeCardJob) {
    try {
      await postIntakeCardNow(deps, job);
    } catch {
      // The conversation is stored; the job queue tries again (any replica), so the thread still gets its card.
      logger.warn({ tenantId: job.tenantId, conversationId: job.conversationId }, 'intake card not posted; queued');
      await deps.jobs.send(TEAMS_INTAKE_CARD_JOB, job, {
        singletonKey: `teams-intake:${job.conversationId}`,
        retryLimit: 8,
      });
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

    // Only the delivery that created the conversation posts its card: concurrent redeliveries must not post again. A
    // failed post goes to the job queue (any replica retries it), so no redelivery is needed to get the card out.
    if (result.kind === 'opened') {
      await postIntakeCard({ tenantId, conversationId: result.conversation.id, serviceUrl, threadId: thread.threadId });
    }
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

/**
 * Posts the intake card into the thread and remembers where it is. Also the job that retries a failed post: a card
 * already posted (the reference is stored) is not posted twice.
 */
export async function postIntakeCardNow(
  deps: Pick<MessageDeps, 'store' | 'cases' | 'connector'>,
  job: IntakeCardJob,
): Promise<void> {
  const conversation = await deps.store.getConversation(job.tenantId, job.conversationId);
  if (!conversation || conversation.cardRef) return;
  const { view } = await deps.cases.view(job.tenantId, job.conversationId);
  const activityId = await deps.connector.postCard(job.serviceUrl, job.threadId, teamsCard(view));
  await deps.store.setCardRef(
    job.tenantId,
    job.conversationId,
    formatCardRef({ serviceUrl: job.serviceUrl, conversationId: job.threadId, activityId }),
  );
}
