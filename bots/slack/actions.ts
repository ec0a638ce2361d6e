import type { webApi } from '@slack/bolt';
import { parseSlackAction } from '../../cards/actions.js';
import { renderEditModal } from '../../cards/blockkit/index.js';
import { DomainError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { Services } from '../services.js';
import { type Json, obj, str, teamOf } from './payloads.js';
import type { Directory } from './people.js';
import { type CardPublisher, slackError } from './publisher.js';

type WebClient = webApi.WebClient;

export interface ActionDeps {
  services: Services;
  client: WebClient;
  ensureTenant: (teamId: string) => Promise<string>;
  directory: Directory;
  publisher: CardPublisher;
  logger: Logger;
}

/**
 * A click on a case card button (`block_actions`), after Bolt acked it. Accept/Update/End predict, so they show
 * "Filling fields…" now and go through the job queue; Edit/Create open the modal; Undo/Close are answered at once.
 */
export function createActionHandler({ services, client, ensureTenant, directory, publisher, logger }: ActionDeps) {
  const { cases } = services;

  return async function onBlockAction(body: Json): Promise<void> {
    const first = obj(Array.isArray(body.actions) ? body.actions[0] : null);
    const parsed = parseSlackAction(first?.action_id, first?.value);
    const teamId = teamOf(body);
    const userId = str(obj(body.user)?.id);
    if (!parsed || !teamId || !userId) {
      logger.debug({}, 'slack block action ignored: not ours or incomplete');
      return;
    }
    const tenantId = await ensureTenant(teamId);
    const { conversationId, action } = parsed;
    const actor = await directory.person(userId, str(obj(body.user)?.name));
    try {
      switch (action) {
        case 'edit':
        case 'create': {
          const { view } = await cases.view(tenantId, conversationId);
          const triggerId = str(body.trigger_id);
          if (!triggerId) return;
          try {
            await client.views.open({ trigger_id: triggerId, view: renderEditModal(view) as never });
          } catch (error) {
            // Usually an expired trigger (Slack allows 3 s): the person can simply click again.
            logger.warn({ tenantId, conversationId, err: slackError(error) }, 'slack edit modal did not open');
            throw new DomainError(
              'invalid_input',
              `The form could not open (${slackError(error)}); please click again.`,
            );
          }
          return;
        }
        case 'accept':
        case 'update':
        case 'end': {
          // The card says "Filling fields…" before the job exists, so the job's result can never be overwritten by it.
          const filling = await cases.view(tenantId, conversationId, { filling: true });
          await publisher
            .showCard(filling.conversation, filling.view)
            .catch((error: unknown) =>
              logger.warn({ conversationId, err: slackError(error) }, 'slack filling card update failed'),
            );
          await cases.dispatch({ tenantId, conversationId, action, actor });
          return;
        }
        case 'undo':
        case 'close': {
          const outcome = await cases.dispatch({ tenantId, conversationId, action, actor });
          await publisher.publish(outcome, { actor });
          return;
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.info({ tenantId, conversationId, code: error.code }, 'slack action refused');
      const channel = str(obj(body.channel)?.id) ?? str(obj(body.container)?.channel_id);
      if (!channel) return;
      const message = obj(body.message);
      await client.chat
        .postEphemeral({
          channel,
          user: userId,
          text: error.message,
          ...(str(message?.thread_ts) ? { thread_ts: str(message?.thread_ts) as string } : {}),
        })
        .catch(() => {});
    }
  };
}
