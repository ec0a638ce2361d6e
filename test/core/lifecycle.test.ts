import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition } from '../../core/lifecycle.js';
import { CONVERSATION_STATES } from '../../core/types.js';

describe('conversation lifecycle', () => {
  it('allows only open → active → wrapUp → closed', () => {
    const allowed = CONVERSATION_STATES.flatMap((from) =>
      CONVERSATION_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual(['open>active', 'active>wrapUp', 'wrapUp>closed']);
  });

  it('refuses an illegal transition with words', () => {
    expect(() => assertTransition('closed', 'active')).toThrow('A conversation cannot go from closed to active.');
  });
});
