import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_VERB,
  CASE_ACTION_NAMES,
  CASE_ACTION_OF,
  modalMetadata,
  parseAdaptiveAction,
  parseModalMetadata,
  parseSlackAction,
  readAdaptiveInputs,
  readEditModalValues,
  SLACK_ACTION_ID,
  slackOptionValue,
} from '../../cards/actions.js';

const fields = [
  { key: 'priority', type: 'choice' as const },
  { key: 'due', type: 'date' as const },
  { key: 'email', type: 'email' as const },
  { key: 'seats', type: 'number' as const },
  { key: 'vip', type: 'boolean' as const },
  { key: 'notes', type: 'longtext' as const },
];

describe('action contract', () => {
  it('has one verb per action name, every verb parses back to its name', () => {
    for (const name of CASE_ACTION_NAMES) {
      expect(ADAPTIVE_VERB[name]).toBe(`autocase.${name}`);
      expect(parseAdaptiveAction(ADAPTIVE_VERB[name], { conversationId: 'c1' })).toMatchObject({
        action: name,
        conversationId: 'c1',
        intent: 'edit',
      });
    }
    expect(CASE_ACTION_OF.save).toBeNull();
    expect(CASE_ACTION_OF.undo).toBe('undo');
  });

  it('rejects foreign verbs and data without a conversation', () => {
    expect(parseAdaptiveAction('other.update', { conversationId: 'c1' })).toBeNull();
    expect(parseAdaptiveAction('autocase.explode', { conversationId: 'c1' })).toBeNull();
    expect(parseAdaptiveAction('autocase.update', {})).toBeNull();
    expect(parseAdaptiveAction('autocase.update', null)).toBeNull();
    expect(parseAdaptiveAction(42, { conversationId: 'c1' })).toBeNull();
  });

  it('collects field.<key> inputs and the create intent from an Adaptive save', () => {
    const data = { conversationId: 'c1', intent: 'create', 'field.priority': 'High', 'field.vip': 'true', other: 1 };
    const parsed = parseAdaptiveAction('autocase.save', data);
    expect(parsed).toEqual({
      action: 'save',
      conversationId: 'c1',
      intent: 'create',
      inputs: { priority: 'High', vip: 'true' },
    });
    expect(readAdaptiveInputs(data, fields)).toEqual({
      priority: 'High',
      due: null,
      email: null,
      seats: null,
      vip: true,
      notes: null,
    });
    expect(readAdaptiveInputs({ fields: ['vip', 'notes'], 'field.vip': 'false' }, fields)).toEqual({
      vip: false,
      notes: null,
    });
    expect(readAdaptiveInputs({ 'field.vip': 'false', 'field.seats': '12' }, fields)).toMatchObject({
      vip: false,
      seats: '12',
    });
  });

  it('parses Slack button actions and modal metadata', () => {
    for (const [action, id] of Object.entries(SLACK_ACTION_ID)) {
      expect(parseSlackAction(id, 'conv-9')).toEqual({ action, conversationId: 'conv-9' });
    }
    expect(parseSlackAction('autocase_nope', 'conv-9')).toBeNull();
    expect(parseSlackAction('autocase_update', '')).toBeNull();
    expect(parseModalMetadata(modalMetadata('conv-9'))).toEqual({ conversationId: 'conv-9' });
    expect(parseModalMetadata('not json')).toBeNull();
    expect(parseModalMetadata('{"x":1}')).toBeNull();
  });

  it('reads typed values from a Slack view_submission state', () => {
    const values = {
      field_priority: { field_priority: { type: 'static_select', selected_option: { value: 'High' } } },
      field_due: { field_due: { type: 'datepicker', selected_date: '2026-12-01' } },
      field_email: { field_email: { type: 'email_text_input', value: 'a@b.co' } },
      field_seats: { field_seats: { type: 'number_input', value: '' } },
      field_vip: { field_vip: { type: 'static_select', selected_option: { value: 'false' } } },
      field_notes: { field_notes: { type: 'plain_text_input', value: null } },
    };
    expect(readEditModalValues(values, fields)).toEqual({
      priority: 'High',
      due: '2026-12-01',
      email: 'a@b.co',
      seats: null,
      vip: false,
      notes: null,
    });
    expect(readEditModalValues(undefined, fields)).toEqual({});
  });

  it('leaves fields without a modal block untouched and decodes long choice options', () => {
    const long = `Plan ${'x'.repeat(200)}`;
    const options = ['Basic', long];
    expect(slackOptionValue(options, 'Basic')).toBe('Basic');
    expect(slackOptionValue(options, long)).toBe('#1');
    const values = {
      field_priority: { field_priority: { type: 'static_select', selected_option: { value: '#1' } } },
    };
    expect(readEditModalValues(values, [{ key: 'priority', type: 'choice', options }, ...fields.slice(1)])).toEqual({
      priority: long,
    });
  });
});
