import { describe, expect, it } from 'vitest';
import { findPersonName } from '../../../core/predict/offline/names.js';
import { type Line, transcript } from './helpers.js';

const nameOf = (lines: Line[]) => findPersonName(transcript(lines), undefined)?.value ?? null;

describe('the latest self-correction of a name wins', () => {
  it('replaces the display name when the customer says who they really are', () => {
    expect(
      nameOf([
        ['customer', 'Gareth Hughes', 'my parcel never arrived'],
        ['agent', 'Sam (Shop)', 'Thanks Gareth, let me check'],
        ['customer', 'Gareth Hughes', "actually it's Megan, Gareth is my partner's login"],
      ]),
    ).toMatch(/^Megan\b/);
  });

  it('sets right the first name it resembles: "Tiago, not Thiago"', () => {
    expect(
      nameOf([
        ['customer', 'Thiago Alves', 'my order is late'],
        ['agent', 'Sam (Shop)', 'Sorry Thiago, checking now'],
        ['customer', 'Thiago Alves', 'Tiago, not Thiago 🙂'],
      ]),
    ).toBe('Tiago Alves');
  });

  it('sets right the surname it resembles, keeping the first name', () => {
    expect(
      nameOf([
        ['customer', 'Guest 4417', 'I want to change my order before it ships'],
        ['agent', 'Sam (Shop)', 'Could I get your name?'],
        ['customer', 'Guest 4417', 'Katie Morrison'],
        ['customer', 'Guest 4417', "btw it's Morrisson with a double s"],
      ]),
    ).toBe('Katie Morrisson');
  });
});

describe('more ways of setting a name right', () => {
  it('reads "I\'m not Gareth - it\'s Megan"', () => {
    expect(
      nameOf([
        ['customer', 'Gareth Hughes', 'hi my order is late'],
        ['customer', 'Gareth Hughes', "sorry, I'm not Gareth - it's Megan, Gareth is my partner's login"],
      ]),
    ).toMatch(/^Megan\b/);
  });

  it('reads "typo: John Smyth" and "Marc with a c, not Mark"', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 12', 'my name is Jon Smyth'],
        ['customer', 'Visitor 12', 'sorry, typo: John Smyth'],
      ]),
    ).toBe('John Smyth');
    expect(
      nameOf([
        ['customer', 'Visitor 12', 'Hi, Marc here'],
        ['agent', 'Sam (Shop)', 'Hi Mark'],
        ['customer', 'Visitor 12', 'Marc with a c, not Mark :)'],
      ]),
    ).toBe('Marc');
  });
});

describe('thanking the agent by name', () => {
  it("does not take the agent's name, thanked at the end, for the customer's sign-off", () => {
    expect(
      nameOf([
        ['customer', 'Visitor 2211', 'my password was changed and it was not me'],
        ['agent', 'Reuben, Harbor Yoga', "Hi, Reuben here from Harbor Yoga's security team. I've frozen the account."],
        ['customer', 'Visitor 2211', 'done. thanks Reuben'],
      ]),
    ).toBeNull();
    expect(
      nameOf([
        ['customer', 'Lucía Ortega', 'Me han cobrado 180 € y no entiendo por qué'],
        ['agent', 'Álvaro – RutaSol', 'Hola Lucía, soy Álvaro de RutaSol.'],
        ['customer', 'Lucía Ortega', 'Perfecto, muchas gracias Álvaro'],
      ]),
    ).toBe('Lucía Ortega');
  });
});

describe('name corrections in other languages and shapes', () => {
  const nameOf = (lines: Line[]) => findPersonName(transcript(lines), null)?.value ?? null;

  it('sets right the one word of the name a short apology respells, in French, Spanish or German', () => {
    expect(
      nameOf([
        ['customer', 'Visiteur 3391', "Bonjour, le colis n'est jamais arrivé"],
        ['agent', 'Lou', 'Quel est votre nom, s’il vous plaît ?'],
        ['customer', 'Visiteur 3391', 'Bastien Morel'],
        ['customer', 'Visiteur 3391', 'pardon, Morrel, avec deux r'],
      ]),
    ).toBe('Bastien Morrel');
    expect(
      nameOf([
        ['customer', 'Guest 220', 'hola, mi pedido llegó roto'],
        ['agent', 'Ana', '¿Me dice su nombre, por favor?'],
        ['customer', 'Guest 220', 'Lucía Gutierres'],
        ['customer', 'Guest 220', 'perdón, Gutiérrez con zeta'],
      ]),
    ).toBe('Lucía Gutiérrez');
  });

  it('does not take a word after an apology that resembles no part of the name', () => {
    expect(
      nameOf([
        ['customer', 'Tomasz Wrona', 'the blender lid cracked on day one'],
        ['customer', 'Tomasz Wrona', 'sorry, Martina, I missed your message'],
      ]),
    ).toBe('Tomasz Wrona');
  });

  it('reads German "im" as "in the", not as "I\'m"', () => {
    const t = transcript([
      ['customer', 'Sabine Adler', 'Der Akku wird beim Laden heiß'],
      ['customer', 'Sabine Adler', 'im Keller riecht es verbrannt'],
    ]);
    expect(findPersonName({ ...t, language: 'de' }, null)?.value).toBe('Sabine Adler');
  });

  it('takes the other name an account may be under, hedged or not', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 5150', "I can't log in, the code goes to my old number"],
        ['agent', 'Selma', 'Could you tell me your full name?'],
        ['customer', 'Visitor 5150', 'Ruth Amankwah'],
        ['agent', 'Selma', "I can't find that name. Could the account be under another name?"],
        ['customer', 'Visitor 5150', 'oh, probably Ruth Amankwah-Boateng, I changed it when I married'],
      ]),
    ).toBe('Ruth Amankwah-Boateng');
  });
});
