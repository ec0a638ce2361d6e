import {
  parseModalMetadata,
  readEditModalValues,
  SLACK_CREATE_CALLBACK_ID,
  type SlackViewStateValues,
  slackFieldId,
} from '../../cards/actions.js';
import { modalErrors, renderEditModal } from '../../cards/blockkit/index.js';
import { DomainError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { Services } from '../services.js';
import { type Json, obj, str, teamOf } from './payloads.js';
import type { Directory } from './people.js';
import type { CardPublisher } from './publisher.js';

/** What a `view_submission` listener acks with: nothing (close), per-input errors, or a replacement view. */
export type ViewAck =
  | undefined
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update' | 'push'; view: object };

export interface ModalDeps {
  services: Services;
  ensureTenant: (teamId: string) => Promise<string>;
  directory: Directory;
  publisher: CardPublisher;
  logger: Logger;
}

/**
 * Submit of the edit / manual-create modal: validated by the core before anything is written. An invalid value is
 * shown under its input (`response_action: errors`) and the modal stays open; a valid one closes it and the card is
 * updated.
 */
export function createCaseModalHandler({ services, ensureTenant, directory, publisher, logger }: ModalDeps) {
  const { cases, store } = services;

  return async function onCaseModal(body: Json, ack: (response?: ViewAck) => Promise<void>): Promise<void> {
    const view = obj(body.view);
    const meta = parseModalMetadata(view?.private_metadata);
    const teamId = teamOf(body);
    const userId = str(obj(body.user)?.id);
    if (!view || !meta || !teamId || !userId) {
      await ack();
      return;
    }
    const tenantId = await ensureTenant(teamId);
    const actor = await directory.person(userId, str(obj(body.user)?.name));
    const action = view.callback_id === SLACK_CREATE_CALLBACK_ID ? 'create' : 'save';
    const fields = await store.getFields(tenantId);
    const values = readEditModalValues(obj(obj(view.state)?.values) as SlackViewStateValues, fields);

    let outcome: Awaited<ReturnType<typeof cases.dispatch>>;
    try {
      outcome = await cases.dispatch({ tenantId, conversationId: meta.conversationId, action, actor, values });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.info({ tenantId, code: error.code }, 'slack modal submit refused');
      await ack({ response_action: 'errors', errors: firstInputError(view, error.message) });
      return;
    }
    if (outcome.error) {
      const fieldErrors = outcome.error.fieldErrors ?? {};
      const inputs = inputBlockIds(view);
      const keys = Object.keys(fieldErrors);
      if (keys.length > 0 && keys.every((k) => inputs.has(slackFieldId(k)))) {
        await ack(modalErrors(fieldErrors));
      } else {
        // Not about one input (e.g. the conversation closed meanwhile): show it at the top of the modal.
        const errors = keys.length > 0 ? fieldErrors : { _: outcome.error.message };
        await ack({ response_action: 'update', view: renderEditModal(outcome.view, { errors }) });
      }
      return;
    }
    await ack();
    await publisher.publish(outcome, { actor });
  };
}

function inputBlockIds(view: Json): Set<string> {
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  return new Set(
    blocks.flatMap((b) => {
      const block = obj(b);
      return block?.type === 'input' && typeof block.block_id === 'string' ? [block.block_id] : [];
    }),
  );
}

function firstInputError(view: Json, message: string): Record<string, string> {
  const [first] = inputBlockIds(view);
  return first ? { [first]: message.slice(0, 150) } : {};
}
