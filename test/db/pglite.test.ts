import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../db/connect.js';
import { createRepository } from '../../db/repository.js';

// The zero-setup default is embedded PGlite through the same schema; CI runs the suite on PostgreSQL, so this file
// keeps the embedded path tested there too.
describe('embedded PGlite', () => {
  let database: Database | undefined;
  afterAll(() => database?.close());

  it('migrates the committed schema and stores a conversation', async () => {
    database = await connectDatabase({ dataDir: 'memory://' });
    expect(database.kind).toBe('pglite');
    const store = createRepository(database);
    await store.ensureTenant({ id: 'playground:local', platform: 'playground' });
    const { conversation } = await store.openConversation('playground:local', {
      platform: 'playground',
      channelId: 'c',
      threadRef: 't',
    });
    await store.appendMessage('playground:local', conversation.id, {
      role: 'customer',
      author: { id: 'u', name: 'U' },
      text: 'hi',
      platformMessageId: 'p1',
    });
    expect(await store.ping()).toBe(true);
    expect((await store.loadSnapshot('playground:local', conversation.id))?.messages).toHaveLength(1);
  }, 120_000);
});
