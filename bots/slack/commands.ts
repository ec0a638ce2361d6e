import type { webApi } from '@slack/bolt';
import {
  type AdminResult,
  fieldListResult,
  NOT_ADMIN_MESSAGE,
  parseAdminCommand,
  readFieldEditorForm,
  runAdminCommand,
} from '../../core/admin/index.js';
import type { Logger } from '../../core/ports.js';
import type { Services } from '../services.js';
import {
  fieldEditorErrors,
  readFieldEditor,
  renderAdminResult,
  renderFieldEditor,
  renderFieldsSaved,
} from './admin-view.js';
import type { ViewAck } from './modals.js';
import { type Json, obj, str, teamOf } from './payloads.js';
import type { Directory } from './people.js';
import { slackError } from './publisher.js';

type WebClient = webApi.WebClient;
type Respond = (message: { response_type: 'ephemeral'; text: string; blocks: object[] }) => Promise<unknown>;

export const ADMIN_COMMAND = '/autocase';

export interface CommandDeps {
  services: Services;
  client: WebClient;
  ensureTenant: (teamId: string) => Promise<string>;
  directory: Directory;
  logger: Logger;
}

/**
 * `/autocase …` for admins (workspace admins/owners per `users.info`, plus AUTOCASE_ADMINS). The command is acked at
 * once; the answer is an ephemeral reply through the command's `response_url` (works in any channel), or a modal.
 */
export function createAdminHandlers({ services, client, ensureTenant, directory, logger }: CommandDeps) {
  const { store } = services;

  function adminCheck(userId: string, tenantId: string): () => Promise<boolean> {
    return async () => {
      if (services.config.admins.includes(userId)) return true;
      try {
        return await directory.isWorkspaceAdmin(userId);
      } catch (error) {
        logger.warn({ tenantId, err: slackError(error) }, 'slack admin check failed');
        return false;
      }
    };
  }

  async function onCommand(body: Json, respond: Respond | undefined): Promise<void> {
    const teamId = str(body.team_id);
    const userId = str(body.user_id);
    if (!teamId || !userId) return;
    const tenantId = await ensureTenant(teamId);
    const channel = str(body.channel_id);
    const reply = async (result: AdminResult) => {
      const message = renderAdminResult(result);
      if (respond) await respond({ response_type: 'ephemeral', ...message });
      else if (channel)
        await client.chat.postEphemeral({ channel, user: userId, ...message, blocks: message.blocks as never });
    };
    const isAdmin = adminCheck(userId, tenantId);
    const command = parseAdminCommand(body.text);
    const actor = { id: userId, name: str(body.user_name) ?? userId };
    const request = { tenantId, actor, isAdmin, formatUser: (id: string) => `<@${id}>`, prefix: ADMIN_COMMAND };

    if (command.kind === 'simulate') {
      // It predicts every closed conversation again: say so first, the table follows.
      if (!(await isAdmin())) return reply({ kind: 'refused', message: NOT_ADMIN_MESSAGE });
      await reply({ kind: 'message', title: 'Running the simulation on closed conversations…', lines: [] });
      const result = await runAdminCommand(
        { store, predictor: services.predictor },
        { ...request, command, isAdmin: true },
      );
      return reply(result);
    }
    const result = await runAdminCommand({ store, predictor: services.predictor }, { ...request, command });
    logger.info({ tenantId, command: command.kind, result: result.kind }, 'slack admin command');
    if (result.kind !== 'open-field-editor') return reply(result);
    const triggerId = str(body.trigger_id);
    try {
      if (!triggerId) throw new Error('no trigger_id');
      const fields = await store.getFields(tenantId);
      await client.views.open({ trigger_id: triggerId, view: renderFieldEditor(fields, { channel }) as never });
    } catch (error) {
      logger.warn({ tenantId, err: slackError(error) }, 'slack field editor did not open');
      await reply({
        kind: 'error',
        message: `The field editor could not open (${slackError(error)}). Try again, or use ${ADMIN_COMMAND} fields set followed by the field list as YAML.`,
      });
    }
  }

  /** Submit of the field editor: checked again (rights can change while the modal is open), validated, saved whole. */
  async function onFieldEditor(body: Json, ack: (response?: ViewAck) => Promise<void>): Promise<void> {
    const view = obj(body.view);
    const teamId = teamOf(body);
    const userId = str(obj(body.user)?.id);
    if (!view || !teamId || !userId) return ack();
    const tenantId = await ensureTenant(teamId);
    const { form } = readFieldEditor(view);
    if (!(await adminCheck(userId, tenantId)())) {
      return ack({ response_action: 'errors', errors: fieldEditorErrors({ order: NOT_ADMIN_MESSAGE }) });
    }
    const read = readFieldEditorForm(form);
    if (!read.ok) {
      logger.info({ tenantId, inputs: Object.keys(read.errors).length }, 'slack field editor refused');
      return ack({ response_action: 'errors', errors: fieldEditorErrors(read.errors) });
    }
    await store.setFields(tenantId, read.fields);
    logger.info({ tenantId, fields: read.fields.length }, 'slack fields saved');
    const saved = fieldListResult(read.fields, ADMIN_COMMAND);
    await ack({
      response_action: 'update',
      view: renderFieldsSaved({ ...saved, title: `Saved ${read.fields.length} fields.` }),
    });
  }

  return { onCommand, onFieldEditor };
}
