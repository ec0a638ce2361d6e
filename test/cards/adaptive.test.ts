import { describe, expect, it } from 'vitest';
import { ADAPTIVE_VERB, parseAdaptiveAction, readAdaptiveInputs } from '../../cards/actions.js';
import {
  type AdaptiveCardJson,
  escapeMarkdown,
  renderAdaptiveCard,
  TEAMS_CARD_MAX_BYTES,
} from '../../cards/adaptive/index.js';
import type { CaseView } from '../../core/view.js';
import { hostileIntake, hostileView, hugeView, STATE_NAMES, STATES } from './fixtures.js';
import { allBy, findBy, textsOf } from './support/walk.js';

const byId = (card: unknown, id: string) => findBy(card, 'id', id);

function withLongDescription(length: number): CaseView {
  const text = 'The customer explains at length. '.repeat(Math.ceil(length / 33)).slice(0, length);
  return {
    ...STATES.updated,
    fields: STATES.updated.fields.map((f) => (f.key === 'description' ? { ...f, value: text, display: text } : f)),
  };
}
const allText = (node: unknown) => textsOf(node).join('\n');
const verbs = (card: AdaptiveCardJson) => (card.actions ?? []).map((a) => a.verb);

describe('renderAdaptiveCard: every state', () => {
  for (const name of STATE_NAMES) {
    it(`${name}: 1.5, full width, Action.Execute only for view.actions`, () => {
      const view = STATES[name];
      const card = renderAdaptiveCard(view);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
      expect(verbs(card)).toEqual(view.actions.map((a) => ADAPTIVE_VERB[a]));
      for (const action of card.actions ?? []) {
        expect(action).toMatchObject({ type: 'Action.Execute', data: { conversationId: 'conv-1' } });
        expect(parseAdaptiveAction(action.verb, action.data)?.conversationId).toBe('conv-1');
      }
      expect(card.fallbackText.length).toBeGreaterThan(0);
    });
  }

  it('updated: banner, highlighted changed fields with previous value, ✨, low confidence, evidence toggle', () => {
    const card = renderAdaptiveCard(STATES.updated);
    expect(byId(card, 'banner-ai-updated')).toMatchObject({ style: 'accent' });
    expect(allText(byId(card, 'banner-ai-updated'))).toBe('Updated using AI: Priority, Product');
    expect(byId(card, 'field-priority')).toMatchObject({ style: 'accent' });
    expect(allText(byId(card, 'field-priority-changed'))).toBe('Changed by AI · was: Normal');
    expect(allText(byId(card, 'field-product-changed'))).toBe('Changed by AI · was empty');
    expect(allText(byId(card, 'field-priority-value'))).toBe('Urgent ✨');
    expect(allText(byId(card, 'field-priority-low-confidence'))).toContain('Low confidence 45%: please check');
    // Unchanged fields are not highlighted; manual values carry no ✨ and no evidence.
    expect(byId(card, 'field-email')).not.toHaveProperty('style');
    expect(allText(byId(card, 'field-seats-value'))).toBe('12');
    expect(byId(card, 'evidence-seats')).toBeUndefined();
    const evidence = byId(card, 'evidence-priority');
    expect(evidence).toMatchObject({ isVisible: false });
    expect(allText(evidence)).toContain('it is urgent: rent is due');
    expect(byId(card, 'why-priority')).toMatchObject({
      type: 'Column',
      selectAction: { type: 'Action.ToggleVisibility', targetElements: ['evidence-priority'] },
    });
    expect(allText(byId(card, 'why-description'))).toBe('Why?');
    expect(byId(card, 'evidence-description')?.items).toHaveLength(2);
    expect(verbs(card)).toEqual(['autocase.update', 'autocase.edit', 'autocase.end', 'autocase.undo']);
  });

  it('refresh on a live case card for every viewer (userIds omitted unless given)', () => {
    const card = renderAdaptiveCard(STATES.updated);
    expect(card.refresh).toEqual({
      action: expect.objectContaining({
        type: 'Action.Execute',
        verb: 'autocase.refresh',
        data: { conversationId: 'conv-1' },
      }),
    });
    expect(renderAdaptiveCard(STATES.updated, { refreshUserIds: ['29:a'] }).refresh?.userIds).toEqual(['29:a']);
    expect(renderAdaptiveCard(STATES.intake).refresh).toBeUndefined();
    expect(renderAdaptiveCard(STATES.closed).refresh).toBeUndefined();
    expect(renderAdaptiveCard(STATES.updated, { mode: 'edit' }).refresh).toBeUndefined();
  });

  it('notices: no change, not enough context, filling, fallback, error', () => {
    expect(allText(byId(renderAdaptiveCard(STATES['no-change']), 'banner-no-change'))).toBe(
      'No changes: not enough new context',
    );
    const notEnough = renderAdaptiveCard(STATES['not-enough-context']);
    expect(allText(byId(notEnough, 'banner-not-enough-context'))).toBe(
      'Not enough context yet: missing Customer name, Category',
    );
    expect(byId(notEnough, 'banner-not-enough-context')).toMatchObject({ style: 'warning' });
    expect(verbs(notEnough)).toEqual(['autocase.update', 'autocase.create', 'autocase.end']);
    expect(allText(byId(renderAdaptiveCard(STATES.filling), 'banner-filling'))).toBe('✨ Filling fields…');
    expect(allText(byId(renderAdaptiveCard(STATES.fallback), 'banner-fallback'))).toContain('offline predictor');
    expect(byId(renderAdaptiveCard(STATES.error), 'banner-error')).toMatchObject({ style: 'attention' });
  });

  it('intake: customer preview, escalation summary, Accept', () => {
    const card = renderAdaptiveCard(STATES['intake-escalated']);
    expect(allText(byId(card, 'case-title'))).toBe('New conversation waiting for an agent');
    expect(allText(byId(card, 'intake-preview'))).toContain('Hi, I was charged twice');
    expect(allText(byId(card, 'escalation-summary'))).toContain('Handed over by HelpBot');
    expect(verbs(card)).toEqual(['autocase.accept']);
    expect(allBy(card, 'type', 'Input.Text')).toEqual([]);
    // Intake has nothing to edit.
    expect(renderAdaptiveCard(STATES.intake, { mode: 'edit' })).toEqual(renderAdaptiveCard(STATES.intake));
  });

  it('pending, wrap-up and closed', () => {
    expect(allText(byId(renderAdaptiveCard(STATES['pending-wrap-up']), 'case-state'))).toBe('Wrap-up');
    expect(verbs(renderAdaptiveCard(STATES['pending-wrap-up']))).toEqual(['autocase.create', 'autocase.close']);
    expect(verbs(renderAdaptiveCard(STATES['wrap-up']))).toEqual([
      'autocase.update',
      'autocase.edit',
      'autocase.undo',
      'autocase.close',
    ]);
    const closed = renderAdaptiveCard(STATES.closed);
    expect(closed.actions).toBeUndefined();
    expect(allText(byId(closed, 'case-state'))).toBe('Closed');
    expect(renderAdaptiveCard(STATES.closed, { mode: 'edit' })).toEqual(closed);
    expect(allText(renderAdaptiveCard(STATES['closed-no-case']))).toContain('closed without a case');
  });
});

