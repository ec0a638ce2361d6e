import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsAdapter } from '../../bots/teams/index.js';
import type { CaseStore } from '../../core/ports.js';
import { countRows } from '../fuzz/support/rows.js';
import {
  buttonClick,
  messageEvent,
  newTs,
  nowSeconds,
  randomTeam,
  type SlackHarness,
  startSlackHarness,
} from '../slack/support/driver.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';

/** Slack requests that are not Slack's, workspaces reaching into each other, and non-admins running admin commands. */
let h: SlackHarness;
let store: CaseStore;

beforeAll(async () => {
  h = await startSlackHarness({ predictor: createScriptedPredictor() });
  store = h.server.services.store;
  h.api.addUser({ id: 'UCUSTOMER', name: 'maria', real_name: 'Maria Lopez' });
  h.api.addUser({ id: 'UAGENT', name: 'priya', real_name: 'Priya Agent' });
  h.api.addUser({ id: 'UMEMBER', name: 'max', real_name: 'Max Member' });
});
afterAll(() => h.close());

async function workspaceWithCase() {
  const { team, tenantId } = await h.newWorkspace();
  const ts = newTs();
  await h.event(team, messageEvent({ user: 'UCUSTOMER', text: 'title="A secret" category=Billing', ts }));
  await h.settle();
  const conversation = (await store.findConversationByThread(tenantId, 'slack', ts))!;
  await h.interact(buttonClick(team, 'UAGENT', 'autocase_accept', conversation.id, { threadTs: ts }));
  await h.settle();
  expect(await store.getCase(tenantId, conversation.id)).not.toBeNull();
  return { team, tenantId, ts, conversation };
}

async function snapshot(tenantId: string, conversationId: string) {
  return {
    snap: await store.loadSnapshot(tenantId, conversationId),
    events: await store.listEvents(tenantId, conversationId),
    settings: await store.getSettings(tenantId),
    fields: await store.getFields(tenantId),
  };
}

describe('Slack requests that are not from Slack', () => {
  it('forged, replayed (> 5 min) and unsigned requests of every kind: 401 and nothing written', async () => {
    const a = await workspaceWithCase();
    const before = await countRows(h.server.services.database, a.tenantId);
    const attacks = [
      { name: 'forged', options: { secret: 'guessed-secret' } },
      { name: 'replayed', options: { timestamp: nowSeconds() - 6 * 60 } },
      { name: 'unsigned', options: { unsigned: true } },
    ];
    for (const { name, options } of attacks) {
      const event = await h.event(
        a.team,
        messageEvent({ user: 'UCUSTOMER', text: 'injected', thread_ts: a.ts }),
        options,
      );
      expect(event.status, `${name} event`).toBe(401);
      for (const action of ['autocase_update', 'autocase_end', 'autocase_close']) {
        const click = await h.interact(
          buttonClick(a.team, 'UAGENT', action, a.conversation.id, { threadTs: a.ts }),
          options,
        );
        expect(click.status, `${name} ${action}`).toBe(401);
      }
      const command = await h.command(
        {
          command: '/autocase',
          text: 'settings protectManualEdits on',
          team_id: a.team,
          user_id: 'UAGENT',
          channel_id: 'C1',
        },
        options,
      );
      expect(command.status, `${name} command`).toBe(401);
    }
    await h.settle();
    expect(await countRows(h.server.services.database, a.tenantId)).toEqual(before);
  });
});

describe('Slack workspaces are apart', () => {
  it("workspace B's clicks and messages aimed at A's conversation change nothing in A", async () => {
    const a = await workspaceWithCase();
    const before = await snapshot(a.tenantId, a.conversation.id);
    const b = randomTeam();
    for (const action of [
      'autocase_accept',
      'autocase_update',
      'autocase_undo',
      'autocase_end',
      'autocase_close',
      'autocase_edit',
    ]) {
      const res = await h.interact(buttonClick(b, 'UAGENT', action, a.conversation.id, { threadTs: a.ts }));
      expect(res.status).toBeLessThan(500);
    }
    await h.event(b, messageEvent({ user: 'UCUSTOMER', text: 'title="Injected"', thread_ts: a.ts, ts: newTs() }));
    await h.settle();
    expect(await snapshot(a.tenantId, a.conversation.id)).toEqual(before);
    expect(h.api.callsTo('views.open').filter((c) => JSON.stringify(c.args).includes('A secret'))).toEqual([]);
  });
});

describe('admin commands from non-admins', () => {
  it('Slack: /autocase settings, agents and fields set are refused and change nothing', async () => {
    const a = await workspaceWithCase();
    const before = await snapshot(a.tenantId, a.conversation.id);
    for (const text of [
      'settings protectManualEdits on',
      'settings confidenceThreshold 0.99',
      'agents add <@UMEMBER>',
      'fields set - key: x\n  label: X\n  type: text',
    ]) {
      h.api.reset();
      const res = await h.command({
        command: '/autocase',
        text,
        team_id: a.team,
        user_id: 'UMEMBER',
        channel_id: 'C1',
        response_url: h.api.responseUrl(),
      });
      expect(res.status).toBe(200);
      await h.settle();
      expect(JSON.stringify(h.api.callsTo('respond'))).toMatch(/Only workspace admins/);
    }
    expect(await snapshot(a.tenantId, a.conversation.id)).toEqual(before);
  });

  describe('Teams', () => {
    let server: TestServer;
    let connector: FakeConnector;
    beforeAll(async () => {
      connector = await startFakeConnector();
      server = await startTestServer({ env: { AUTOCASE_TEAMS_TEST_MODE: '1' }, adapters: [teamsAdapter] });
    });
    afterAll(async () => {
      await server?.close();
      await connector?.close();
    });

    it('@autocase settings, agents and fields edit from a non-admin are refused and change nothing', async () => {
      const t = teamsTenant(connector.url);
      const teamsStore = server.services.store;
      await teamsStore.ensureTenant({ id: t.tenantId, platform: 'teams' });
      const member = teamsUser('Max Member');
      const before = {
        settings: await teamsStore.getSettings(t.tenantId),
        fields: await teamsStore.getFields(t.tenantId),
      };
      for (const command of ['settings protectManualEdits on', 'agents add @Max Member', 'fields edit']) {
        expect((await sendActivity(server.url, t.command(member, command, [member]))).status).toBe(200);
      }
      const dialog = await sendActivity(
        server.url,
        t.dialog('task/submit', member, { fields: '- key: x\n  label: X\n  type: text' }),
      );
      expect(dialog.status).toBeLessThan(500);
      expect({
        settings: await teamsStore.getSettings(t.tenantId),
        fields: await teamsStore.getFields(t.tenantId),
      }).toEqual(before);
      const replies = connector.calls.filter((c) => c.method === 'POST').map((c) => JSON.stringify(c.body));
      expect(replies.filter((r) => r.includes('Only workspace admins')).length).toBeGreaterThanOrEqual(2);
    });
  });
});
