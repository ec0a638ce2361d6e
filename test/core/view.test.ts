import { describe, expect, it } from 'vitest';
import type { ConversationSnapshot } from '../../core/ports.js';
import { type CaseEvent, DEFAULT_SETTINGS } from '../../core/types.js';
import { buildCaseView } from '../../core/view.js';
import { TEST_FIELDS } from '../support/fixtures.js';

const at = new Date('2026-03-10T14:00:00Z');
const snapshot: ConversationSnapshot = {
  conversation: {
    id: 'c1',
    tenantId: 't',
    platform: 'slack',
    channelId: 'C',
    threadRef: '1',
    state: 'active',
    assignedAgent: { id: 'A', name: 'Agent' },
    customer: { id: 'U', name: 'Maria' },
    escalation: null,
    cardRef: null,
    createdAt: at,
    updatedAt: at,
  },
  messages: [],
  fields: TEST_FIELDS,
  settings: DEFAULT_SETTINGS,
  case: null,
};
const event = (type: CaseEvent['type'], data: Record<string, unknown>): CaseEvent => ({
  id: type,
  tenantId: 't',
  conversationId: 'c1',
  caseId: null,
  type,
  actor: 'A',
  data,
  at,
});

describe('buildCaseView', () => {
  it('says which required fields are missing after a decision not to create', () => {
    const view = buildCaseView(snapshot, [event('not_created', { missing: ['title', 'category'] })]);
    expect(view.kind).toBe('pending');
    expect(view.banners).toEqual([{ kind: 'not-enough-context', missing: ['Title', 'Category'] }]);
    expect(view.actions).toEqual(['update', 'create', 'end']);
  });

  it('says the AI service was unavailable even when the offline answer was not enough to create the case', () => {
    const view = buildCaseView(snapshot, [
      event('not_created', { missing: ['title'], fallback: { from: 'llm:gpt-4o-mini', reason: 'timeout' } }),
    ]);
    expect(view.banners.map((b) => b.kind)).toEqual(['not-enough-context', 'fallback']);
  });

  it('ignores state changes when deciding what to highlight', () => {
    const view = buildCaseView(snapshot, [
      event('not_created', { missing: ['title'] }),
      event('state_changed', { from: 'active', to: 'wrapUp' }),
    ]);
    expect(view.banners[0]).toMatchObject({ kind: 'not-enough-context' });
  });
});