describe('edit mode', () => {
  const card = renderAdaptiveCard(STATES.updated, { mode: 'edit' });
  const input = (key: string) => findBy(card, 'id', `field.${key}`)!;

  it('typed inline inputs with ids field.<key>, current values and labels', () => {
    expect(input('category')).toMatchObject({ type: 'Input.ChoiceSet', value: 'Billing', isRequired: true });
    expect((input('category').choices as unknown[]).length).toBe(8);
    expect(input('dueDate')).toMatchObject({ type: 'Input.Date', value: '2026-12-05' });
    expect(input('seats')).toMatchObject({ type: 'Input.Number', value: 12 });
    expect(input('email')).toMatchObject({ type: 'Input.Text', style: 'Email', value: 'sam.rivera@example.com' });
    expect(input('phone')).toMatchObject({ type: 'Input.Text', style: 'Tel', value: '+14155550132' });
    expect(input('refundRequested')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    expect(input('description')).toMatchObject({ type: 'Input.Text', isMultiline: true });
    expect(input('title')).toMatchObject({ label: 'Title ✨', isRequired: true, errorMessage: 'Title is required' });
    expect(input('product')).toMatchObject({ label: 'Product ✨' });
  });

  it('Save submits the inputs, Cancel does not; parsed back to the stored values', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({
        verb: 'autocase.save',
        data: { conversationId: 'conv-1', fields: STATES.updated.fields.map((f) => f.key) },
      }),
      expect.objectContaining({ verb: 'autocase.cancel', associatedInputs: 'none' }),
    ]);
    expect(card.actions![0]).not.toHaveProperty('associatedInputs');
    // What Teams sends back for an untouched form: data plus every input's value, as strings.
    const data: Record<string, unknown> = { ...(card.actions![0]!.data as object) };
    for (const f of STATES.updated.fields) {
      const el = input(f.key);
      if (el.value !== undefined) data[`field.${f.key}`] = String(el.value);
    }
    const parsed = parseAdaptiveAction('autocase.save', data)!;
    expect(parsed.action).toBe('save');
    const values = readAdaptiveInputs(data, STATES.updated.fields);
    expect(values).toEqual({
      ...Object.fromEntries(STATES.updated.fields.map((f) => [f.key, f.value])),
      seats: '12',
    });
  });

  it('shows per-field errors under the input and a summary banner', () => {
    const withErrors = renderAdaptiveCard(STATES.updated, {
      mode: 'edit',
      errors: { email: '"x" is not an email', ghost: 'unknown field' },
    });
    expect(allText(findBy(withErrors, 'id', 'error-email'))).toBe('"x" is not an email');
    expect(findBy(withErrors, 'id', 'edit-email')).toMatchObject({ style: 'attention' });
    expect(allText(findBy(withErrors, 'id', 'banner-error'))).toContain(
      'Please fix the highlighted fields. unknown field',
    );
    expect(findBy(withErrors, 'id', 'error-title')).toBeUndefined();
  });

  it('with no case, edit is the manual create form', () => {
    const create = renderAdaptiveCard(STATES['not-enough-context'], { mode: 'edit' });
    expect(create.actions?.[0]).toMatchObject({
      title: 'Create case',
      verb: 'autocase.save',
      data: { conversationId: 'conv-1', intent: 'create' },
    });
    expect(findBy(create, 'id', 'field.title')).not.toHaveProperty('value');
    expect(parseAdaptiveAction('autocase.save', create.actions?.[0]?.data)?.intent).toBe('create');
  });
});

