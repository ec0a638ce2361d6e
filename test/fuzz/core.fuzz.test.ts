import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../core/admin/index.js';
import { createAgent } from '../../core/agent.js';
import { DomainError } from '../../core/errors.js';
import { parseFieldDefinitions } from '../../core/fields.js';
import type { CaseStore } from '../../core/ports.js';
import { FIELD_TYPES, type FieldDefinition } from '../../core/types.js';
import { testStore } from '../support/db.js';
import { AGENT, newConversation, newTenant, say, TEST_FIELDS } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';

/**
 * Random and malformed field definitions and case edits: core either accepts them (and what it stores is valid) or
 * refuses them with a DomainError that explains, and then nothing was written.
 */
let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'title',
    'Title',
    'a'.repeat(120),
    '💥',
    '<b>x</b>',
    'Robert"); drop table cases;--',
    '\u0000',
  ),
);
const loose = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const fieldLike = fc.record(
  {
    key: fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/), loose),
    label: fc.oneof(text, loose),
    type: fc.oneof(fc.constantFrom(...FIELD_TYPES), loose),
    required: fc.oneof(fc.boolean(), loose),
    aiManaged: fc.oneof(fc.boolean(), loose),
    hint: fc.oneof(text, loose),
    options: fc.oneof(
      fc.array(fc.record({ value: fc.oneof(text, loose), hint: fc.oneof(text, loose) }, { requiredKeys: ['value'] }), {
        maxLength: 4,
      }),
      loose,
    ),
    extra: loose,
  },
  { requiredKeys: [] },
);
const fieldList = fc.oneof(
  { weight: 6, arbitrary: fc.array(fieldLike, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.anything() },
);

function assertValid(fields: FieldDefinition[]) {
  expect(fields.length).toBeGreaterThan(0);
  expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
  for (const f of fields) {
    expect(f.key).toMatch(/^[a-zA-Z][a-zA-Z0-9_]*$/);
    expect(FIELD_TYPES).toContain(f.type);
    expect(f.label.trim()).not.toBe('');
    if (f.type === 'choice') expect(f.options?.length).toBeGreaterThan(0);
    else expect(f.options).toBeUndefined();
  }
}

describe('field definitions, fuzzed', () => {
  it('parseFieldDefinitions accepts only valid lists, and refuses the rest with a DomainError', () => {
    fc.assert(
      fc.property(fieldList, (input) => {
        let fields: FieldDefinition[];
        try {
          fields = parseFieldDefinitions(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('invalid_field_definition');
          expect((error as DomainError).message).toMatch(/^Invalid field definition: .+/);
          return;
        }
        assertValid(fields);
        // What was accepted is a fixed point: parsing it again changes nothing.
        expect(parseFieldDefinitions(structuredClone(fields))).toEqual(fields);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('the admin "fields set" command never throws and writes nothing it refused', async () => {
    const tenantId = await newTenant(store);
    let current = await store.getFields(tenantId);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fieldList.map((list) => JSON.stringify(list)),
          fc
            .array(fieldLike, { minLength: 1, maxLength: 3 })
            .map((list) =>
              list
                .map((f) => `- key: ${String(f.key)}\n  label: ${String(f.label)}\n  type: ${String(f.type)}`)
                .join('\n'),
            ),
        ),
        async (yaml) => {
          const result = await runAdminCommand(
            { store, predictor: createScriptedPredictor() },
            { tenantId, actor: AGENT, command: { kind: 'fields.set', yaml }, isAdmin: true },
          );
          const after = await store.getFields(tenantId);
          if (result.kind === 'error') {
            expect(after).toEqual(current);
          } else {
            assertValid(after);
            current = after;
          }
        },
      ),
      { numRuns: 120, interruptAfterTimeLimit: 25_000 },
    );
  });
});

describe('case edits, fuzzed', () => {
  it('agent.editCase stores normalised values or refuses with a DomainError, writing nothing', async () => {
    const agent = createAgent({ store, predictor: createScriptedPredictor() });
    const tenantId = await newTenant(store, TEST_FIELDS);
    const conversation = await newConversation(store, tenantId);
    await say(store, tenantId, conversation.id, 'title="Charged twice" category=Billing');
    const accepted = await agent.accept(tenantId, conversation.id, AGENT);
    expect(accepted.kind).toBe('created');
    const keys = [...TEST_FIELDS.map((f) => f.key), 'unknownField', '__proto__', 'constructor'];
    const value = fc.oneof(
      loose,
      fc.constantFrom('Billing', 'billing', 'Urgent', 'maria@example.com', 'not-an-email', '2026-02-30', '2026-03-14'),
      fc.constantFrom('tomorrow', '+1 415 555 0100', '12', 'NaN', 'Infinity', '1e309'),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    const edits = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 });

    await fc.assert(
      fc.asyncProperty(edits, async (input) => {
        const before = await store.getCase(tenantId, conversation.id);
        const eventsBefore = (await store.listEvents(tenantId, conversation.id)).length;
        try {
          const saved = await agent.editCase(tenantId, conversation.id, AGENT, input);
          for (const v of Object.values(saved.values)) {
            expect(['string', 'number', 'boolean']).toContain(typeof v.value);
          }
          expect(saved.values.title).toBeDefined();
          expect(saved.values.category).toBeDefined();
          if (saved.values.category)
            expect(['Billing', 'Shipping & delivery', 'Technical issue']).toContain(saved.values.category.value);
          if (saved.values.email) expect(saved.values.email.value).toMatch(/^[^\sA-Z]+@[^\sA-Z]+$/);
          if (saved.values.dueDate) expect(saved.values.dueDate.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(await store.getCase(tenantId, conversation.id)).toEqual(before);
          expect((await store.listEvents(tenantId, conversation.id)).length).toBe(eventsBefore);
        }
      }),
      { numRuns: 150, interruptAfterTimeLimit: 30_000 },
    );
  }, 60_000);
});
