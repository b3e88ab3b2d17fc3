import { CallSignal } from '../../src/calls/call-signal';
import { CstaDevicesPlan } from '../../src/adapters/csta/calls/csta-devices-plan';
import { CstaIngest } from '../../src/adapters/csta/csta-ingest';
import { cstaRecording } from '../support/csta-test-server';
import { EXPECTED_SIGNALS, FIXTURE_DEVICES, withoutPbxAndTime } from './csta-fixtures';

const plan = () => new CstaDevicesPlan(FIXTURE_DEVICES.monitored, FIXTURE_DEVICES.trunks, FIXTURE_DEVICES.queues);

function replay(sut: CstaIngest, documents: string[], pbx = 'pbx1'): CallSignal[] {
  return documents.flatMap((xml) => sut.ingest(pbx, xml, new Date('2026-03-02T09:00:00Z')).signals);
}

describe('CSTA recordings → call signals', () => {
  it.each(Object.keys(EXPECTED_SIGNALS))('%s', (name) => {
    const sut = new CstaIngest(plan());
    const signals = replay(sut, cstaRecording(name));
    expect(withoutPbxAndTime(signals)).toEqual(EXPECTED_SIGNALS[name]);
    expect(signals.every((signal) => signal.pbx === 'pbx1')).toBe(true);
  });

  it.each(['inbound-answered', 'diverted', 'inbound-no-answer', 'clir'])('reads %s the same without any device configured (a NATS-only bridge)', (name) => {
    const sut = new CstaIngest(new CstaDevicesPlan([], [], []));
    expect(withoutPbxAndTime(replay(sut, cstaRecording(name)))).toEqual(EXPECTED_SIGNALS[name]);
  });

  it.each(Object.keys(EXPECTED_SIGNALS))('yields nothing more for %s with every event twice (two monitors report the same events)', (name) => {
    const sut = new CstaIngest(plan());
    const twice = cstaRecording(name).flatMap((xml) => [xml, xml]);
    expect(withoutPbxAndTime(replay(sut, twice))).toEqual(EXPECTED_SIGNALS[name]);
  });

  it('keeps calls of different telephone systems apart even with equal callIDs', () => {
    const sut = new CstaIngest(plan());
    const documents = cstaRecording('inbound-answered');
    const a = replay(sut, documents.slice(0, 2), 'pbx-a');
    const b = replay(sut, documents.slice(0, 2), 'pbx-b');
    expect(a.map((s) => s.kind)).toEqual(['offered', 'ringing', 'answered']);
    expect(b.map((s) => s.kind)).toEqual(['offered', 'ringing', 'answered']);
  });

  it('reports a hangup for a call it never saw as ended, leaving the outcome to the call model', () => {
    const sut = new CstaIngest(plan());
    const [, , hangup] = cstaRecording('inbound-answered');
    expect(withoutPbxAndTime(replay(sut, [hangup]))).toEqual([{ externalCallId: '101', kind: 'ended', cause: 'normalClearing' }]);
  });

  it('picks a call up mid-way after a restart (first event an EstablishedEvent)', () => {
    const sut = new CstaIngest(plan());
    const [, established, hangup] = cstaRecording('inbound-answered');
    expect(withoutPbxAndTime(replay(sut, [established, hangup])).map((s) => s.kind)).toEqual(['offered', 'answered', 'ended']);
  });

  it('takes the event time from the document when the server sends one', () => {
    const sut = new CstaIngest(plan());
    const [delivered] = cstaRecording('inbound-answered');
    const stamped = delivered.replace('<cause>newCall</cause>', '<cause>newCall</cause><timestamp>2026-03-02T08:15:00.250Z</timestamp>');
    expect(replay(sut, [stamped])[0].at.toISOString()).toBe('2026-03-02T08:15:00.250Z');
  });

  it('withholds the number from the moment an event says it is restricted', () => {
    const sut = new CstaIngest(plan());
    const [delivered, established] = cstaRecording('inbound-answered');
    const restricted = established.replace(
      '<callingDevice><deviceIdentifier>+493012345678</deviceIdentifier></callingDevice>',
      '<callingDevice><restricted/></callingDevice>',
    );
    const signals = withoutPbxAndTime(replay(sut, [delivered, restricted]));
    expect(signals.map((s) => s.kind)).toEqual(['offered', 'ringing', 'withheld', 'answered']);
    expect(signals[2]).toEqual({ externalCallId: '101', kind: 'withheld', callerNumber: null });
  });
});
