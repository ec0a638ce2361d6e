import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { defaultFields, parseFieldDefinitions } from '../../core/fields.js';

const field = (over: Record<string, unknown> = {}) => ({
  key: 'title',
  label: 'Title',
  type: 'text',
  required: true,
  aiManaged: true,
  ...over,
});

describe('field definitions', () => {
  it('ships a default customer-service field set that validates', () => {
    const fields = defaultFields();
    expect(fields.map((f) => f.key)).toContain('category');
    expect(fields.filter((f) => f.required).map((f) => f.key)).toEqual(['title', 'customerName', 'category']);
    expect(fields.find((f) => f.key === 'category')?.options?.length).toBeGreaterThan(3);
  });

  it.each([
    [[field({ type: 'colour' })], /type must be one of text, longtext, choice/],
    [[field({ type: 'choice' })], /a choice field needs at least one option/],
    [[field(), field({ label: 'Again' })], /duplicate key "title"/],
    [[field({ key: '1st' })], /key must start with a letter/],
    [[field({ key: 'has space' })], /key must start with a letter/],
    [[field({ label: '  ' })], /label is required/],
    [[field({ type: 'text', options: [{ value: 'A' }] })], /only choice fields have options/],
    [[field({ type: 'choice', options: [{ value: 'A' }, { value: ' a ' }] })], /duplicate option/],
    [[field({ colour: 'red' })], /Unrecognized key/i],
    [[], /at least one field/],
    ['not a list', /expected array/i],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => parseFieldDefinitions(input)).toThrow(DomainError);
    expect(() => parseFieldDefinitions(input)).toThrow(message);
  });

  it('names the offending field in the message', () => {
    expect(() => parseFieldDefinitions([field(), field({ key: 'cat', type: 'choice' })])).toThrow(
      /field 2 \(cat\)\.options/,
    );
  });

  it('defaults required to false and aiManaged to true', () => {
    const [f] = parseFieldDefinitions([{ key: 'note', label: 'Note', type: 'longtext' }]);
    expect(f).toEqual({ key: 'note', label: 'Note', type: 'longtext', required: false, aiManaged: true });
  });
});
