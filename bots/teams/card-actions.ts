import { type CaseActionName, parseAdaptiveAction, readAdaptiveInputs } from '../../cards/actions.js';
import type { AdaptiveCardJson } from '../../cards/adaptive/index.js';
import { DomainError } from '../../core/errors.js';
import type { CaseStore, Logger } from '../../core/ports.js';
import type { ActionName, CaseService } from '../../core/service.js';
import type { CaseView } from '../../core/view.js';
import { personOf, type TeamsActivity, tenantOf, threadOf } from './activity.js';
import { parseCardRef } from './card-ref.js';
import { ADAPTIVE_CONTENT_TYPE, type Connector } from './connector.js';
import { FILLING_WINDOW_MS, fillingMarkOf, outcomeCard, teamsCard } from './render.js';

/** The body of an `adaptiveCard/action` invoke response (Universal Actions). */
export type CardActionResponse =
  | { statusCode: 200; type: typeof ADAPTIVE_CONTENT_TYPE; value: AdaptiveCardJson }
  | {
      statusCode: 400 | 403 | 404 | 500;
      type: 'application/vnd.microsoft.error';
      value: { code: string; message: string };
    };

export interface CardActionDeps {
  store: CaseStore;
  cases: CaseService;
  connector: Connector;
  logger: Logger;
  now?: () => number;
}

const CASE_ACTIONS: Partial<Record<CaseActionName, ActionName>> = {
  accept: 'accept',
  update: 'update',
  end: 'end',
  undo: 'undo',
  close: 'close',
};

const refuse = (statusCode: 400 | 403 | 404 | 500, code: string, message: string): CardActionResponse => ({
  statusCode,
  type: 'application/vnd.microsoft.error',
  value: { code, message },
});

const show = (card: AdaptiveCardJson): CardActionResponse => ({
  statusCode: 200,
  type: ADAPTIVE_CONTENT_TYPE,
  value: card,
});

/**
 * Universal Actions on the case card. Writes answer the clicker with the new card and update the posted message for
 * everyone else; slow ones (they predict) answer "Filling fields…" at once and the job's publisher updates the
 * message. Edit forms, refused saves, refresh and cancel touch only the clicker's card.
 */
export function createCardActionHandler({ store, cases, connector, logger, now = Date.now }: CardActionDeps) {
  const eventCount = async (tenantId: string, conversationId: string) =>
    (await store.listEvents(tenantId, conversationId)).length;

  async function updateMessage(cardRef: string | null, card: AdaptiveCardJson, tenantId: string) {
    const ref = parseCardRef(cardRef);
    if (!ref) return;
    try {
      await connector.updateCard(ref, card);
    } catch {
      // The clicker already has the new card; others see it on their next refresh.
      logger.warn({ tenantId }, 'could not update the Teams card message');
    }
  }

  return async function onCardAction(activity: TeamsActivity): Promise<CardActionResponse> {
    const tenantId = tenantOf(activity);
    if (!tenantId) return refuse(400, 'BadRequest', 'This action does not say which Microsoft 365 tenant it is from.');
    const value = (activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const parsed = parseAdaptiveAction(value.action?.verb, value.action?.data);
    if (!parsed) return refuse(400, 'BadRequest', 'This card action is not one autocase knows.');

    const conversation = await store.getConversation(tenantId, parsed.conversationId);
    if (conversation?.platform !== 'teams') {
      return refuse(404, 'NotFound', 'That conversation does not exist.');
    }
    // A card only acts on the conversation of the channel it was posted in: a copied card elsewhere does nothing.
    const thread = threadOf(activity);
    if (thread && thread.baseId !== conversation.threadRef.split(';')[0]) {
      return refuse(403, 'Forbidden', 'This card belongs to another channel.');
    }
    const actor = personOf(activity);
    const request = { tenantId, conversationId: conversation.id, actor };

    try {
      switch (parsed.action) {
        case 'refresh': {
          const mark = fillingMarkOf(value.action?.data);
          const stillFilling =
            mark !== null &&
            now() - mark.at >= 0 &&
            now() - mark.at < FILLING_WINDOW_MS &&
            (await eventCount(tenantId, conversation.id)) <= mark.after;
          const { view } = await cases.view(tenantId, conversation.id, { filling: stillFilling });
          return show(teamsCard(view, stillFilling && mark ? { filling: mark } : {}));
        }
        case 'cancel': {
          const { view } = await cases.view(tenantId, conversation.id);
          return show(teamsCard(view));
        }
        case 'edit':
        case 'create': {
          const { view } = await cases.view(tenantId, conversation.id);
          return show(teamsCard(view, { mode: 'edit' }));
        }
        case 'save': {
          const { view } = await cases.view(tenantId, conversation.id);
          const values = readAdaptiveInputs(value.action?.data, view.fields);
          const action: ActionName = parsed.intent === 'create' ? 'create' : 'save';
          const outcome = await cases.dispatch({ ...request, action, values });
          if (outcome.error) {
            // Nothing was written: the form comes back with what the agent typed and the reasons next to the inputs.
            const editable = outcome.view.actions.some((a) => a === 'edit' || a === 'create');
            if (!editable) return show(teamsCard(outcome.view, { error: outcome.error.message }));
            const errors = outcome.error.fieldErrors ?? { form: outcome.error.message };
            return show(teamsCard(withTypedValues(outcome.view, values), { mode: 'edit', errors }));
          }
          const card = outcomeCard(outcome);
          await updateMessage(outcome.conversation.cardRef, card, tenantId);
          return show(card);
        }
        default: {
          const action = CASE_ACTIONS[parsed.action];
          if (!action) return refuse(400, 'BadRequest', 'This card action is not one autocase knows.');
          // Counted before queueing: the job may decide (and write its event) before this answer is sent.
          const filling = { after: await eventCount(tenantId, conversation.id), at: now() };
          const outcome = await cases.dispatch({ ...request, action });
          // A queued (slow) action's card says "Filling fields…": the job's publisher posts the result.
          const queued = !outcome.error && outcome.view.banners.some((b) => b.kind === 'filling');
          const card = queued ? teamsCard(outcome.view, { filling }) : outcomeCard(outcome);
          if (!queued && !outcome.error) await updateMessage(outcome.conversation.cardRef, card, tenantId);
          return show(card);
        }
      }
    } catch (error) {
      if (error instanceof DomainError) {
        return refuse(error.code === 'not_found' ? 404 : 400, 'BadRequest', error.message);
      }
      logger.error({ tenantId, action: parsed.action, err: (error as Error).message }, 'card action failed');
      return refuse(500, 'InternalError', 'autocase could not do that just now; nothing was changed. Try again.');
    }
  };
}

/** The view with the values as typed into the form (not yet valid), so a refused save loses nothing. */
function withTypedValues(view: CaseView, typed: Record<string, unknown>): CaseView {
  return {
    ...view,
    fields: view.fields.map((field) => {
      if (!(field.key in typed)) return field;
      const raw = typed[field.key];
      let value: string | number | boolean | null = null;
      if (typeof raw === 'boolean') value = raw;
      else if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string') {
        const n = Number(raw);
        value = field.type === 'number' && raw.trim() !== '' && Number.isFinite(n) ? n : raw;
      }
      return { ...field, value, display: value === null ? '' : String(value) };
    }),
  };
}
