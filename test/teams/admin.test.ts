import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ADMIN_MESSAGE } from '../../core/admin/index.js';
import type { CaseStore } from '../../core/ports.js';
import { TEST_FIELDS } from '../support/fixtures.js';
import { type TeamsTenantFixture, teamsUser } from './support/activities.js';
import type { FakeConnector } from './support/fake-connector.js';
import { startTeamsHarness, type TeamsHarness } from './support/harness.js';

let connector: FakeConnector;
let store: CaseStore;

const configuredAdmin = teamsUser('Ada Admin');
const owner = teamsUser('Olga Owner');
const member = teamsUser('Mike Member');
const priya = teamsUser('Priya Agent');

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ env: { AUTOCASE_ADMINS: configuredAdmin.aadObjectId } });
  ({ connector, store } = h);
});

afterAll(() => h?.close());

async function newTenant(): Promise<TeamsTenantFixture> {
  const t = await h.newTenant();
  // The Bot Connector's team roster: roles as Teams reports them.
  connector.addMember(t.teamId, { ...owner, userRole: 'owner' });
  connector.addMember(t.teamId, { ...member, userRole: 'user' });
  connector.addMember(t.teamId, { ...priya, userRole: 'user' });
  return t;
}

const send = (activity: object) => h.send(activity);

/** The text autocase posted into a thread (its answer to a command). */
function answerIn(threadId: string): string {
  const posts = connector.callsFor(threadId).filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  return String((posts[0]!.body as { text?: string }).text ?? JSON.stringify(posts[0]!.body));
}

describe('@autocase admin commands in Teams', () => {
  it('refuses a team member who is not an owner or configured admin, and changes nothing', async () => {
    const t = await newTenant();
    const command = t.command(member, 'settings confidenceThreshold 0.9');

    await send(command);

    expect(answerIn(`${t.channelId};messageid=${command.id}`)).toBe(NOT_ADMIN_MESSAGE);
    expect((await store.getSettings(t.tenantId)).confidenceThreshold).not.toBe(0.9);
    // A command is not a support question: no conversation was opened for it.
    expect(await store.listConversations(t.tenantId)).toEqual([]);
  });

  it('lets a team owner (userRole "owner" from the Bot Connector) list fields and change settings', async () => {
    const t = await newTenant();
    const list = t.command(owner, 'fields');
    await send(list);
    const answer = answerIn(`${t.channelId};messageid=${list.id}`);
    expect(answer).toContain(`Case fields (${TEST_FIELDS.length})`);
    expect(answer).toContain('category');

    const set = t.command(owner, 'settings confidenceThreshold 0.8');
    await send(set);
    expect(answerIn(`${t.channelId};messageid=${set.id}`)).toContain('confidenceThreshold is now 0.8');
    expect((await store.getSettings(t.tenantId)).confidenceThreshold).toBe(0.8);
  });

  it('lets AUTOCASE_ADMINS add a mentioned agent by Entra id; that agent’s posts then open nothing', async () => {
    const t = await newTenant();
    const add = t.command(configuredAdmin, 'agents add @Priya Agent', [priya]);

    await send(add);

    expect(answerIn(`${t.channelId};messageid=${add.id}`)).toContain('Added Priya Agent');
    expect((await store.getSettings(t.tenantId)).agents).toEqual([priya.aadObjectId]);
    const post = t.post(priya, 'Reminder: maintenance tonight');
    await send(post);
    expect(await store.findConversationByThread(t.tenantId, 'teams', post.threadId)).toBeNull();
  });

  it('answers help in a personal chat and refuses other commands there to non-admins', async () => {
    const t = await newTenant();
    const personal = (from: typeof member, text: string) => ({
      ...t.reply('a:personal-chat', from, text),
      conversation: { id: `a:${from.id}`, conversationType: 'personal', tenantId: t.entraTenantId },
      channelData: { tenant: { id: t.entraTenantId } },
    });

    await send(personal(configuredAdmin, 'help'));
    const help = connector.callsFor(`a:${configuredAdmin.id}`).find((c) => c.method === 'POST');
    expect(String((help!.body as { text: string }).text)).toContain('@autocase fields edit');

    await send(personal(member, 'fields'));
    const refusal = connector.callsFor(`a:${member.id}`).find((c) => c.method === 'POST');
    expect((refusal!.body as { text: string }).text).toBe(NOT_ADMIN_MESSAGE);
  });

  it('edits fields in a dialog: refused to members, invalid YAML shown with the reason, valid YAML saved', async () => {
    const t = await newTenant();
    const open = t.command(owner, 'fields edit');
    await send(open);
    const opener = connector.callsFor(`${t.channelId};messageid=${open.id}`).find((c) => c.method === 'POST');
    const openerCard = JSON.stringify(opener!.body);
    expect(openerCard).toContain('task/fetch');

    const refused = await send(t.dialog('task/fetch', member, { autocase: 'fields.edit' }));
    expect(refused.body).toEqual({ task: { type: 'message', value: NOT_ADMIN_MESSAGE } });

    const fetched = await send(t.dialog('task/fetch', owner, { autocase: 'fields.edit' }));
    expect(fetched.status).toBe(200);
    const form = JSON.stringify(fetched.body);
    expect(form).toContain('"type":"continue"');
    expect(form).toContain('key: title');

    const badYaml = '- key: title\n  label: Title\n  type: colour\n  required: true\n  aiManaged: true\n';
    const invalid = await send(t.dialog('task/submit', owner, { autocase: 'fields.save', fieldsYaml: badYaml }));
    const invalidText = JSON.stringify(invalid.body);
    expect(invalidText).toContain('"type":"continue"');
    expect(invalidText).toContain('Invalid field definition');
    expect(invalidText).toContain('colour');
    expect((await store.getFields(t.tenantId)).map((f) => f.key)).toEqual(TEST_FIELDS.map((f) => f.key));

    const goodYaml = [
      '- key: title',
      '  label: Title',
      '  type: text',
      '  required: true',
      '  aiManaged: true',
      '- key: severity',
      '  label: Severity',
      '  type: choice',
      '  required: false',
      '  aiManaged: true',
      '  options: [Low, High]',
    ].join('\n');
    const notAllowed = await send(t.dialog('task/submit', member, { autocase: 'fields.save', fieldsYaml: goodYaml }));
    expect(notAllowed.body).toEqual({ task: { type: 'message', value: NOT_ADMIN_MESSAGE } });
    expect((await store.getFields(t.tenantId)).map((f) => f.key)).toEqual(TEST_FIELDS.map((f) => f.key));

    const saved = await send(t.dialog('task/submit', owner, { autocase: 'fields.save', fieldsYaml: goodYaml }));
    expect(saved.body).toEqual({ task: { type: 'message', value: 'Saved 2 fields.' } });
    const fields = await store.getFields(t.tenantId);
    expect(fields.map((f) => f.key)).toEqual(['title', 'severity']);
    expect(fields[1]!.options?.map((o) => o.value)).toEqual(['Low', 'High']);
  });
});
