import { describe, expect, it } from 'vitest';
import { findProduct } from '../../../core/predict/offline/products.js';
import { type Line, transcript } from './helpers.js';

const productOf = (lines: Line[]) => findProduct(transcript(lines), undefined)?.value ?? null;

describe('a "no" about where a parcel was left', () => {
  it('keeps the item the agent read out when the customer only disputes the drop-off place', () => {
    expect(
      productOf([
        ['customer', 'Ola Berg', 'tracking says delivered, nothing here'],
        [
          'agent',
          'Kim (Fjell Sport)',
          'I see FS-50219, the Granite 40 trekking poles, left at 14:20. The photo shows a red porch. Is that yours?',
        ],
        ['customer', 'Ola Berg', 'no, that is not our porch at all'],
      ]),
    ).toBe('Granite 40 trekking poles');
  });
});
