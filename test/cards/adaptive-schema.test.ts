import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../cards/adaptive/index.js';
import { hostileIntake, hostileView, hugeView, STATE_NAMES, STATES } from './fixtures.js';
import { validateAdaptiveCard } from './support/adaptive-validate.js';

describe('every Adaptive Card passes the official adaptivecards validation', () => {
  for (const name of STATE_NAMES) {
    for (const mode of ['view', 'edit'] as const) {
      it(`${name} (${mode})`, () => {
        const { problems } = validateAdaptiveCard(renderAdaptiveCard(STATES[name], { mode }));
        expect(problems).toEqual([]);
      });
    }
  }

  it('edit mode with per-field errors', () => {
    const card = renderAdaptiveCard(STATES.updated, {
      mode: 'edit',
      errors: { email: '"x" is not an email', priority: 'required', ghost: 'unknown field' },
    });
    expect(validateAdaptiveCard(card).problems).toEqual([]);
  });

  it('hostile input, 60 huge fields and refresh userIds', () => {
    for (const card of [
      renderAdaptiveCard(hostileView()),
      renderAdaptiveCard(hostileView(), { mode: 'edit' }),
      renderAdaptiveCard(hostileIntake()),
      renderAdaptiveCard(hugeView()),
      renderAdaptiveCard(hugeView(), { mode: 'edit' }),
      renderAdaptiveCard(STATES.updated, { refreshUserIds: ['29:abc', '29:def'] }),
    ]) {
      expect(validateAdaptiveCard(card).problems).toEqual([]);
    }
  });

  it('the validator itself fails on unknown elements, properties and actions', () => {
    const card = renderAdaptiveCard(STATES.updated);
    const broken = {
      ...card,
      body: [...card.body, { type: 'Input.Rating', id: 'r' }],
      actions: [...(card.actions ?? []), { type: 'Action.Teleport', title: 'x' }],
    };
    const { problems } = validateAdaptiveCard(broken);
    expect(problems.some((p) => p.includes('UnknownElementType'))).toBe(true);
    expect(problems.some((p) => p.includes('UnknownActionType'))).toBe(true);
    const unknownProperty = { ...card, body: [...card.body, { type: 'TextBlock', text: 'x', sparkle: true }] };
    expect(validateAdaptiveCard(unknownProperty).problems).toEqual([
      expect.stringContaining(`unknown or invalid property $.body[${card.body.length}].sparkle`),
    ]);
    const badValue = { ...card, body: [...card.body, { type: 'Input.Text', id: 'x', label: 'x', style: 'Shiny' }] };
    expect(validateAdaptiveCard(badValue).problems.length).toBeGreaterThan(0);
    const dup = { ...card, body: [...card.body, { type: 'TextBlock', id: 'header', text: 'dup' }] };
    expect(validateAdaptiveCard(dup).problems.some((p) => p.includes('DuplicateId'))).toBe(true);
  });
});
