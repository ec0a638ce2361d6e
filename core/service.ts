import type { Agent } from './agent.js';
import { DomainError } from './errors.js';
import type { CaseStore, Clock, JobQueue, Logger } from './ports.js';
import { silentLogger, systemClock } from './ports.js';
import type { Conversation, Escalation, Message, MessageRole, Person, Platform } from './types.js';
import { type Banner, buildCaseView, type CaseView } from './view.js';

export type ActionName = 'accept' | 'update' | 'end' | 'undo' | 'close' | 'save' | 'create';

export interface ActionRequest {
  tenantId: string;
  conversationId: string;
  action: ActionName;
  actor: Person;
  /** Field values for `save` (manual edit) and `create` (manual case). */
  values?: Record<string, unknown>;
}

export interface ActionOutcome {
  conversation: Conversation;
  view: CaseView;
  /** Words for the person who acted only (Slack ephemeral, Teams invoke reply), e.g. which fields are missing. */
  notice: string | null;
  /** A refused action: nothing was written. `fieldErrors` point at inputs (edit forms). */
  error: { code: string; message: string; fieldErrors?: Record<string, string> } | null;
}

/**
 * Called after background work changed a conversation, so its platform can update the posted card. `request` is the
 * action that led to it (e.g. to tell the person who clicked what is missing).
 */
export type Publisher = (outcome: ActionOutcome, request: ActionRequest) => Promise<void>;

export interface IncomingMessage {
  platform: Platform;
  channelId: string;
  /** The thread the message belongs to; for a top-level message, its own id. */
  threadRef: string;
  platformMessageId: string;
  author: Person;
  text: string;
  isBot: boolean;
  /** A top-level channel post (can open a conversation) rather than a reply in a thread. */
  isThreadStart: boolean;
  escalation?: Escalation | null;
  sentAt?: Date;
}

export type IngestResult =
  | { kind: 'opened'; conversation: Conversation; message: Message }
  | { kind: 'appended'; conversation: Conversation; message: Message; duplicate: boolean }
  | { kind: 'ignored'; reason: 'agent_thread' | 'not_a_conversation' | 'closed' };

/** Longest message text stored; the rest is cut with a marker (a chat message is not a document). */
export const MAX_MESSAGE_CHARS = 40_000;
export const CASE_ACTION_JOB = 'case-action';
const SLOW_ACTIONS: ReadonlySet<ActionName> = new Set(['accept', 'update', 'end']);

export interface CaseServiceDeps {
  store: CaseStore;
  agent: Agent;
  jobs: JobQueue;
  clock?: Clock;
  logger?: Logger;
}

export type CaseService = Awaited<ReturnType<typeof createCaseService>>;

/**
 * What every platform adapter does with a chat event or a card action, once: Slack, Teams and the playground only
 * translate payloads and render the resulting CaseView.
 */
