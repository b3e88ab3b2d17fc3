import { readUndecodedHeaders } from './header-decoding';
import { addressesOf, parseAddressField, senderOf } from './addresses';

const fields = (raw: string) => readUndecodedHeaders(Buffer.from(raw.replace(/\n/g, '\r\n')));

describe('addresses', () => {
  it('splits a field before decoding its names, so an encoded comma stays in the name', () => {
    expect(parseAddressField('"=?utf-8?Q?M=C3=BCller=2C_Hans?=" <HJ@Example.NET>, =?utf-8?Q?B=C3=BCrger?= <115@rostock.de>')).toEqual([
      { address: 'hj@example.net', name: 'Müller, Hans' },
      { address: '115@rostock.de', name: 'Bürger' },
    ]);
  });

  it('takes a comment as the name, flattens groups and drops entries without an address', () => {
    expect(parseAddressField('MAILER-DAEMON@mx.example.org (Mail Delivery System)')).toEqual([
      { address: 'mailer-daemon@mx.example.org', name: 'Mail Delivery System' },
    ]);
    expect(parseAddressField('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressField('Team: a@x.org, b@x.org;, kein-name')).toEqual([{ address: 'a@x.org' }, { address: 'b@x.org' }]);
  });

  it('decodes a field first when a broken client encoded the address too', () => {
    expect(parseAddressField('=?utf-8?Q?Max_M=C3=BCller_<max@example.org>?=')).toEqual([{ address: 'max@example.org', name: 'Max Müller' }]);
  });

  it('takes the first usable From, else Reply-To, else Sender', () => {
    expect(senderOf(fields('From: Anna <anna@x.de>\nFrom: Form <www@x.de>\n\n'))).toEqual({ address: 'anna@x.de', name: 'Anna' });
    expect(senderOf(fields('From: kaputt\nFrom: Form <www@x.de>\n\n'))).toEqual({ address: 'www@x.de', name: 'Form' });
    expect(senderOf(fields('Sender: s@x.de\nFrom: \nReply-To: Peter <p@x.de>\n\n'))).toEqual({ address: 'p@x.de', name: 'Peter' });
    expect(senderOf(fields('Sender: s@x.de\nSubject: x\n\n'))).toEqual({ address: 's@x.de' });
    expect(senderOf(fields('Subject: x\n\n'))).toBeUndefined();
  });

  it('reads every field of a name', () => {
    expect(addressesOf(fields('To: a@x.de\nCc: c@x.de\nTo: b@x.de\n\n'), 'to')).toEqual([{ address: 'a@x.de' }, { address: 'b@x.de' }]);
  });
});
