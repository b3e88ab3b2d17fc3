import { bounceKind, parseDeliveryStatus } from './delivery-status';

describe('parseDeliveryStatus', () => {
  it('reads the per-message block and every recipient block, folded lines included', () => {
    const sut = parseDeliveryStatus(
      'Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; <A@Example.org>\r\nAction: failed\r\nStatus: 5.1.1 (unknown)\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  user unknown\r\n\r\n' +
        'Original-Recipient: rfc822;b@example.org\r\nAction: delayed\r\nStatus: 4.4.7\r\n',
    );
    expect(sut).toEqual({
      reportingMta: 'mx.example.org',
      recipients: [
        { recipient: 'a@example.org', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 user unknown' },
        { recipient: 'b@example.org', action: 'delayed', status: '4.4.7', diagnostic: undefined },
      ],
    });
  });

  it('calls 5.x.x permanent, 4.x.x and delays temporary', () => {
    expect(bounceKind({ status: '5.2.2' })).toBe('permanent');
    expect(bounceKind({ status: '4.2.2' })).toBe('temporary');
    expect(bounceKind({ action: 'delayed' })).toBe('temporary');
    expect(bounceKind({ action: 'failed' })).toBe('unknown');
  });
});
