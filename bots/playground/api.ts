import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { parseAdaptiveAction, readAdaptiveInputs } from '../../cards/actions.js';
import { fieldsToYaml, parseFieldsYaml } from '../../core/admin/fields-yaml.js';
import { readSetting } from '../../core/admin/settings.js';
import { DomainError } from '../../core/errors.js';
import { parseFieldDefinitions } from '../../core/fields.js';
import type { ActionName, ActionOutcome, IncomingMessage } from '../../core/service.js';
import type { Conversation, FieldValue, Message, Person, TenantSettings } from '../../core/types.js';
import type { Services } from '../services.js';
import { type PlaygroundCard, renderPlaygroundCard } from './cards.js';
import type { EventHub } from './events.js';
import { PLAYGROUND_AGENT, PLAYGROUND_CHANNEL } from './people.js';
import { findSample, SAMPLES } from './samples.js';
import {
  actionBody,
  describeZodError,
  fieldsBody,
  newConversationBody,
  newMessageBody,
  settingsBody,
} from './schemas.js';

/** An error whose message is meant for the person using the page. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DOMAIN_STATUS: Partial<Record<DomainError['code'], number>> = {
  not_found: 404,
  illegal_transition: 409,
  case_exists: 409,
  no_case: 409,
  forbidden: 403,
};

/** How long the conversation list is; older ones are still reachable by link. */
const LIST_LIMIT = 50;
const DEFAULT_CUSTOMER = 'Jamie Rivera';
const conversationId = z.uuid();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}

function toMessage(m: Message) {
  return { id: m.id, role: m.role, author: m.author.name, text: m.text, sentAt: m.sentAt.toISOString() };
}

function sampleOf(c: Conversation) {
  const id = /^sample:([a-z-]+):/.exec(c.threadRef)?.[1];
  return id ? findSample(id) : undefined;
}

export interface PlaygroundApiDeps {
  services: Services;
  tenantId: string;
  hub: EventHub;
}

/**
 * The page's JSON API. Every chat message goes through `cases.ingest()` and every card button through
 * `cases.dispatch()`/`handle()` with the Action.Execute verb and data the Teams card carries: the same core calls
 * as Teams and Slack.
 */