describe('escaping for Adaptive Card Markdown', () => {
  it('escapes links, emphasis, code, lists, headings and date functions', () => {
    expect(escapeMarkdown('[click](http://x)')).toBe('\\[click\\]\\(http://x\\)');
    expect(escapeMarkdown('**b** _i_ `c` ~s~')).toBe('\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~');
    expect(escapeMarkdown('# h\n- a\n+ b\n1. one\n> q')).toBe('\\# h\n\\- a\n\\+ b\n1\\. one\n\\> q');
    expect(escapeMarkdown('{{DATE(2017-02-14T06:08:39Z, SHORT)}}')).toBe(
      '\\{\\{DATE\\(2017-02-14T06:08:39Z, SHORT\\)\\}\\}',
    );
    expect(escapeMarkdown('sam.rivera@example.com +1 415-555')).toBe('sam.rivera@example.com +1 415-555');
  });

  it('no user string reaches a TextBlock unescaped; inputs keep the raw value', () => {
    for (const card of [renderAdaptiveCard(hostileView()), renderAdaptiveCard(hostileIntake())]) {
      for (const t of textsOf(card)) {
        expect(t).not.toMatch(/(?<!\\)\[click(?<!\\)\]|(?<!\\)\*\*bold|(?<!\\)\{\{DATE|(?<!\\)\(http/);
      }
      expect(textsOf(card).join('\n')).toContain('\\[click\\]\\(http://evil.example\\)');
    }
    const edit = renderAdaptiveCard(hostileView(), { mode: 'edit' });
    expect(findBy(edit, 'id', 'field.title')?.value).toContain('[click](http://evil.example)');
  });

  it('long values are cut in view mode with a marker; every card stays under the Teams size cap', () => {
    const view = hugeView();
    // 60 highlighted 10,000-character fields only fit as one compact FactSet with shortened values.
    const card = renderAdaptiveCard(view);
    const facts = findBy(card, 'id', 'fields-compact')?.facts as { title: string; value: string }[];
    expect(facts).toHaveLength(60);
    expect(facts[1]!.value).toContain('…(truncated)');
    expect(facts[1]!.value).toContain('· changed');
    expect(facts[1]!.value.length).toBeLessThan(200);
    // A merely long value keeps the full layout and shows its first 600 characters.
    const long = withLongDescription(20_000);
    const value = allText(findBy(renderAdaptiveCard(long), 'id', 'field-description-value'));
    expect(value).toContain('…(truncated)');
    expect(value.length).toBeLessThan(700);
    const bytes = (c: unknown) => new TextEncoder().encode(JSON.stringify(c)).length;
    expect(bytes(card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    for (const name of STATE_NAMES) {
      expect(bytes(renderAdaptiveCard(STATES[name]))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
      expect(bytes(renderAdaptiveCard(STATES[name], { mode: 'edit' }))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    }
    // Normal cases keep the full detail: 600 characters per value, evidence quotes.
    expect(findBy(renderAdaptiveCard(STATES.updated), 'id', 'evidence-priority')).toBeDefined();
  });

  it('an edit form over the cap makes its longest values read-only instead of cutting them', () => {
    const huge = renderAdaptiveCard(hugeView(), { mode: 'edit' });
    expect(new TextEncoder().encode(JSON.stringify(huge)).length).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const view = withLongDescription(30_000);
    const edit = renderAdaptiveCard(view, { mode: 'edit' });
    expect(new TextEncoder().encode(JSON.stringify(edit)).length).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const save = edit.actions![0]!;
    const editable = (save.data as { fields: string[] }).fields;
    const readOnly = view.fields.find((f) => !editable.includes(f.key))!;
    expect(readOnly.key).toBe('description');
    expect(editable).toHaveLength(view.fields.length - 1);
    expect(findBy(edit, 'id', `field.${readOnly.key}`)).toBeUndefined();
    expect(allText(findBy(edit, 'id', `edit-${readOnly.key}`))).toContain('Too long to edit in Teams');
    // Every input that is there carries its whole value.
    for (const key of editable) {
      const input = findBy(edit, 'id', `field.${key}`)!;
      const stored = view.fields.find((f) => f.key === key)!.value;
      expect(input.value === undefined ? null : String(input.value)).toBe(stored === null ? null : String(stored));
    }
    // Saving without the read-only field's input leaves it out instead of clearing it.
    const read = readAdaptiveInputs(save.data, view.fields);
    expect(read).not.toHaveProperty(readOnly.key);
    expect(Object.keys(read)).toEqual(editable);
  });
});
