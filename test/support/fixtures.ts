import { randomUUID } from 'node:crypto';
import type { CaseStore } from '../../core/ports.js';
import type { Escalation, FieldDefinition, MessageRole, Person } from '../../core/types.js';
import { uniqueTenantId } from './db.js';

export const AGENT: Person = { id: 'U-agent', name: 'Priya Agent' };
export const CUSTOMER: Person = { id: 'U-cust', name: 'Maria Lopez' };

/** A small field set: two required fields, so "enough context" is easy to reach or withhold in a test. */
export const TEST_FIELDS: FieldDefinition[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, aiManaged: true },
  {
    key: 'category',
    label: 'Category',
    type: 'choice',
    required: true,
    aiManaged: true,
    options: [{ value: 'Billing' }, { value: 'Shipping & delivery' }, { value: 'Technical issue' }],
  },
  {
    key: 'priority',
    label: 'Priority',
    type: 'choice',
    required: false,
    aiManaged: true,
    options: [{ value: 'Low' }, { value: 'Normal' }, { value: 'High' }, { value: 'Urgent' }],
  },
  { key: 'email', label: 'Email', type: 'email', required: false, aiManaged: true },
  { key: 'dueDate', label: 'Due date', type: 'date', required: false, aiManaged: true },
  { key: 'internalNote', label: 'Internal note', type: 'longtext', required: false, aiManaged: false },
];

export async function newTenant(store: CaseStore, fields: FieldDefinition[] = TEST_FIELDS) {
  const tenantId = uniqueTenantId();
  await store.ensureTenant({ id: tenantId, platform: 'playground' });
  await store.setFields(tenantId, fields);
  return tenantId;
}

export async function newConversation(store: CaseStore, tenantId: string, escalation: Escalation | null = null) {
  const { conversation } = await store.openConversation(tenantId, {
    platform: 'playground',
    channelId: 'C-support',
    threadRef: randomUUID(),
    customer: CUSTOMER,
    escalation,
  });
  return conversation;
}

export async function say(
  store: CaseStore,
  tenantId: string,
  conversationId: string,
  text: string,
  role: MessageRole = 'customer',
) {
  const author = role === 'agent' ? AGENT : CUSTOMER;
  const { message } = await store.appendMessage(tenantId, conversationId, {
    role,
    author,
    text,
    platformMessageId: randomUUID(),
  });
  return message;
}
