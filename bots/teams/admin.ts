import {
  type AdminCommand,
  type AdminResult,
  adminResultToText,
  parseAdminCommand,
  runAdminCommand,
} from '../../core/admin/index.js';
import type { CaseStore, Logger } from '../../core/ports.js';
import type { Predictor } from '../../core/predict/port.js';
import { personOf, plainText, type TeamsActivity } from './activity.js';
import type { Connector } from './connector.js';

/** First words that make an @autocase message an admin command rather than a support question. */
export const COMMAND_WORDS = new Set([
  'help',
  '?',
  'fields',
  'field',
  'settings',
  'setting',
  'agents',
  'agent',
  'simulate',
  'eval',
]);

export const COMMAND_PREFIX = '@autocase';

export interface TeamsAdminDeps {
  store: CaseStore;
  predictor: Predictor;
  connector: Connector;
  logger: Logger;
  /** AUTOCASE_ADMINS: Entra object ids (or Teams user ids) that are admins in every tenant. */
  admins: readonly string[];
  serviceUrlFallback: string | undefined;
}

const USER_TOKEN = /^teams-user:(.+)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isCommandText(text: string): boolean {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return COMMAND_WORDS.has(first);
}

/**
 * Admin rights in Teams: listed in AUTOCASE_ADMINS, or an owner of the team the message came from (the Bot
 * Connector's team member lookup reports `userRole: "owner"`). Asked lazily, once, and only for commands that need it.
 */
export function createAdminCheck(deps: TeamsAdminDeps) {
  return async function isAdmin(activity: TeamsActivity): Promise<boolean> {
    const from = activity.from ?? {};
    if ([from.aadObjectId, from.id].some((id) => id && deps.admins.includes(id))) return true;
    const teamId = activity.channelData?.team?.id;
    const serviceUrl = activity.serviceUrl ?? deps.serviceUrlFallback;
    if (!teamId || !from.id || !serviceUrl) return false;
    try {
      const member = await deps.connector.getMember(serviceUrl, teamId, from.id);
      return member.userRole?.toLowerCase() === 'owner';
    } catch {
      deps.logger.warn({ teamId }, 'could not look up the team member role; treating as not an admin');
      return false;
    }
  };
}

/** Runs one `@autocase …` command for the sender; the answer is for the platform to post. */
export function createTeamsCommands(deps: TeamsAdminDeps) {
  const isAdmin = createAdminCheck(deps);

  return async function runCommand(tenantId: string, activity: TeamsActivity): Promise<AdminResult> {
    const names = new Map<string, string>();
    const text = plainText(activity, (id, name) => {
      names.set(id, name);
      return `teams-user:${id}`;
    });
    let command: AdminCommand = parseAdminCommand(text, {
      resolveUser: (token) => USER_TOKEN.exec(token)?.[1] ?? (GUID.test(token) ? token : null),
    });
    if (command.kind === 'agents.add' || command.kind === 'agents.remove') {
      if (!(await isAdmin(activity))) return runAdminCommand(deps, request(tenantId, activity, command, false));
      command = { ...command, users: await Promise.all(command.users.map((u) => entraIdOf(activity, u, names))) };
    }
    return runAdminCommand(deps, {
      ...request(tenantId, activity, command, () => isAdmin(activity)),
      formatUser: (id) => names.get(id) ?? id,
    });
  };

  function request(
    tenantId: string,
    activity: TeamsActivity,
    command: AdminCommand,
    admin: boolean | (() => Promise<boolean>),
  ) {
    return { tenantId, actor: personOf(activity), command, isAdmin: admin, prefix: COMMAND_PREFIX };
  }

  /** Agents are stored by Entra object id (what messages carry as the author); a mention carries the Teams id. */
  async function entraIdOf(activity: TeamsActivity, userId: string, names: Map<string, string>): Promise<string> {
    if (GUID.test(userId)) return userId;
    const serviceUrl = activity.serviceUrl ?? deps.serviceUrlFallback;
    const where = activity.channelData?.team?.id ?? activity.conversation?.id;
    if (!serviceUrl || !where) return userId;
    try {
      const member = await deps.connector.getMember(serviceUrl, where, userId);
      if (member.aadObjectId) {
        const name = names.get(userId);
        if (name) names.set(member.aadObjectId, name);
        return member.aadObjectId;
      }
    } catch {
      deps.logger.warn({}, 'could not resolve a mentioned user to an Entra id; storing the Teams id');
    }
    return userId;
  }
}

export { adminResultToText };
