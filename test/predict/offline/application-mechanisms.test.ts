import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { type Line, transcript } from './helpers.js';

const appOf = (lines: Line[]) => findApplication(transcript(lines))?.value ?? null;

describe('application', () => {
  it('takes a name-shaped subject of a software failure, even when it is not a known product', () => {
    expect(appOf([['customer', 'Omar H', 'Hi, Tableau Prep Builder crashes right after the splash screen']])).toBe(
      'Tableau Prep Builder',
    );
    expect(appOf([['customer', 'Omar H', 'my Lumio Desktop keeps freezing when I open a report']])).toBe(
      'Lumio Desktop',
    );
  });

  it('skips what the customer says they will raise separately', () => {
    expect(
      appOf([
        ['customer', 'Grace O', 'a new designer starts Monday and needs a laptop and a monitor'],
        ['customer', 'Grace O', "and Figma licences, but I'll raise those separately with the licence form"],
      ]),
    ).toBeNull();
  });
});
