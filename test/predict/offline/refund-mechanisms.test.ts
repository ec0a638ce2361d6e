import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { type Line, transcript } from './helpers.js';

const refundOf = (lines: Line[]) => findRefundRequest(transcript(lines))?.value ?? null;

describe('refund requested: the latest statement wins', () => {
  it('reads "forget the refund" as withdrawing an earlier request', () => {
    expect(
      refundOf([
        ['customer', 'Olive B', 'the bag arrived split, I just want my money back'],
        ['agent', 'Mina (Shop)', 'I can refund it, or send a new one tomorrow, whichever you prefer.'],
        ['customer', 'Olive B', 'oh tomorrow is better actually, forget the refund, send the new one'],
      ]),
    ).toBe(false);
  });

  it('reads an offer ending "whichever you prefer" like a question', () => {
    expect(
      refundOf([
        ['customer', 'Olive B', 'the lamp arrived cracked'],
        ['agent', 'Mina (Shop)', 'I can refund it or send a replacement, whichever you prefer.'],
        ['customer', 'Olive B', 'a replacement please'],
      ]),
    ).toBe(false);
  });
});

describe('refunds asked for and declined in other words', () => {
  it('reads an imperative or "give me back the amount" as a request', () => {
    expect(refundOf([['customer', 'Inès Roy', "je n'ai jamais reçu le colis, remboursez-moi s'il vous plaît"]])).toBe(
      true,
    );
    expect(refundOf([['customer', 'Pilar Soto', 'me cobrasteis dos veces, quiero que me devolváis los 42,50']])).toBe(
      true,
    );
  });

  it('reads "no need for a refund" in Portuguese, Spanish, French or German as declined', () => {
    expect(
      refundOf([['customer', 'Rita Melo', 'ok, obrigada. não precisa de reembolso, só quero receber a encomenda']]),
    ).toBe(false);
    expect(refundOf([['customer', 'Inès Roy', 'pas besoin de remboursement, renvoyez-le simplement']])).toBe(false);
  });

  it('reads the other option picked after "refund or …" was offered, with or without a question mark', () => {
    expect(
      refundOf([
        ['customer', 'Marisol Vega', 'el paquete nunca llegó'],
        [
          'agent',
          'Iker',
          'El transportista lo da por perdido. Te puedo enviar el pedido de nuevo hoy o devolverte el importe.',
        ],
        ['customer', 'Marisol Vega', 'envíamelo otra vez, lo necesito el viernes'],
      ]),
    ).toBe(false);
    expect(
      refundOf([
        ['customer', 'Dmitri Orlov', 'the robot vacuum brush stopped spinning'],
        [
          'agent',
          'Kay',
          'We can send a replacement brush module, or take it back for a full refund. Which would you prefer?',
        ],
        ['customer', 'Dmitri Orlov', 'just the part please, I like it otherwise'],
      ]),
    ).toBe(false);
  });
});

describe('a refund asked about alone, turned down alone', () => {
  it('reads "Would you prefer a refund instead of the swap?" - "no no, just the swap" as declined', () => {
    const asked = (answer: string): Line[] => [
      ['customer', 'Tomasz N', 'i ordered the chocolate whey and got vanilla, can i swap it'],
      ['agent', 'Ana', 'No problem. Would you prefer a refund instead of the swap?'],
      ['customer', 'Tomasz N', answer],
    ];
    expect(refundOf(asked('no no, just the swap'))).toBe(false);
    expect(refundOf(asked('yes please, refund it'))).toBe(true);
  });
});
