import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { input, type Line, transcript } from './helpers.js';

const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);

describe('returning a hire car or asking for money back is no item return', () => {
  it('does not read handing back a rental car, or "devolver el dinero", as a return', () => {
    expect(concepts('I returned the rental car on Sunday with a full tank')).not.toContain('return');
    expect(concepts('me cobraron 90 € después de devolver el coche')).not.toContain('return');
    expect(concepts('¿me pueden devolver el dinero?')).not.toContain('return');
    expect(concepts('quiero devolver las botas, no me quedan bien')).toContain('return');
  });

  it('reads "¿me pueden devolver el dinero?" as asking for a refund', () => {
    expect(findRefundRequest(transcript([['customer', 'Lucía F', '¿Me pueden devolver el dinero?']]))?.value).toBe(
      true,
    );
  });
});

describe('money back for a charge is a billing matter', () => {
  it('keeps a disputed charge in Billing when the customer then asks for the refund', async () => {
    const lines: Line[] = [
      ['customer', 'Bea C', 'I was charged $120 for a "cleaning fee" on my card after I checked out of the flat'],
      ['customer', 'Bea C', 'the flat was spotless, I have photos'],
      ['agent', 'Tom (Stays)', 'Thanks, I can see the fee, it was added by mistake.'],
      ['customer', 'Bea C', 'so I want the refund of the $120 as soon as possible'],
    ];
    const p = await createOfflinePredictor().predict(input(lines));
    expect(p.fields.category?.value).toBe('Billing');
  });

  it('still files money back for an item sent back under returns', async () => {
    const lines: Line[] = [
      ['customer', 'Bea C', 'I sent the jacket back last week because it was too small, I paid $80'],
      ['customer', 'Bea C', 'I want the refund please'],
    ];
    const p = await createOfflinePredictor().predict(input(lines));
    expect(p.fields.category?.value).toBe('Returns & refunds');
  });
});
