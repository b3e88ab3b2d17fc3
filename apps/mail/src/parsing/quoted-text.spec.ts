import { splitQuotedText, textBeforeForward } from './quoted-text';

describe('splitQuotedText', () => {
  it('separates "Am … schrieb …:" and its > lines', () => {
    const sut = splitQuotedText('Danke!\n\nAm 03.03.2026 um 09:15 schrieb Bürgerservice 115 <115@rostock.de>:\n> Guten Tag');
    expect(sut).toEqual({ text: 'Danke!', quoted: 'Am 03.03.2026 um 09:15 schrieb Bürgerservice 115 <115@rostock.de>:\n> Guten Tag' });
  });

  it('recognises an introduction wrapped onto two lines, and the English form', () => {
    expect(splitQuotedText('Ja.\nAm Di., 3. März 2026 um 09:15 Uhr schrieb Erika\n<erika@example.org>:\n> x').text).toBe('Ja.');
    expect(splitQuotedText('Yes.\nOn Tue, 3 Mar 2026 at 09:15, Erika <e@example.org> wrote:\n> x').text).toBe('Yes.');
  });

  it('separates Outlook histories in German and English', () => {
    expect(splitQuotedText('Passt.\n\n-----Ursprüngliche Nachricht-----\nVon: A\nGesendet: heute').quoted).toMatch(/^-----Ursprüngliche Nachricht-----/);
    expect(splitQuotedText('Fine.\n\nFrom: A <a@x>\nSent: Tuesday\nTo: B\nSubject: x\n\nold').text).toBe('Fine.');
    expect(splitQuotedText('Gut.\n\n*Von:* A\n*Gesendet:* Dienstag\n\nalt').text).toBe('Gut.');
  });

  it('separates a trailing block of > lines', () => {
    expect(splitQuotedText('Neu.\n\n> alt 1\n>\n> alt 2\n')).toEqual({ text: 'Neu.', quoted: '> alt 1\n>\n> alt 2' });
  });

  it('leaves inline answers and texts without history whole', () => {
    const inline = '> Frage 1?\nAntwort 1\n> Frage 2?\nAntwort 2';
    expect(splitQuotedText(inline)).toEqual({ text: inline });
    expect(splitQuotedText('Nur Text.')).toEqual({ text: 'Nur Text.' });
  });

  it('does not cut at a separator line alone, only with the reply header below it', () => {
    const signature = 'Frage 1?\n________________________________________\nFrage 2 mit viel Text.\n\nGruß';
    expect(splitQuotedText(signature)).toEqual({ text: signature });
    const outlook = splitQuotedText('Danke.\n\n________________________________\nVon: A <a@x>\nGesendet: Freitag\nAn: B\n\nalt');
    expect(outlook).toEqual({ text: 'Danke.', quoted: '________________________________\nVon: A <a@x>\nGesendet: Freitag\nAn: B\n\nalt' });
  });

  it('keeps the text whole when the sender wrote below the quote', () => {
    const below =
      'Hallo,\n\nAm 02.03.2026 um 10:15 schrieb Bürgerservice 115 <115@rostock.de>:\n> Welche Hausnummer?\n\nEs ist die Nummer 14, direkt neben der Apotheke am Markt.';
    expect(splitQuotedText(below)).toEqual({ text: below });
  });

  it('keeps a forwarded message in the text: it is what the citizen wants read', () => {
    const forward = 'Siehe unten.\n\n---------- Forwarded message ---------\nFrom: Amt <amt@x>\nDate: Mon, 2 Mar 2026\nSubject: Bescheid\n\nBescheid';
    expect(splitQuotedText(forward)).toEqual({ text: forward });
  });

  it('never cuts everything: a pure forward stays text', () => {
    const forward = '---------- Forwarded message ---------\nFrom: A\n\nInhalt';
    expect(splitQuotedText(forward)).toEqual({ text: forward });
  });
});

describe('textBeforeForward', () => {
  it('is the text above a forwarded-message marker', () => {
    const mail = 'Können Sie mir helfen?\n\n---------- Forwarded message ---------\nFrom: Mail Delivery System <MAILER-DAEMON@example.org>\n\nUndelivered';
    expect(textBeforeForward(mail)).toBe('Können Sie mir helfen?');
    expect(textBeforeForward('Bitte lesen.\nAnfang der weitergeleiteten Nachricht:\nVon: X')).toBe('Bitte lesen.');
  });

  it('is undefined when nothing is forwarded', () => {
    expect(textBeforeForward('Guten Tag,\n____________\nMit freundlichen Grüßen')).toBeUndefined();
  });
});
