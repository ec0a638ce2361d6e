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
