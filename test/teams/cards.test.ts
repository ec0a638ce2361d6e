import { describe, expect, it } from 'vitest';
import { fieldsEditorCard, fieldsEditorOpenerCard } from '../../bots/teams/fields-dialog.js';
import { validateAdaptiveCard } from '../cards/support/adaptive-validate.js';

describe('Teams-only cards', () => {
  it('the field editor opener and dialog (with and without an error) are valid Adaptive Cards', () => {
    for (const card of [
      fieldsEditorOpenerCard(6),
      fieldsEditorCard('- key: title\n  label: Title\n'),
      fieldsEditorCard('- key: x', 'Invalid field definition: YAML error on line 1'),
    ]) {
      expect(validateAdaptiveCard(card).problems).toEqual([]);
    }
  });
});