export function createPlaygroundApi({ services, tenantId, hub }: PlaygroundApiDeps) {
  const { cases, store } = services;
  const router = Router();
  /** The last card published per conversation, to tell whether a background result overtook a dispatch's answer. */
  const published = new Map<string, PlaygroundCard>();
  router.use(express.json({ limit: '256kb' }));

  async function conversationOr404(id: string): Promise<Conversation> {
    const conversation = conversationId.safeParse(id).success ? await store.getConversation(tenantId, id) : null;
    if (!conversation) throw new HttpError(404, 'That conversation does not exist.');
    return conversation;
  }

  async function conversationPayload(conversation: Conversation) {
    const snap = await store.loadSnapshot(tenantId, conversation.id);
    const current = renderPlaygroundCard((await cases.view(tenantId, conversation.id)).view);
    const sample = sampleOf(conversation);
    return {
      conversation: {
        id: conversation.id,
        state: current.view.state,
        stateLabel: current.view.stateLabel,
        customer: conversation.customer?.name ?? null,
        assignedAgent: current.view.assignedAgent?.name ?? null,
        createdAt: conversation.createdAt.toISOString(),
      },
      messages: (snap?.messages ?? []).filter((m) => !m.deleted).map(toMessage),
      card: current,
      suggestion: sample ? sample.followUp : null,
    };
  }

  function publish(outcome: Pick<ActionOutcome, 'view' | 'notice' | 'error'>) {
    const card = renderPlaygroundCard(outcome.view, { notice: outcome.notice, error: outcome.error?.message ?? null });
    const id = outcome.view.conversationId;
    published.set(id, card);
    hub.broadcast({ type: 'card', conversationId: id, card });
    return card;
  }

  async function post(incoming: Omit<IncomingMessage, 'platform' | 'channelId' | 'platformMessageId' | 'isBot'>) {
    const result = await cases.ingest(tenantId, {
      ...incoming,
      platform: 'playground',
      channelId: PLAYGROUND_CHANNEL,
      platformMessageId: randomUUID(),
      isBot: false,
    });
    if (result.kind === 'ignored') {
      const why = {
        closed: 'This conversation is closed; start a new one.',
        agent_thread: 'An agent cannot open a conversation; post as the customer.',
        not_a_conversation: 'That message does not belong to a conversation.',
      }[result.reason];
      throw new HttpError(409, why);
    }
    hub.broadcast({ type: 'message', conversationId: result.conversation.id });
    // A new message changes what the card's "Why?" and intake preview can show.
    publish({ ...(await cases.view(tenantId, result.conversation.id)), notice: null, error: null });
    return result;
  }

  router.get('/conversations', async (_req, res) => {
    const conversations = await store.listConversations(tenantId, { limit: LIST_LIMIT });
    const items = await Promise.all(
      conversations.map(async (c) => {
        const { view } = await cases.view(tenantId, c.id);
        return {
          id: c.id,
          state: view.state,
          stateLabel: view.stateLabel,
          customer: c.customer?.name ?? null,
          caseNumber: view.caseNumber,
          title: view.title,
          preview: view.preview,
          updatedAt: view.updatedAt,
        };
      }),
    );
    res.json({ conversations: items });
  });

  router.post('/conversations', async (req, res) => {
    const body = parse(newConversationBody, req.body);
    const customer: Person = { id: `customer:${randomUUID()}`, name: body.customerName ?? DEFAULT_CUSTOMER };
    const threadRef = `thread:${randomUUID()}`;
    const result = await post({ threadRef, author: customer, text: body.text, isThreadStart: true });
    res.status(201).json(await conversationPayload(result.conversation));
  });

  router.get('/conversations/:id', async (req, res) => {
    res.json(await conversationPayload(await conversationOr404(req.params.id)));
  });

  router.post('/conversations/:id/messages', async (req, res) => {
    const conversation = await conversationOr404(req.params.id);
    const body = parse(newMessageBody, req.body);
    const author =
      body.role === 'agent'
        ? PLAYGROUND_AGENT
        : (conversation.customer ?? { id: `customer:${conversation.id}`, name: DEFAULT_CUSTOMER });
    const result = await post({ threadRef: conversation.threadRef, author, text: body.text, isThreadStart: false });
    res.status(201).json({ message: toMessage(result.message) });
  });

  router.post('/conversations/:id/actions', async (req, res) => {
    const conversation = await conversationOr404(req.params.id);
    const body = parse(actionBody, req.body);
    const action = parseAdaptiveAction(body.verb, body.data);
    if (!action) throw new HttpError(400, `"${body.verb}" is not an autocase card action.`);
    if (action.conversationId !== conversation.id) {
      throw new HttpError(400, 'The action belongs to a different conversation.');
    }
    const base = { tenantId, conversationId: conversation.id, actor: PLAYGROUND_AGENT };

    switch (action.action) {
      // Card mechanics: only this page changes, nothing is written (as in Teams, where they re-render the card).
      case 'edit':
      case 'create':
      case 'cancel':
      case 'refresh': {
        const { view } = await cases.view(tenantId, conversation.id);
        const mode = action.action === 'edit' || action.action === 'create' ? 'edit' : 'view';
        res.json({ card: renderPlaygroundCard(view, { mode }) });
        return;
      }
      case 'save': {
        const fields = await store.getFields(tenantId);
        const values = readAdaptiveInputs(body.data, fields);
        const outcome = await cases.handle({ ...base, action: action.intent === 'create' ? 'create' : 'save', values });
        if (outcome.error) {
          // The form stays open with what was typed (nothing is lost) and each problem under its input.
          const typed = {
            ...outcome.view,
            fields: outcome.view.fields.map((f) =>
              f.key in values ? { ...f, value: values[f.key] as FieldValue | null } : f,
            ),
          };
          const card = renderPlaygroundCard(typed, {
            mode: 'edit',
            errors: outcome.error.fieldErrors ?? {},
            error: outcome.error.message,
          });
          res.status(422).json({ error: outcome.error.message, card });
          return;
        }
        res.json({ card: publish(outcome) });
        return;
      }
      default: {
        const before = published.get(conversation.id);
        const outcome = await cases.dispatch({ ...base, action: action.action as ActionName });
        if (outcome.error) {
          const card = renderPlaygroundCard(outcome.view, { error: outcome.error.message });
          res.status(409).json({ error: outcome.error.message, card });
          return;
        }
        // The job may already have published its result; a "Filling fields…" card must not follow it.
        const overtaken = published.get(conversation.id);
        if (overtaken !== before) {
          res.json({ card: overtaken });
          return;
        }
        res.json({ card: publish(outcome) });
      }
    }
  });

  router.get('/samples', (_req, res) => {
    res.json({ samples: SAMPLES.map(({ id, title, summary, customer }) => ({ id, title, summary, customer })) });
  });

  router.post('/samples/:id', async (req, res) => {
    const sample = findSample(req.params.id);
    if (!sample) throw new HttpError(404, `There is no sample called "${req.params.id}".`);
    const customer: Person = { id: `customer:${randomUUID()}`, name: sample.customer };
    const threadRef = `sample:${sample.id}:${randomUUID()}`;
    let conversation: Conversation | null = null;
    for (const [i, text] of sample.messages.entries()) {
      const result = await post({ threadRef, author: customer, text, isThreadStart: i === 0 });
      conversation = result.conversation;
    }
    res.status(201).json(await conversationPayload(conversation!));
  });

  router.get('/admin/fields', async (_req, res) => {
    const fields = await store.getFields(tenantId, { fresh: true });
    res.json({ fields, yaml: fieldsToYaml(fields) });
  });

  router.put('/admin/fields', async (req, res) => {
    const body = parse(fieldsBody, req.body);
    // The same validation as the admin command in Slack and Teams.
    const fields = 'yaml' in body ? parseFieldsYaml(body.yaml) : parseFieldDefinitions(body.fields);
    await store.setFields(tenantId, fields);
    hub.broadcast({ type: 'admin', what: 'fields' });
    res.json({ fields, yaml: fieldsToYaml(fields) });
  });

  router.get('/admin/settings', async (_req, res) => {
    res.json({ settings: await store.getSettings(tenantId) });
  });

  router.put('/admin/settings', async (req, res) => {
    const body = parse(settingsBody, req.body);
    const patch: Partial<TenantSettings> = {};
    const problems: string[] = [];
    for (const [key, raw] of Object.entries(body)) {
      if (raw === undefined) continue;
      const read = readSetting(key as keyof typeof body, raw);
      if (read.ok) Object.assign(patch, read.patch);
      else problems.push(read.message);
    }
    // All or nothing, like a field edit: one bad value changes no setting.
    if (problems.length > 0) throw new HttpError(400, problems.join(' '));
    const settings = await store.updateSettings(tenantId, patch);
    hub.broadcast({ type: 'admin', what: 'settings' });
    res.json({ settings });
  });

  router.get('/events', (req, res) => {
    hub.subscribe(req, res);
  });

  router.use((_req, _res, next) => next(new HttpError(404, 'There is no such playground API route.')));
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: error.message, ...error.body });
      return;
    }
    if (error instanceof DomainError) {
      res.status(DOMAIN_STATUS[error.code] ?? 400).json({ error: error.message });
      return;
    }
    // express.json() refuses a body with a status (400 malformed, 413 too large): say so in words.
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({
        error: status === 413 ? 'The request is too large.' : 'The request body is not valid JSON.',
      });
      return;
    }
    next(error);
  });

  return {
    router,
    /** For the background job's results (accept, update, end), registered as the playground's Publisher. */
    async publishOutcome(outcome: ActionOutcome) {
      if (outcome.view.tenantId === tenantId) publish(outcome);
    },
  };
}
