import { describe, expect, it } from 'vitest';
import { findProduct } from '../../../core/predict/offline/products.js';
import { type Line, transcript } from './helpers.js';

const productOf = (lines: Line[]) => findProduct(transcript(lines), undefined)?.value ?? null;

describe('products named in the other languages', () => {
  it('reads a noun of several words as one English noun, with the brand after it in front', () => {
    expect(
      productOf([
        ['customer', 'Lucía Prado', 'hola, me llegaron las gafas de sol Costera polarizadas del pedido KL-20211'],
        ['customer', 'Lucía Prado', 'el color no me gusta, ¿las puedo cambiar?'],
      ]),
    ).toBe('Costera sunglasses');
    expect(
      productOf([['customer', 'Inès Roy', "bonjour, le sèche-cheveux Ventile 2 que j'ai reçu ne chauffe pas"]]),
    ).toBe('Ventile 2 hair dryer');
  });

  it('names tickets after the event they are for', () => {
    expect(
      productOf([
        ['customer', 'Diego Sanz', 'compré 2 entradas para el concierto de Luna Roja y la app no me deja verlas'],
        ['customer', 'Diego Sanz', 'es esta noche, por favor ayuda'],
      ]),
    ).toBe('Luna Roja tickets');
  });

  it('lets an adjective stand between the noun and its brand', () => {
    expect(
      productOf([['customer', 'Rita Neves', 'boa tarde, minha escova elétrica Dentara 4 parou de carregar']]),
    ).toBe('Dentara 4 electric toothbrush');
  });

  it('reads a plural noun and the vocabulary of Italian and Dutch', () => {
    expect(
      productOf([['customer', 'Carla Fontana', 'ho ordinato gli scarponi Vettora GTX ma sono arrivati numero 41']]),
    ).toBe('Vettora GTX hiking boots');
    expect(productOf([['customer', 'Sem Visser', 'de koptelefoon Nordklank 3 doet het niet meer']])).toBe(
      'Nordklank 3 headphones',
    );
    expect(productOf([['customer', 'Ana Gil', 'las sillas Olmeda llegaron con una pata rota']])).toBe('Olmeda chair');
  });

  it('takes a part for the product only when a brand or model names it', () => {
    expect(
      productOf([['customer', 'Jana Koch', 'ich will nur den Akku PowerCell 400 kaufen, aber die Kasse geht nicht']]),
    ).toBe('PowerCell 400 battery');
    expect(productOf([['customer', 'Jana Koch', 'der Akku wird beim Laden sehr heiß']])).toBeNull();
  });

  it('does not read a noun in the shop’s own name as what was bought', () => {
    expect(
      productOf([
        ['customer', 'Paul Roux', "bonjour, je voudrais changer l'adresse de ma prochaine commande"],
        ['agent', 'Élodie (Croquettes & Cie)', 'Bonjour Paul, Élodie de Croquettes & Cie, je regarde ça.'],
      ]),
    ).toBeNull();
  });
});

describe('what the rules and the tagger leave out of a name', () => {
  it('drops the quantity in front of an item read off the order', () => {
    expect(
      productOf([
        ['customer', 'Kim Lee', 'hi, my order ORD-55821 came damaged'],
        ['agent', 'Sam', 'Sorry! I can see the order: 2 x Harrow Bay hammock in green.'],
      ]),
    ).toBe('Harrow Bay hammock');
  });

  it('reads the item after an order reference in Portuguese ("um Onix Plus")', () => {
    expect(
      productOf([
        ['customer', 'Bia Souza', 'devolvi um carro alugado e me cobraram uma avaria'],
        ['agent', 'Thiago (RodaLivre)', 'Vejo a reserva RL-88213, um Vexo Sedan automático, retirada dia 4.'],
      ]),
    ).toBe('Vexo Sedan automático');
  });

  it("ends a name at the other languages' prepositions and possessives", () => {
    expect(
      productOf([
        ['customer', 'Sara Vogt', 'Guten Morgen, der Akku von meinem E-Bike wird beim Laden sehr heiß'],
        ['customer', 'Sara Vogt', 'Es ist das Ranvik Tour 5, gekauft im März'],
      ]),
    ).toBe('Ranvik Tour 5 e-bike');
  });

  it('does not take the subject of a bot summary ("Customer returned …") for a name', () => {
    expect(
      findProduct(transcript([['customer', 'Leo Brandt', 'hi, still waiting on my refund']]), undefined)?.value,
    ).toBeUndefined();
    const t = transcript([['customer', 'Leo Brandt', 'hi, still waiting on my refund']], {
      escalation: {
        bot: 'Bot',
        summary: 'Customer returned running shoes two weeks ago and has no refund yet.',
        values: {},
      },
    });
    expect(findProduct(t, undefined)?.value).toBe('Running shoes');
  });
});

