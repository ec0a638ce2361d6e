/**
 * Card states for the renderer tests and screenshots, built through the real `buildCaseView` from stored-looking data,
 * so the cards are tested against what the agent actually produces.
 */
import { defaultFields } from '../../core/fields.js';
import type { ConversationSnapshot } from '../../core/ports.js';
import {
  type Case,
  type CaseEvent,
  type CaseFieldValue,
  type Conversation,
  type ConversationState,
  DEFAULT_SETTINGS,
  type FieldDefinition,
  type FieldValue,
  type Message,
  type ValueSource,
} from '../../core/types.js';
import { type Banner, buildCaseView, type CaseView } from '../../core/view.js';

const AT = new Date('2026-11-30T15:00:00Z');

export const FIELDS: FieldDefinition[] = [
  ...defaultFields(),
  { key: 'seats', label: 'Seats', type: 'number', required: false, aiManaged: false, hint: 'Licensed seats' },
];

export const MESSAGES: Message[] = [
  msg('m1', 'customer', 'Sam Rivera', 'Hi, I was charged twice for my March subscription. Order #A-1042.'),
  msg('m2', 'agent', 'Dana Agent', 'Sorry about that, Sam! Which email is the account under?'),
  msg('m3', 'customer', 'Sam Rivera', 'sam.rivera@example.com, and it is urgent: rent is due. Phone +1 415 555 0132'),
];

function msg(id: string, role: Message['role'], name: string, text: string): Message {
  return {
    id,
    conversationId: 'conv-1',
    role,
    author: { id: `u-${name}`, name },
    text,
    platformMessageId: `p-${id}`,
    deleted: false,
    sentAt: AT,
  };
}

