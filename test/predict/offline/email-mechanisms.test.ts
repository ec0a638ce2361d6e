import { describe, expect, it } from 'vitest';
import { findEmails } from '../../../core/predict/offline/contacts.js';
import { findCustomerEmail } from '../../../core/predict/offline/email.js';
import { type Line, transcript } from './helpers.js';

const emailOf = (lines: Line[]) => findCustomerEmail(transcript(lines), undefined)?.value ?? null;

describe('email', () => {
  it('does not read "at 8. it keeps…" as a spelled-out address', () => {
    expect(findEmails('the show is at 8. it keeps saying wrong password')).toEqual([]);
    expect(findEmails('write to jo at example dot com')[0]?.value).toBe('jo@example.com');
  });

  it('ignores the address an agent says is the typo being set right', () => {
    expect(
      emailOf([
        ['customer', 'Oli Grant', 'oli.g@example.com'],
        [
          'agent',
          'Ama (Shop)',
          'Found it: the reset emails were bouncing because of a typo on the account (oli.g@exmaple.com).',
        ],
      ]),
    ).toBe('oli.g@example.com');
  });
});

describe('email corrections', () => {
  it('takes the new address after "that\'s my old one,"', () => {
    expect(
      emailOf([
        ['agent', 'Leo (Shop)', 'Is your email megan.c@example.com?'],
        ['customer', 'Visitor 1', "no that's my old one, it's mc.pets@example.com"],
      ]),
    ).toBe('mc.pets@example.com');
  });
});