describe('nouns of the other languages that name a product only with a name after them', () => {
  it('records a subscription in English, named after what it is to', () => {
    expect(
      productOf([['customer', 'Sanne Bos', 'mijn abonnement op de Weekbode is opgezegd maar ik betaal nog steeds']]),
    ).toBe('Weekbode subscription');
    expect(
      productOf([
        [
          'customer',
          'Léa Marchal',
          'bonjour, mon abonnement Comptix Pro a été facturé deux fois ce mois-ci et je ne comprends pas pourquoi',
        ],
      ]),
    ).toBe('Comptix Pro subscription');
  });

  it('reads seats for a named show as its tickets, and seats alone as nothing', () => {
    expect(
      productOf([['customer', 'Anaïs Perrin', "j'ai pris 3 places pour Marée Haute au Dôme et je n'ai rien reçu"]]),
    ).toBe('Marée Haute tickets');
    expect(productOf([['customer', 'Anaïs Perrin', "il n'y avait plus de places, j'ai été débitée quand même"]])).toBe(
      null,
    );
  });
});

describe('names the customer gives in another language with no noun the rules know', () => {
  it('takes the capitalised name after "my" when nothing else names a product', () => {
    expect(
      productOf([
        [
          'customer',
          'Elin Berg',
          'Hej! min Laddbox Pro 22 kW startar aldrig på natten, jag får starta den manuellt varje kväll',
        ],
      ]),
    ).toBe('Laddbox Pro 22 kW');
  });

  it('does not take an order and its number for a name', () => {
    expect(
      productOf([
        ['customer', 'Elin Berg', 'Hej, min Beställning 55120 har inte kommit fram än och jag undrar var den är'],
      ]),
    ).toBe(null);
  });
});

describe('Dutch and German names before the noun', () => {
  it('puts the name written before a Dutch or German noun in front of the English noun', () => {
    expect(
      productOf([
        [
          'customer',
          'Joris Smit',
          'Goedemorgen, ik heb de Vrachtmeester 3 elektrische bakfiets besteld maar de levering is twee keer uitgesteld',
        ],
      ]),
    ).toBe('Vrachtmeester 3 cargo bike');
  });
});

describe('German and Dutch compound nouns', () => {
  it('reads a compound by the product noun it ends in', () => {
    expect(
      productOf([
        [
          'customer',
          'Jonas Brandt',
          'Guten Tag, ich habe letzte Woche eine Lesebrille bestellt und sie ist immer noch nicht da, Bestellnummer KL-55102',
        ],
      ]),
    ).toBe('Glasses');
  });

  it('takes the name after the word for "model" as the brand', () => {
    expect(
      productOf([
        [
          'customer',
          'Jonas Brandt',
          'Guten Tag, die Lesebrille Modell Havel in Schwarz ist angekommen, aber ein Bügel ist locker',
        ],
      ]),
    ).toBe('Havel glasses');
  });
});

describe('what is no brand in another language', () => {
  it('does not take a capitalised possessive and a noun for a name', () => {
    expect(
      productOf([
        [
          'customer',
          'Jonas Brandt',
          'Guten Tag, laut Ihrer Webseite sollte die Lieferung gestern kommen, aber nichts ist passiert',
        ],
      ]),
    ).toBe(null);
  });
});

describe('English nouns borrowed by another language', () => {
  it('takes the name written after the noun, without the words of the language before it', () => {
    expect(
      productOf([
        [
          'customer',
          'Joris Smit',
          'hoi, is de nieuwe laptop Korsa 14 al leverbaar in het zilver? en hoe lang duurt de levering naar Utrecht?',
        ],
      ]),
    ).toBe('Korsa 14 laptop');
  });

  it("does not take an order's reference after the noun for its model", () => {
    expect(
      productOf([['customer', 'Al Feld', 'I sent back the laptop ORD-55120 last week and have had no refund']]),
    ).toBe('Laptop');
  });
});
