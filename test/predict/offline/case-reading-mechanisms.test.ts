import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { input, type Line } from './helpers.js';

const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);
const predictor = createOfflinePredictor();
const predict = async (...texts: string[]) => {
  const lines: Line[] = texts.map((text) => ['customer', 'Robin Hale', text]);
  const fields = (await predictor.predict(input(lines))).fields;
  return { category: fields.category?.value ?? null, priority: fields.priority?.value ?? null };
};

describe('a code that was not applied', () => {
  it('reads any code not applied to a price as a discount not given, in every language', async () => {
    expect(concepts("I bought the laptop yesterday and the SUMMER15 code didn't apply")).toContain('coupon_failed');
    expect(concepts('the code was accepted but not applied')).toContain('coupon_failed');
    expect(concepts("le code n'a pas été appliqué")).toContain('coupon_failed');
    expect(concepts('de code werd niet toegepast')).toContain('coupon_failed');
    expect(concepts('o código não foi aplicado')).toContain('coupon_failed');
    expect(concepts('il codice non è stato applicato')).toContain('coupon_failed');
    expect(concepts('der Code wurde nicht angewendet')).toContain('coupon_failed');
    expect(
      await predict(
        "I bought the Zentra 14 laptop yesterday and the SUMMER15 code didn't apply",
        'it showed as accepted at checkout but the receipt total is the full $1,099',
      ),
    ).toEqual({ category: 'Billing', priority: 'High' });
  });

  it('leaves a sign-in code and a question about where a code applies alone', () => {
    expect(concepts("the verification code didn't work")).not.toContain('coupon_failed');
    expect(concepts("the code doesn't apply to sale items?")).not.toContain('coupon_failed');
  });
});

describe('what nobody has done', () => {
  it('reads staff who have not come or called as a complaint, not an outage', async () => {
    expect(
      await predict(
        "you've taken £212.60 by direct debit this month, it's normally £84",
        "the bill says the reading was 'estimated'. nobody has read my meter since spring",
      ),
    ).toEqual({ category: 'Billing', priority: 'High' });
    expect((await predict('my fridge stopped cooling on Monday and no one has called me back since')).priority).toBe(
      'Normal',
    );
  });

  it('still reads nobody having access or mail as an outage', async () => {
    expect((await predict('the shop website is broken, nobody has access to their account since 9am')).priority).toBe(
      'Urgent',
    );
    expect((await predict('our shared inbox is broken, nobody has received any email since 9')).priority).toBe(
      'Urgent',
    );
  });
});
