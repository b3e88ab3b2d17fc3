import { ctiSignals } from './cti-signals';

describe('ctiSignals', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');

  it('takes the numbers of SIP and tel URIs as their user parts, and the anonymous URI as withheld', () => {
    const [offered] = ctiSignals(
      { event: 'newCall', callId: 'c1', from: 'sip:+493817654321@sbc.provider.example;user=phone', to: 'tel:+49-381-115', direction: 'in' },
      at,
    );
    expect(offered).toMatchObject({ kind: 'offered', direction: 'inbound', callerNumber: '+493817654321', calledNumber: '+49-381-115', at });
    const [anonymous] = ctiSignals({ event: 'newCall', callId: 'c2', from: 'sip:anonymous@anonymous.invalid', to: '115' }, at);
    expect(anonymous).toMatchObject({ callerNumber: null });
    for (const word of ['<unknown>', 'Private', ' restricted ', '']) {
      expect(ctiSignals({ event: 'newCall', callId: 'c4', from: word }, at)[0]).toMatchObject({ callerNumber: null });
    }
    const [answered] = ctiSignals({ event: 'answer', callId: 'c1', answeringNumber: 'sip:2401@pbx.rostock.de' }, at);
    expect(answered).toMatchObject({ kind: 'answered', agent: '2401' });
  });

  it('keeps plain numbers and names as sent, and the citizen as the caller of an outbound call', () => {
    const [outbound] = ctiSignals({ event: 'newCall', callId: 'c3', from: '2401', to: '0381 7654321', direction: 'out', user: ['Anna'] }, at);
    expect(outbound).toMatchObject({ direction: 'outbound', callerNumber: '0381 7654321', calledNumber: '2401' });
    const [answered] = ctiSignals({ event: 'answer', callId: 'c3', user: 'Anna' }, at);
    expect(answered).toMatchObject({ agent: 'Anna' });
  });
});
