import { describe, expect, it } from 'vitest';
import { findEmails, findPhones } from '../../../core/predict/offline/contacts.js';
import { findCustomerEmail } from '../../../core/predict/offline/email.js';
import { findCustomerPhone } from '../../../core/predict/offline/phone.js';
import { type Line, transcript } from './helpers.js';

describe('findEmails', () => {
  it('finds written and spelled-out addresses, lower-cased, with exact spans', () => {
    const text = 'mine is Sam.ONeill@Example.com or j dot okafor at example dot org';
    const found = findEmails(text);
    expect(found.map((f) => f.value)).toEqual(['sam.oneill@example.com', 'j.okafor@example.org']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.raw);
  });

  it('does not read ordinary "at" phrases as addresses', () => {
    expect(findEmails('look at the box, we meet at noon.')).toEqual([]);
  });
});

describe('findPhones', () => {
  it('reads national numbers in the given region as E.164', () => {
    expect(findPhones('call (415) 555-0132 please', 'US').map((f) => f.value)).toEqual(['+14155550132']);
    expect(findPhones('07700 900417', 'GB').map((f) => f.value)).toEqual(['+447700900417']);
  });

  it('ignores short numbers', () => {
    expect(findPhones('order 12345 for 12.99', 'US')).toEqual([]);
  });
});

describe('customer email', () => {
  it('takes the latest correction and ignores agent questions nobody confirmed', () => {
    const t = transcript([
      ['agent', 'Leo (Shop)', 'Is hannah.price@example.com still the best address?'],
      ['customer', 'Hannah Price', "hmm no I don't use that anymore"],
      ['customer', 'Hannah Price', 'please send to hprice.home@example.org'],
      ['customer', 'Hannah Price', "wait sorry typo, it's hprice.home@example.net"],
    ]);
    expect(findCustomerEmail(t, undefined)).toMatchObject({ value: 'hprice.home@example.net', evidence: ['m4'] });
  });

  it('counts an address the agent states and the customer confirms', () => {
    const t = transcript([
      ['customer', 'Priya Raman', 'what email do you have for me?'],
      ['agent', 'Marco (Ledgerly)', 'We have priya.raman@example.com on file.'],
      ['customer', 'Priya Raman', "yep that's right"],
    ]);
    expect(findCustomerEmail(t, undefined)?.value).toBe('priya.raman@example.com');
  });

  it('skips shared mailboxes the agent points to', () => {
    const t = transcript([
      ['customer', 'Megan Doyle', 'I clicked a phishing link'],
      ['agent', 'Chris (IT)', 'Please forward it to phishing@corp.example.com.'],
    ]);
    expect(findCustomerEmail(t, undefined)).toBeNull();
  });
});

describe('customer phone', () => {
  it('uses the evident country for national numbers and the latest correction', () => {
    const uk = transcript([
      ['customer', 'Marcus Bell', 'new address: 9 Whitcombe Street, Leeds LS1 4AB'],
      ['customer', 'Marcus Bell', 'text me on 07700 900417'],
    ]);
    expect(findCustomerPhone(uk, 'US', undefined)?.value).toBe('+447700900417');
    const fr = transcript([
      ['customer', 'Camille Dubois', 'Mon colis est bloqué à la douane, je suis très déçue'],
      ['customer', 'Camille Dubois', '06 39 98 21 47'],
    ]);
    expect(findCustomerPhone(fr, 'US', undefined)?.value).toBe('+33639982147');
    const corrected = transcript([
      ['customer', 'Kathryn Moss', 'my phone is (312) 555-0193'],
      ['customer', 'Kathryn Moss', "oops wait that's my old number, it's (312) 555-0187"],
    ]);
    expect(findCustomerPhone(corrected, 'US', undefined)).toMatchObject({ value: '+13125550187', evidence: ['m2'] });
  });

  it('does not read order numbers or tracking codes as phone numbers', () => {
    const t = transcript([
      ['customer', 'Crystal Minh', 'Order ID: 3348917502'],
      ['customer', 'Crystal Minh', 'tracking 1Z999AA10123456784'],
    ]);
    expect(findCustomerPhone(t, 'US', undefined)).toBeNull();
  });
});

