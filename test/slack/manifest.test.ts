import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_APP_NEEDS, SLACK_EVENTS_PATH } from '../../bots/slack/index.js';

interface Manifest {
  _metadata: unknown;
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; description: string; should_escape?: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[]; metadata_subscriptions: unknown[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync('manifests/slack/manifest.yaml', 'utf8')) as Manifest;

describe('the Slack app manifest', () => {
  it('has the structure Slack imports (manifest schema v1 constraints)', () => {
    expect(manifest._metadata).toEqual({ major_version: 1, minor_version: 1 });
    const info = manifest.display_information;
    expect(info.name.length).toBeGreaterThan(0);
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
    expect(manifest.features.bot_user.display_name.length).toBeGreaterThan(0);
    const allowedTop = ['_metadata', 'display_information', 'features', 'oauth_config', 'settings'];
    expect(Object.keys(manifest).every((k) => allowedTop.includes(k))).toBe(true);
    expect(Object.keys(manifest.settings.event_subscriptions).sort()).toEqual([
      'bot_events',
      'metadata_subscriptions',
      'request_url',
    ]);
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/.{1,31}$/);
      expect(command.description.length).toBeGreaterThan(0);
    }
  });

  it('points every request URL at the one Slack endpoint, over HTTPS', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('grants every event, scope, command and metadata type the code uses', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(SLACK_APP_NEEDS.botEvents));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(SLACK_APP_NEEDS.scopes));
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(SLACK_APP_NEEDS.commands));
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
    expect(manifest.settings.event_subscriptions.metadata_subscriptions).toEqual(
      SLACK_APP_NEEDS.metadataEventTypes.map((event_type) => ({ app_id: '*', event_type })),
    );
  });

  it('knows the scope of every Web API method the Slack code calls', () => {
    const source = readdirSync('bots/slack')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join('bots/slack', f), 'utf8'))
      .join('\n');
    const methods = new Set([...source.matchAll(/client\s*\.(\w+)\s*\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(methods.size).toBeGreaterThan(3);
    for (const method of methods) {
      expect(SLACK_APP_NEEDS.methodScopes, `${method} has no scope entry`).toHaveProperty([method]);
      const scope = SLACK_APP_NEEDS.methodScopes[method];
      if (scope) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
  });
});