export async function createCaseService({
  store,
  agent,
  jobs,
  clock = systemClock,
  logger = silentLogger,
}: CaseServiceDeps) {
  const publishers = new Map<Platform, Publisher>();

  async function view(
    tenantId: string,
    conversationId: string,
    options: { filling?: boolean; banners?: Banner[] } = {},
  ) {
    const [snap, events] = await Promise.all([
      store.loadSnapshot(tenantId, conversationId),
      store.listEvents(tenantId, conversationId),
    ]);
    if (!snap) throw new DomainError('not_found', 'That conversation does not exist.');
    return { conversation: snap.conversation, view: buildCaseView(snap, events, options) };
  }

  async function handle(request: ActionRequest): Promise<ActionOutcome> {
    const { tenantId, conversationId, actor } = request;
    let notice: string | null = null;
    const banners: Banner[] = [];
    try {
      switch (request.action) {
        case 'accept': {
          const result = await agent.accept(tenantId, conversationId, actor);
          if (result.kind === 'missing')
            notice = `Not enough context yet: missing ${result.missing.map((f) => f.label).join(', ')}`;
          if (result.kind === 'prediction-failed')
            notice = 'The AI could not read the conversation just now; try Update from conversation.';
          break;
        }
        case 'update': {
          const result = await agent.updateFromConversation(tenantId, conversationId, actor);
          if (result.kind === 'no-case') notice = result.message;
          if (result.kind === 'missing')
            notice = `Not enough context yet: missing ${result.missing.map((f) => f.label).join(', ')}`;
          break;
        }
        case 'end': {
          const { creation } = await agent.end(tenantId, conversationId, actor);
          if (creation.kind === 'created') notice = 'Conversation ended; the case was created from the conversation.';
          if (creation.kind === 'missing') {
            notice = `Conversation ended. No case was created: missing ${creation.missing.map((f) => f.label).join(', ')}`;
          }
          break;
        }
        case 'undo': {
          const { restored } = await agent.undoLastAiUpdate(tenantId, conversationId, actor);
          notice = restored.length
            ? 'The last AI update was undone.'
            : 'Nothing to undo: those fields were changed since.';
          banners.push({ kind: 'info', message: notice });
          break;
        }
        case 'close':
          await agent.close(tenantId, conversationId, actor);
          break;
        case 'save':
          await agent.editCase(tenantId, conversationId, actor, request.values ?? {});
          break;
        case 'create':
          await agent.createCaseManually(tenantId, conversationId, actor, request.values ?? {});
          break;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const current = await view(tenantId, conversationId).catch(() => null);
      if (!current) throw error;
      const fieldErrors = error.details.errors as Record<string, string> | undefined;
      return {
        ...current,
        notice: error.message,
        error: { code: error.code, message: error.message, ...(fieldErrors ? { fieldErrors } : {}) },
      };
    }
    return { ...(await view(tenantId, conversationId, { banners })), notice, error: null };
  }

  await jobs.work<ActionRequest>(CASE_ACTION_JOB, async (request) => {
    const outcome = await handle(request);
    const publish = publishers.get(outcome.conversation.platform);
    if (publish) await publish(outcome, request);
  });

  return {
    view,
    handle,

    /**
     * For platform actions: slow ones (they predict) go through the job queue and the card says "Filling fields…"
     * until the worker publishes the result; quick ones are answered at once.
     */
    async dispatch(request: ActionRequest): Promise<ActionOutcome> {
      if (!SLOW_ACTIONS.has(request.action)) return handle(request);
      const current = await view(request.tenantId, request.conversationId, { filling: true });
      await jobs.send(CASE_ACTION_JOB, request, { singletonKey: `${request.conversationId}:${request.action}` });
      return { ...current, notice: null, error: null };
    },

    registerPublisher(platform: Platform, publisher: Publisher) {
      publishers.set(platform, publisher);
    },

    /** Stores a chat message: a non-agent top-level post opens a conversation, replies join theirs. */
    async ingest(tenantId: string, incoming: IncomingMessage): Promise<IngestResult> {
      const text =
        incoming.text.length > MAX_MESSAGE_CHARS
          ? `${incoming.text.slice(0, MAX_MESSAGE_CHARS)} …(truncated)`
          : incoming.text;
      if (incoming.text.length > MAX_MESSAGE_CHARS) {
        logger.warn({ tenantId, chars: incoming.text.length }, 'message truncated');
      }
      const { agents } = await store.getSettings(tenantId);
      // The role without the assignment; the store applies the assigned-agent part of the rule as it stores.
      const role = roleOf(incoming, null, agents);
      const message = {
        role,
        agentIfAssigned: role === 'customer',
        author: incoming.author,
        text,
        platformMessageId: incoming.platformMessageId,
        sentAt: incoming.sentAt ?? clock.now(),
      };
      let appended = await store.appendToThread(tenantId, incoming.platform, incoming.threadRef, message);
      let opened = false;
      if (appended.kind === 'no-thread') {
        if (!incoming.isThreadStart) return { kind: 'ignored', reason: 'not_a_conversation' };
        if (role === 'agent') return { kind: 'ignored', reason: 'agent_thread' };
        if (role === 'bot' && !incoming.escalation) return { kind: 'ignored', reason: 'not_a_conversation' };
        const result = await store.openConversation(tenantId, {
          platform: incoming.platform,
          channelId: incoming.channelId,
          threadRef: incoming.threadRef,
          customer: role === 'customer' ? incoming.author : null,
          escalation: incoming.escalation ?? null,
        });
        opened = result.created;
        appended = await store.appendToThread(tenantId, incoming.platform, incoming.threadRef, message);
        if (appended.kind === 'no-thread') throw new DomainError('not_found', 'The conversation could not be opened.');
      }
      if (appended.kind === 'closed') return { kind: 'ignored', reason: 'closed' };
      const { conversation, message: stored, created } = appended;
      return opened
        ? { kind: 'opened', conversation, message: stored }
        : { kind: 'appended', conversation, message: stored, duplicate: !created };
    },
  };
}

export function roleOf(
  incoming: Pick<IncomingMessage, 'author' | 'isBot'>,
  assigned: Person | null,
  agents: string[],
): MessageRole {
  if (incoming.isBot) return 'bot';
  if (assigned?.id === incoming.author.id || agents.includes(incoming.author.id)) return 'agent';
  return 'customer';
}
