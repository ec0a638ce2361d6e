import { Client } from '@microsoft/teams.common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../bots/teams/connector.js';
import type { Logger } from '../../core/ports.js';
import { type FakeConnector, startFakeConnector } from './support/fake-connector.js';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(() => connector.close());

function recordingLogger() {
  const lines: Array<{ level: string; msg: string | undefined; obj: object }> = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, msg, obj });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const card = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  msteams: { width: 'Full' },
  fallbackText: 'test',
  body: [],
} as const;

describe('Bot Connector calls and the bot token', () => {
  it('fetches the token only when a call needs it, and retries after a failed fetch', async () => {
    let fetches = 0;
    const http = new Client({
      token: async () => {
        fetches++;
        if (fetches === 1) throw new Error('login.microsoftonline.com unreachable');
        return 'token-2';
      },
    });
    const { logger, lines } = recordingLogger();
    const bot = createConnector({ http, logger, retryDelayMs: 1 });
    expect(fetches).toBe(0);

    const id = await bot.postCard(connector.url, '19:lazy@thread.tacv2;messageid=1', { ...card, body: [] });

    expect(id).toMatch(/^bot-activity-/);
    expect(fetches).toBe(2);
    const sent = connector.callsFor('19:lazy@thread.tacv2');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.authorization).toBe('Bearer token-2');
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['Bot Connector call failed; retrying']);
    // Secrets never reach the log: the token is not in any line.
    expect(JSON.stringify(lines)).not.toContain('token-2');
  });

  it('gives up after a few attempts with an error line, without crashing anything', async () => {
    const http = new Client({
      token: async () => {
        throw new Error('AADSTS7000215: invalid client secret');
      },
    });
    const { logger, lines } = recordingLogger();
    const bot = createConnector({ http, logger, attempts: 3, retryDelayMs: 1 });

    await expect(bot.postText(connector.url, '19:down@thread.tacv2', 'hi')).rejects.toThrow(/AADSTS7000215/);

    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['Bot Connector call failed']);
    expect(connector.callsFor('19:down@thread.tacv2')).toEqual([]);
  });

  it('does not retry a refusal (404 member lookup)', async () => {
    const { logger } = recordingLogger();
    const bot = createConnector({ http: new Client(), logger, retryDelayMs: 1 });

    await expect(bot.getMember(connector.url, '19:team@thread.tacv2', '29:nobody')).rejects.toThrow();

    expect(connector.callsFor('19:team@thread.tacv2')).toHaveLength(1);
  });
});
