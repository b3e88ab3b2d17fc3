import { attachmentName, uniqueNames } from './attachment-names';

const part = (over: Partial<Parameters<typeof attachmentName>[0]>) =>
  attachmentName({ contentType: 'application/octet-stream', content: Buffer.alloc(0), ...over });

describe('attachment names', () => {
  it('keeps a name the part has', () => {
    expect(part({ filename: ' Antrag.pdf ' })).toBe('Antrag.pdf');
    expect(part({ filename: '=?utf-8?Q?Gr=C3=BC=C3=9Fe.txt?=' })).toBe('Grüße.txt');
  });

  it('names a part from Content-Location or the local part of its Content-ID', () => {
    expect(part({ location: 'https://x.example/files/plan.pdf' })).toBe('plan.pdf');
    expect(part({ contentId: '<image001.png@01DA71B2.C3D4E5F0>', contentType: 'image/png' })).toBe('image001.png');
  });

  it('names an attached mail by its subject, else its description, else "Mail"', () => {
    const mail = Buffer.from('From: a@x\r\nSubject: =?utf-8?Q?Terminbest=C3=A4tigung?=\r\n\r\nText');
    expect(part({ contentType: 'message/rfc822', content: mail, description: 'Undelivered Message' })).toBe('Terminbestätigung.eml');
    expect(part({ contentType: 'message/rfc822', content: Buffer.from('From: a@x\r\n\r\nx'), description: 'Undelivered Message' })).toBe(
      'Undelivered Message.eml',
    );
    expect(part({ contentType: 'message/rfc822', content: Buffer.from('x') })).toBe('Mail.eml');
  });

  it('names known types from the description or a generic word, others "file"', () => {
    expect(part({ contentType: 'message/delivery-status', description: 'Delivery report' })).toBe('Delivery report.txt');
    expect(part({ contentType: 'message/delivery-status' })).toBe('delivery-status.txt');
    expect(part({ contentType: 'image/jpeg' })).toBe('image.jpg');
    expect(part({ contentType: 'text/rfc822-headers', description: 'Undelivered Message Headers' })).toBe('file');
  });

  it('makes names unique with a counter before the extension', () => {
    expect(uniqueNames(['image.png', 'image.png', 'file', 'file', 'image.png'])).toEqual(['image.png', 'image1.png', 'file', 'file1', 'image2.png']);
  });
});
