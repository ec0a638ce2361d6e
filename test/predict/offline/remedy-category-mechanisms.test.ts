import { describe, expect, it } from 'vitest';
import { gatherConcepts, scoreChoice } from '../../../core/predict/offline/choice.js';
import { field, type Line, transcript } from './helpers.js';

const category = field('category');

function categoryOf(lines: Line[]) {
  const t = transcript(lines);
  return scoreChoice(category, t, gatherConcepts(t)).value;
}

const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('money back asked for after another problem was stated', () => {
  it('keeps a late delivery a delivery problem when the customer then wants the delivery fee back', () => {
    expect(
      categoryOf(
        say(
          'my grocery order is over an hour late and the app still says preparing',
          'i want a refund of the delivery fee at least',
        ),
      ),
    ).toBe('Shipping & delivery');
  });

  it('still reads money back for an item no longer wanted as a return', () => {
    expect(categoryOf(say("the lamp came but I don't like it at all, I want my money back"))).toBe('Returns & refunds');
  });
});

describe('a service that is down, on a desk with no option for networks', () => {
  it('reads internet that is down as something that does not work', () => {
    expect(
      categoryOf(
        say(
          'our home internet has been down since Friday, the router light keeps blinking orange',
          'also I want money back for the days with no connection',
        ),
      ),
    ).toBe('Technical issue');
  });
});

describe('an error code shown by an appliance', () => {
  it('reads a machine at home stopping with an error code as a faulty product, an app error as technical', () => {
    expect(categoryOf(say('our washing machine keeps stopping mid-cycle with error F21 and the drum stays full'))).toBe(
      'Product defect',
    );
    expect(categoryOf(say('the app shows error 503 every time I open my order history'))).toBe('Technical issue');
  });
});
