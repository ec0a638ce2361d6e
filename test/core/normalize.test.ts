import { describe, expect, it } from 'vitest';
import { normaliseValue, sameValue } from '../../core/normalize.js';
import type { FieldDefinition } from '../../core/types.js';

const f = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key: 'x',
  label: 'X',
  type,
  required: false,
  aiManaged: true,
  ...extra,
});
const priority = f('choice', { options: [{ value: 'Low' }, { value: 'Order change' }] });

describe('normaliseValue', () => {
  it.each([
    [priority, ' order   CHANGE ', 'Order change'],
    [f('date'), '2026-03-10', '2026-03-10'],
    [f('date'), '2026-03-10T09:00:00Z', '2026-03-10'],
    [f('email'), ' Maria.Lopez@Example.COM ', 'maria.lopez@example.com'],
    [f('phone'), '(415) 555-0132', '+14155550132'],
    [f('phone'), '+44 7700 900123', '+447700900123'],
    [f('number'), '1,200', 1200],
    [f('number'), 12, 12],
    [f('boolean'), 'yes', true],
    [f('boolean'), false, false],
    [f('text'), '  two   words ', 'two words'],
  ])('%# normalises %j', (field, raw, expected) => {
    expect(normaliseValue(field, raw)).toEqual({ ok: true, value: expected });
  });

  it('reads national phone numbers in the tenant region', () => {
    expect(normaliseValue(f('phone'), '07700 900123', { phoneRegion: 'GB' })).toEqual({
      ok: true,
      value: '+447700900123',
    });
    expect(normaliseValue(f('phone'), '06 39 98 12 34', { phoneRegion: 'FR' })).toEqual({
      ok: true,
      value: '+33639981234',
    });
  });

  it.each([
    [priority, 'Urgent', /not one of: Low, Order change/],
    [f('date'), '2026-02-30', /not a real date/],
    [f('date'), 'next friday', /not a date/],
    [f('email'), 'maria at example dot com', /not an email/],
    [f('phone'), '12', /not a phone number/],
    [f('number'), 'twelve', /not a number/],
    [f('boolean'), 'perhaps', /yes or no/],
    [f('text'), 'x'.repeat(501), /longer than 500/],
    [f('text'), '', /empty/],
  ])('%# refuses %j with the reason', (field, raw, reason) => {
    const result = normaliseValue(field, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('compares values after whitespace collapsing', () => {
    expect(sameValue('a  b', 'a b')).toBe(true);
    expect(sameValue(1, 2)).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
  });
});
