import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:autocase-bot', name: 'autocase' };

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name: string): TeamsUser {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name };
}

/** One Teams tenant with a team and its General channel, its activities pointed at the given Bot Connector stand-in. */
export function teamsTenant(serviceUrl: string) {
  const entraTenantId = randomUUID();
  const teamId = `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`;
  const channelId = teamId;
  let seq = Date.now();
  const nextId = () => String(++seq);

  const base = (from: TeamsUser, conversationId: string) => ({
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: entraTenantId },
    channelData: {
      tenant: { id: entraTenantId },
      team: { id: teamId, name: 'Support', aadGroupId: randomUUID() },
      channel: { id: channelId, name: 'General' },
    } as Record<string, unknown>,
  });

  return {
    entraTenantId,
    tenantId: `teams:${entraTenantId}`,
    teamId,
    channelId,

    /** A new top-level channel post: its id is the thread's message id. */
    post(from: TeamsUser, text: string, extra: Record<string, unknown> = {}) {
      const id = nextId();
      const threadId = `${channelId};messageid=${id}`;
      return { ...base(from, threadId), type: 'message', id, text, textFormat: 'plain', ...extra, threadId };
    },

    reply(threadId: string, from: TeamsUser, text: string, extra: Record<string, unknown> = {}) {
      return { ...base(from, threadId), type: 'message', id: nextId(), text, textFormat: 'plain', ...extra };
    },

    /** `@autocase <command>`, at the top of the channel (Teams puts the mention markup in the text). */
    command(from: TeamsUser, command: string, mentions: TeamsUser[] = []) {
      const id = nextId();
      let text = `<at>autocase</at> ${command}`;
      const entities: unknown[] = [{ type: 'mention', text: '<at>autocase</at>', mentioned: BOT }];
      for (const m of mentions) {
        text = text.replace(`@${m.name}`, `<at>${m.name}</at>`);
        entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
      }
      return { ...base(from, `${channelId};messageid=${id}`), type: 'message', id, text, textFormat: 'xml', entities };
    },

    /** A click on an `Action.Execute` of the card in the given thread. */
    cardAction(threadId: string, from: TeamsUser, verb: string, data: Record<string, unknown>) {
      return {
        ...base(from, threadId),
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: nextId(),
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      };
    },

    dialog(name: 'task/fetch' | 'task/submit', from: TeamsUser, data: Record<string, unknown>) {
      return {
        ...base(from, `${channelId};messageid=${nextId()}`),
        type: 'invoke',
        name,
        id: nextId(),
        value: { data, context: { theme: 'default' } },
      };
    },
  };
}

export type TeamsTenantFixture = ReturnType<typeof teamsTenant>;

/** POSTs an activity to the bot the way the Bot Connector does. */
export async function sendActivity(baseUrl: string, activity: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, body: body as Record<string, unknown> | null };
}
