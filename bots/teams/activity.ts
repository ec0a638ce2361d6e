import type { Escalation, Person } from '../../core/types.js';

/** The parts of a Bot Framework activity autocase reads; everything is optional because Teams sends what it likes. */
export interface TeamsActivity {
  type?: string;
  name?: string;
  id?: string;
  text?: string;
  textFormat?: string;
  serviceUrl?: string;
  timestamp?: string;
  from?: { id?: string; name?: string; aadObjectId?: string; role?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id?: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; name?: string; aadGroupId?: string };
    channel?: { id?: string; name?: string };
    eventType?: string;
    supportEscalation?: unknown;
  } & Record<string, unknown>;
  entities?: Array<{ type?: string; text?: string; mentioned?: { id?: string; name?: string } }>;
  value?: unknown;
  replyToId?: string;
  attachments?: Array<{ contentType?: string; name?: string }>;
}

export const TEAMS_TENANT_PREFIX = 'teams:';

/** `teams:<Entra tenant id>`, or null when the activity names no tenant (then autocase does nothing with it). */
export function tenantOf(activity: TeamsActivity): string | null {
  const id = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return null;
  return `${TEAMS_TENANT_PREFIX}${id}`;
}

/** A person as autocase stores them: the Entra object id when Teams gives one (what admins configure), else the id. */
export function personOf(activity: TeamsActivity): Person {
  const from = activity.from ?? {};
  return { id: from.aadObjectId || from.id || 'unknown', name: from.name?.trim() || 'Teams user' };
}

export interface ThreadInfo {
  /** The channel (or chat) conversation id without the `;messageid=` suffix. */
  baseId: string;
  /** The root post's id: the thread. */
  rootId: string;
  /** `<baseId>;messageid=<rootId>`: where replies in the thread are posted, and the conversation's threadRef. */
  threadId: string;
  /** The activity is the thread's first post (a new channel post), not a reply. */
  isRoot: boolean;
}

/**
 * Channel posts arrive with `conversation.id` = `19:…@thread.tacv2;messageid=<root post id>`; the root post's own
 * activity id equals that message id, replies have their own ids.
 */
export function threadOf(activity: TeamsActivity): ThreadInfo | null {
  const conversationId = activity.conversation?.id;
  if (!conversationId) return null;
  const [baseId = '', ...params] = conversationId.split(';');
  const messageParam = params.find((p) => p.startsWith('messageid='));
  const rootId = messageParam ? messageParam.slice('messageid='.length) : activity.id;
  if (!baseId || !rootId) return null;
  return {
    baseId,
    rootId,
    threadId: `${baseId};messageid=${rootId}`,
    isRoot: activity.id === rootId,
  };
}

export function isChannelActivity(activity: TeamsActivity): boolean {
  return activity.conversation?.conversationType === 'channel' || Boolean(activity.channelData?.channel?.id);
}

export function isPersonalActivity(activity: TeamsActivity): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/** The bot itself is @mentioned (channels deliver commands this way). */
export function mentionsBot(activity: TeamsActivity): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId && activity.entities?.some((e) => e.type === 'mention' && e.mentioned?.id === botId));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of a Teams message: the bot's own mention removed, other mentions kept as names (or replaced through
 * `mention`), HTML paragraphs and line breaks turned into newlines, tags dropped, entities decoded.
 */
export function plainText(activity: TeamsActivity, mention?: (id: string, name: string) => string): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention' || !entity.text) continue;
    const id = entity.mentioned?.id ?? '';
    const name = entity.mentioned?.name ?? entity.text.replace(/<\/?at>/g, '');
    const replacement = id === botId ? '' : mention ? mention(id, name) : name;
    text = text.split(entity.text).join(replacement);
  }
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#')) {
        const n = code[1]?.toLowerCase() === 'x' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    });
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type EscalationParse = { ok: true; escalation: Escalation | null } | { ok: false; message: string };

const MAX_SUMMARY = 4000;
const MAX_VALUES = 100;

/**
 * A self-service bot hands a customer over by posting with `channelData.supportEscalation` (or the same under
 * `value`, e.g. from a card submit): `{ summary?: string, values?: { [fieldKey]: value }, bot?: string }`.
 */
export function escalationOf(activity: TeamsActivity): EscalationParse {
  const fromValue =
    activity.value && typeof activity.value === 'object' && !Array.isArray(activity.value)
      ? (activity.value as Record<string, unknown>).supportEscalation
      : undefined;
  const raw = activity.channelData?.supportEscalation ?? fromValue;
  if (raw === undefined || raw === null) return { ok: true, escalation: null };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: 'supportEscalation must be an object: { summary, values }' };
  }
  const { summary, values, bot } = raw as Record<string, unknown>;
  if (summary !== undefined && typeof summary !== 'string') {
    return { ok: false, message: 'supportEscalation.summary must be a string' };
  }
  if (values !== undefined && (values === null || typeof values !== 'object' || Array.isArray(values))) {
    return { ok: false, message: 'supportEscalation.values must be an object of field key → value' };
  }
  if (bot !== undefined && typeof bot !== 'string') {
    return { ok: false, message: 'supportEscalation.bot must be a string' };
  }
  const entries = Object.entries((values ?? {}) as Record<string, unknown>);
  if (entries.length > MAX_VALUES) {
    return { ok: false, message: `supportEscalation.values has more than ${MAX_VALUES} entries` };
  }
  const escalation: Escalation = { values: Object.fromEntries(entries) };
  if (summary?.trim()) escalation.summary = summary.trim().slice(0, MAX_SUMMARY);
  if (bot?.trim()) escalation.bot = bot.trim().slice(0, 200);
  return { ok: true, escalation };
}

export function sentAtOf(activity: TeamsActivity): Date | undefined {
  if (!activity.timestamp) return undefined;
  const at = new Date(activity.timestamp);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
