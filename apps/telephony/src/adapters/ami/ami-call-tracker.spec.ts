import { CallSignal } from '../../calls/call-signal';
import { AmiCallTracker } from './ami-call-tracker';
import { AmiFrameParser } from './ami-frame-parser';
import { AmiTrunks } from './ami-trunks';

describe('AmiCallTracker', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');
  const run = (stream: string) => {
    const signals: CallSignal[] = [];
    const sut = new AmiCallTracker('pbx', new AmiTrunks('context:from-trunk'), (s) => signals.push(s));
    for (const frame of new AmiFrameParser().feed(stream.replace(/^ +/gm, '')).frames) sut.handle(frame, at);
    return signals.map((s) => [s.externalCallId, s.kind, s.agent ?? s.outcome ?? s.direction ?? '']);
  };

  it('follows an Asterisk 11 call (Dial SubEvent, Bridge Link, no Linkedid) as one call', () => {
    const stream = `Event: Newchannel
      Channel: SIP/provider-00000001
      Context: from-trunk
      Exten: 115
      CallerIDNum: 03817654321
      Uniqueid: 1.1

      Event: Newchannel
      Channel: SIP/150010002-00000002
      Context: from-internal
      Uniqueid: 1.2

      Event: Dial
      SubEvent: Begin
      Channel: SIP/provider-00000001
      Destination: SIP/150010002-00000002
      UniqueID: 1.1
      DestUniqueID: 1.2

      Event: Bridge
      Bridgestate: Link
      Channel1: SIP/provider-00000001
      Channel2: SIP/150010002-00000002
      Uniqueid1: 1.1
      Uniqueid2: 1.2

      Event: Hangup
      Channel: SIP/150010002-00000002
      Uniqueid: 1.2
      Cause: 16

      Event: Hangup
      Channel: SIP/provider-00000001
      Uniqueid: 1.1
      Cause: 16

      `;
    expect(run(stream)).toEqual([
      ['1.1', 'offered', 'inbound'],
      ['1.1', 'ringing', '150010002'],
      ['1.1', 'answered', '150010002'],
      ['1.1', 'ended', 'answered'],
    ]);
  });

  it('does not take an announcer in a holding bridge (waiting music) for an answer', () => {
    const stream = `Event: Newchannel
      Channel: PJSIP/telekom-00000001
      Context: from-trunk
      Uniqueid: 2.1
      Linkedid: 2.1

      Event: BridgeEnter
      Channel: PJSIP/telekom-00000001
      Uniqueid: 2.1
      Linkedid: 2.1
      BridgeUniqueid: hold-1
      BridgeTechnology: holding_bridge

      Event: BridgeEnter
      Channel: Announcer/ARI-00000001
      Uniqueid: 2.9
      Linkedid: 2.1
      BridgeUniqueid: hold-1
      BridgeTechnology: holding_bridge

      Event: Hangup
      Channel: PJSIP/telekom-00000001
      Uniqueid: 2.1
      Linkedid: 2.1
      Cause: 16

      Event: Hangup
      Channel: Announcer/ARI-00000001
      Uniqueid: 2.9
      Linkedid: 2.1

      `;
    expect(run(stream)).toEqual([
      ['2.1', 'offered', 'inbound'],
      ['2.1', 'ended', ''],
    ]);
  });

  it('ignores a hangup of a channel it never saw and events of a channel that already hung up', () => {
    const stream = `Event: Hangup
      Uniqueid: 3.5
      Linkedid: 3.5

      Event: Newchannel
      Channel: PJSIP/telekom-00000003
      Context: from-trunk
      Uniqueid: 3.1
      Linkedid: 3.1

      Event: Hangup
      Uniqueid: 3.1
      Linkedid: 3.1
      Cause: 16

      Event: Newstate
      Uniqueid: 3.1
      Linkedid: 3.1
      ChannelState: 6

      `;
    expect(run(stream)).toEqual([
      ['3.1', 'offered', 'inbound'],
      ['3.1', 'ended', ''],
    ]);
  });
});
