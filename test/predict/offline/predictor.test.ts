import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../core/fields.js';
import { createOfflinePredictor, fieldKind } from '../../../core/predict/offline/index.js';
import type { FieldDefinition } from '../../../core/types.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

const predictor = createOfflinePredictor();

const CONVERSATION: Line[] = [
  ['customer', 'Visitor 1187', 'hey, quick question'],
  ['agent', 'Rosa (Petal Post)', "Hi! I'm Rosa from Petal Post. What's your question?"],
  [
    'customer',
    'Visitor 1187',
    'can I change an order I placed an hour ago? I picked the small Spring Tulip bouquet but meant the large one',
  ],
  ['agent', 'Rosa (Petal Post)', "Yes. What's the order number and your name?"],
  ['customer', 'Visitor 1187', 'PP-40912, Katherine Moss'],
  ['customer', 'Visitor 1187', "it's Kathryn actually, with a y, sorry autocorrect"],
  ['customer', 'Visitor 1187', 'can you update my phone for the courier? (312) 555-0193'],
  ['customer', 'Visitor 1187', "oops wait that's my old number, it's (312) 555-0187"],
  ['agent', 'Rosa (Petal Post)', 'Is kathryn.moss@example.com the email for the receipt?'],
  ['customer', 'Visitor 1187', 'no, use k.moss@example.org'],
];

describe('offline predictor', () => {
  it('implements the port and answers every requested field', async () => {
    const p = await predictor.predict(input(CONVERSATION));
    expect(predictor.name).toBe('offline');
    expect(p.predictor).toBe('offline');
    expect(Object.keys(p.fields).sort()).toEqual(
      defaultFields()
        .map((f) => f.key)
        .sort(),
    );
    for (const f of Object.values(p.fields)) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      for (const id of f.evidence) expect(id).toMatch(/^m\d+$/);
      if (f.value === null) expect(f.evidence).toEqual([]);
    }
  });

  it('fills the case from the whole conversation: corrections win, agent questions do not count', async () => {
    const { fields } = await predictor.predict(input(CONVERSATION));
    expect(fields.customerName?.value).toBe('Kathryn Moss');
    expect(fields.phone).toMatchObject({ value: '+13125550187', evidence: ['m8'] });
    expect(fields.email?.value).toBe('k.moss@example.org');
    expect(fields.orderNumber?.value).toBe('PP-40912');
    expect(fields.category?.value).toBe('Order change');
    expect(fields.priority?.value).toBe('Normal');
    expect(fields.product?.value).toBe('Spring Tulip bouquet');
    expect(fields.refundRequested?.value).toBeNull();
    expect(fields.dueDate?.value).toBeNull();
    expect(typeof fields.title?.value).toBe('string');
    expect(fields.description?.value).toContain('Spring Tulip');
  });

  it('knows nothing but the display name after a bare greeting', async () => {
    const { fields } = await predictor.predict(input([['customer', 'Kevin Osei', 'hi I need help']]));
    expect(fields.customerName?.value).toBe('Kevin Osei');
    for (const key of ['title', 'category', 'priority', 'email', 'product', 'orderNumber']) {
      expect(fields[key]?.value ?? null).toBeNull();
    }
  });

  it('fills IT desk fields: requester is the thread starter, department only when stated', async () => {
    const { fields } = await predictor.predict(
      input(
        [
          [
            'customer',
            'Carlos Mendes',
            '@it-helpdesk is outlook down for the whole sales team?? nobody can send emails',
          ],
          ['customer', 'Priya Shah', 'same here'],
          ['customer', 'Carlos Mendes', "we're 14 people and the webinar invites HAVE to go out at 4pm today"],
        ],
        { fields: IT_FIELDS },
      ),
    );
    expect(fields.requester?.value).toBe('Carlos Mendes');
    expect(fields.department?.value).toBe('Sales');
    expect(fields.affectedUsers?.value).toBe(14);
    expect(fields.priority?.value).toBe('Urgent');
    expect(fields.application?.value).toBe('Outlook');
    expect(fields.assetTag?.value ?? null).toBeNull();
  });

  it('routes fields by type and name, not by fixed keys', () => {
    const f = (key: string, label: string, type: FieldDefinition['type']): FieldDefinition => ({
      key,
      label,
      type,
      required: false,
      aiManaged: true,
    });
    expect(fieldKind(f('contactName', 'Contact name', 'text'))).toBe('name');
    expect(fieldKind(f('invoiceRef', 'Invoice', 'text'))).toBe('reference');
    expect(fieldKind(f('plan', 'Plan', 'text'))).toBe('product');
    expect(fieldKind(f('usersAffected', 'Users affected', 'number'))).toBe('count');
    expect(fieldKind(f('whatever', 'Whatever', 'text'))).toBe('unknown');
  });
});

describe('a product guess that is the customer’s own name', () => {
  it('is dropped, the name read once serving the name field too', async () => {
    const p = createOfflinePredictor();
    const r = await p.predict(
      input([
        ['customer', 'Visitor', "I can't log in, the code goes to my old phone"],
        ['agent', 'Sam', 'Could you tell me your full name?'],
        ['customer', 'Visitor', 'Amara Osei'],
        ['agent', 'Sam', "I can't find an account under Amara Osei, could it be under another name?"],
        ['customer', 'Visitor', 'oh, probably Amara Osei-Bonsu, I got married last year'],
      ]),
    );
    expect(r.fields.product?.value ?? null).toBeNull();
    expect(r.fields.customerName?.value).toBe('Amara Osei-Bonsu');
  });
});