describe('the country a national number belongs to', () => {
  it('reads a national number in the country the customer says they are in', () => {
    const se = transcript([
      ['customer', 'Erik Lund', "the jacket hasn't arrived at my place in Göteborg"],
      ['customer', 'Erik Lund', 'you can call me on 070-174 06 52'],
    ]);
    expect(findCustomerPhone(se, 'US', undefined)?.value).toBe('+46701740652');
  });

  it('does not take a booking code shaped like a postcode for a UK address', () => {
    const us = transcript([['customer', 'Ola Adeyemi', 'booking Q4T7WM, the driver can call 720 555 0191']]);
    expect(findCustomerPhone(us, 'US', undefined)?.value).toBe('+17205550191');
  });
});

describe('a number after a comma', () => {
  it('keeps the whole national number when an order reference comes first ("LW-20417, 070-174 06 33")', () => {
    expect(findPhones('LW-20417, 070-174 06 33', 'SE')[0]?.value).toBe('+46701740633');
  });
});

describe('a number given for the order asked about', () => {
  it('is not a phone number, unless the agent asked for a phone too', () => {
    const phone = (lines: Line[]) => findCustomerPhone(transcript(lines), 'GB', undefined)?.value ?? null;
    expect(
      phone([
        ['customer', 'Ute Sander', 'meine Lampe kam kaputt an'],
        ['agent', 'Tom', 'Haben Sie Ihre Bestellnummer zur Hand?'],
        ['customer', 'Ute Sander', '4471 2093'],
      ]),
    ).toBeNull();
    expect(
      phone([
        ['customer', 'Ugo Neri', 'vorrei cambiare la consegna'],
        ['agent', 'Sara', "Mi dai il numero dell'ordine?"],
        ['customer', 'Ugo Neri', 'è il 6620931'],
      ]),
    ).toBeNull();
    expect(
      phone([
        ['customer', 'Amy Lowe', 'my parcel never came'],
        ['agent', 'Tom', "What's the order number, and a mobile number for the courier?"],
        ['customer', 'Amy Lowe', 'ORD-55102, 07700 900461'],
      ]),
    ).toBe('+447700900461');
  });
});

describe('an address shown masked', () => {
  it('is not the customer email', () => {
    const email = (lines: Line[]) => findCustomerEmail(transcript(lines), undefined)?.value ?? null;
    expect(
      email([
        ['customer', 'Alicia R', "I can't log in, the code goes to my old number"],
        ['agent', 'Sam', "I've sent a verification link to the email on file (j***@example.com)."],
      ]),
    ).toBeNull();
  });
});

describe('phone numbers by how they are written', () => {
  it('reads a number written the Swedish way as Swedish when nothing else names a country', () => {
    const se = transcript([
      ['customer', 'Visitor 5521', 'my rental card stopped working at the gym'],
      ['agent', 'Moa (FitBox)', 'Could I have a phone number for the account?'],
      ['customer', 'Visitor 5521', 'sure, 073-174 06 81'],
    ]);
    expect(findCustomerPhone(se, 'US', undefined)?.value).toBe('+46731740681');
  });

  it('does not read a part number with a lone leading 0 as a phone number', () => {
    const t = transcript([
      ['customer', 'Jonas Weber', 'Meine Bremsscheiben sind noch nicht da'],
      ['agent', 'Lea (Teileshop)', 'Ich sehe die Bestellung: Bremsscheiben 0 204 113 702 für Ihren Golf.'],
    ]);
    expect(findCustomerPhone(t, 'US', undefined)).toBeNull();
  });

  it('completes a local number with the area code given when asked', () => {
    const t = transcript([
      ['agent', 'Ravi (HomeGoods)', 'What number can our technician call?'],
      ['customer', 'Nina Park', 'it is 555-0163'],
      ['agent', 'Ravi (HomeGoods)', "What's the area code?"],
      ['customer', 'Nina Park', 'oh right, 312'],
    ]);
    expect(findCustomerPhone(t, 'US', undefined)?.value).toBe('+13125550163');
  });
});
