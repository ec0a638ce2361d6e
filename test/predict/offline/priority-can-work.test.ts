import { describe, expect, it } from 'vitest';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

async function priorityOf(lines: Line[], fields?: typeof IT_FIELDS) {
  const p = await createOfflinePredictor().predict(input(lines, { fields }));
  return p.fields.priority?.value ?? null;
}

const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('a sign-in nuisance the requester says they can work through', () => {
  it('keeps repeated MFA prompts Normal when the requester can still work, in English and Dutch', async () => {
    expect(
      await priorityOf(
        say(
          'the VPN keeps dropping every few minutes from home',
          'then I have to log in again with MFA every time, so annoying',
          'I can still work, but my video calls drop too',
        ),
        IT_FIELDS,
      ),
    ).toBe('Normal');
    expect(
      await priorityOf(
        say(
          'mijn VPN valt thuis steeds weg',
          'daarna moet ik elke keer opnieuw inloggen met MFA',
          'ik kan wel werken, maar mijn calls vallen weg',
        ),
        IT_FIELDS,
      ),
    ).toBe('Normal');
  });

  it('still raises a locked-out requester to High', async () => {
    expect(await priorityOf(say('my account is locked after the password change and I cannot log in'), IT_FIELDS)).toBe(
      'High',
    );
  });
});