function conversation(state: ConversationState, extra: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-1',
    tenantId: 't1',
    platform: 'teams',
    channelId: 'ch1',
    threadRef: 'thread-1',
    state,
    assignedAgent: state === 'open' ? null : { id: 'u-dana', name: 'Dana Agent' },
    customer: { id: 'u-sam', name: 'Sam Rivera' },
    escalation: null,
    cardRef: null,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

function value(key: string, v: FieldValue, source: ValueSource, confidence: number, evidence: string[] = []) {
  return { key, value: v, source, confidence, evidence, updatedBy: 'autocase', updatedAt: AT } satisfies CaseFieldValue;
}

const BASE_VALUES: CaseFieldValue[] = [
  value('title', 'Charged twice for March subscription', 'ai', 0.92, ['m1']),
  value(
    'description',
    'Customer was billed twice for the March subscription and wants the duplicate refunded.',
    'ai',
    0.8,
    ['m1', 'm3'],
  ),
  value('customerName', 'Sam Rivera', 'ai', 0.95, ['m1']),
  value('email', 'sam.rivera@example.com', 'ai', 0.97, ['m3']),
  value('phone', '+14155550132', 'ai', 0.9, ['m3']),
  value('category', 'Billing', 'ai', 0.88, ['m1']),
  value('priority', 'Urgent', 'ai', 0.45, ['m3']),
  value('orderNumber', 'A-1042', 'ai', 0.9, ['m1']),
  value('product', 'Premium plan', 'manual', 1),
  value('refundRequested', true, 'ai', 0.7, ['m1']),
  value('dueDate', '2026-12-05', 'manual', 1),
  value('seats', 12, 'manual', 1),
];

function kase(values: CaseFieldValue[] = BASE_VALUES): Case {
  return {
    id: 'case-1',
    tenantId: 't1',
    conversationId: 'conv-1',
    number: 1042,
    values: Object.fromEntries(values.map((v) => [v.key, v])),
    createdBy: 'autocase',
    createdAt: AT,
    updatedAt: AT,
  };
}

function event(type: CaseEvent['type'], data: Record<string, unknown> = {}): CaseEvent {
  return {
    id: `e-${type}`,
    tenantId: 't1',
    conversationId: 'conv-1',
    caseId: 'case-1',
    type,
    actor: 'autocase',
    data,
    at: AT,
  };
}

function view(
  state: ConversationState,
  theCase: Case | null,
  events: CaseEvent[] = [],
  options: { filling?: boolean; banners?: Banner[]; conversation?: Partial<Conversation>; messages?: Message[] } = {},
): CaseView {
  const snap: ConversationSnapshot = {
    conversation: conversation(state, options.conversation),
    messages: options.messages ?? MESSAGES,
    fields: FIELDS,
    settings: DEFAULT_SETTINGS,
    case: theCase,
  };
  return buildCaseView(snap, events, { filling: options.filling, banners: options.banners });
}

const UPDATE = event('ai_updated', {
  changes: [
    { key: 'priority', before: { value: 'Normal', source: 'ai' }, after: { value: 'Urgent', source: 'ai' } },
    { key: 'product', before: null, after: { value: 'Premium plan', source: 'ai' } },
  ],
  predictor: 'llm',
});

const UPDATED_VALUES = BASE_VALUES.map((v) =>
  v.key === 'product' ? value('product', 'Premium plan', 'ai', 0.85, ['m1']) : v,
);

/** Every state a card can be in, by name (the name is used for screenshots). */
export const STATES = {
  intake: view('open', null),
  'intake-escalated': view('open', null, [], {
    conversation: {
      escalation: {
        bot: 'HelpBot',
        summary: 'Customer reports a duplicate charge for March; verified account sam.rivera@example.com.',
        values: {},
      },
    },
  }),
  filling: view('active', null, [], { filling: true }),
  'not-enough-context': view('active', null, [event('not_created', { missing: ['customerName', 'category'] })]),
  'pending-wrap-up': view('wrapUp', null, [event('not_created', { missing: ['customerName', 'category'] })]),
  created: view('active', kase(), [event('created', { predictor: 'llm' })]),
  updated: view('active', kase(UPDATED_VALUES), [event('created'), UPDATE]),
  'no-change': view('active', kase(), [event('created'), event('no_change', { reason: 'no_new_context' })]),
  fallback: view('active', kase(UPDATED_VALUES), [
    event('created'),
    { ...UPDATE, data: { ...UPDATE.data, fallback: { from: 'llm', reason: 'timeout' } } },
  ]),
  error: view('active', kase(), [event('created'), event('prediction_failed', { reason: 'timeout' })]),
  'updating-case': view('active', kase(), [event('created')], { filling: true }),
  'wrap-up': view('wrapUp', kase(UPDATED_VALUES), [event('created'), UPDATE]),
  closed: view('closed', kase(), [event('created'), event('state_changed', { from: 'wrapUp', to: 'closed' })]),
  'closed-no-case': view('closed', null, []),
} satisfies Record<string, CaseView>;

export type StateName = keyof typeof STATES;
export const STATE_NAMES = Object.keys(STATES) as StateName[];

/** Hostile input: every user-supplied string tries to inject links, mentions and formatting. */
export const HOSTILE =
  '<!channel> @here <http://evil.example|click me> [click](http://evil.example) **bold** _it_ `code` # head\n- item\n1. one {{DATE(2017-02-14T06:08:39Z, SHORT)}} & done';

export function hostileView(): CaseView {
  const values = BASE_VALUES.map((v) => (v.key === 'title' || v.key === 'description' ? { ...v, value: HOSTILE } : v));
  const messages = MESSAGES.map((m) => (m.id === 'm1' ? { ...m, text: HOSTILE } : m));
  return view('active', kase(values), [event('created')], {
    messages,
    conversation: {
      customer: { id: 'u-x', name: '<@U123> *Boss*' },
      escalation: { bot: '[Bot](http://evil.example)', summary: HOSTILE, values: {} },
    },
  });
}

export function hostileIntake(): CaseView {
  return view('open', null, [], {
    messages: MESSAGES.map((m) => (m.id === 'm1' ? { ...m, text: HOSTILE } : m)),
    conversation: { escalation: { bot: '[Bot](http://evil.example)', summary: HOSTILE, values: {} } },
  });
}

/** 60 fields with 10,000-character values, for the platform limits. */
export function hugeView(): CaseView {
  const long = 'x'.repeat(4_000) + '&<>'.repeat(2_000);
  const fields: FieldDefinition[] = Array.from({ length: 60 }, (_, i) => ({
    key: `f${i}`,
    label: `Field ${i} ${'L'.repeat(i === 0 ? 3_000 : 10)}`,
    type: i % 10 === 3 ? 'longtext' : i % 10 === 5 ? 'choice' : 'text',
    required: i % 7 === 0,
    aiManaged: true,
    options:
      i % 10 === 5 ? Array.from({ length: 150 }, (_, j) => ({ value: `Option ${j} ${'o'.repeat(200)}` })) : undefined,
  }));
  const longMessage = msg('m1', 'customer', 'Sam Rivera', long);
  const values = fields.map((f) =>
    f.type === 'choice'
      ? value(f.key, f.options![1]!.value, 'ai', 0.4, ['m1'])
      : value(f.key, long.slice(0, 10_000), 'ai', 0.4, ['m1']),
  );
  const theCase = kase(values);
  const changes = fields.map((f) => ({
    key: f.key,
    before: { value: long.slice(0, 9_000), source: 'ai' as const },
    after: { value: long.slice(0, 10_000), source: 'ai' as const },
  }));
  const snap: ConversationSnapshot = {
    conversation: conversation('active', {
      escalation: { bot: 'B'.repeat(5_000), summary: long, values: {} },
      customer: { id: 'u', name: 'N'.repeat(5_000) },
    }),
    messages: [longMessage],
    fields,
    settings: DEFAULT_SETTINGS,
    case: { ...theCase, number: 123456789 },
  };
  return buildCaseView(snap, [event('created'), event('ai_updated', { changes })], {
    filling: true,
    banners: [
      { kind: 'info', message: long },
      { kind: 'error', message: long },
    ],
  });
}
