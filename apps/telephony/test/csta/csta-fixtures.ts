import { CallSignal } from '../../src/calls/call-signal';

/** A signal as the fixtures state it: everything but the pbx and the time. */
export type Expected = Omit<CallSignal, 'pbx' | 'at'>;

/** What each recording in `fixtures/csta/` must yield, in order. */
export const EXPECTED_SIGNALS: Record<string, Expected[]> = {
  'inbound-answered': [
    { externalCallId: '101', kind: 'offered', direction: 'inbound', callerNumber: '+493012345678', calledNumber: '115' },
    { externalCallId: '101', kind: 'ringing', agent: '2001' },
    { externalCallId: '101', kind: 'answered', agent: '2001' },
    { externalCallId: '101', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  'outbound-busy': [
    { externalCallId: '102', kind: 'offered', direction: 'outbound', callerNumber: '2001', calledNumber: '0301234999' },
    { externalCallId: '102', kind: 'ended', outcome: 'busy', cause: 'normalClearing' },
  ],
  'inbound-no-answer': [
    { externalCallId: '103', kind: 'offered', direction: 'inbound', callerNumber: '017612345678', calledNumber: '115' },
    { externalCallId: '103', kind: 'ringing', agent: '2002' },
    { externalCallId: '103', kind: 'ended', outcome: 'no-answer', cause: 'callNotAnswered' },
  ],
  'queue-abandoned': [
    { externalCallId: '104', kind: 'offered', direction: 'inbound', callerNumber: '+49381123456', calledNumber: '115' },
    { externalCallId: '104', kind: 'queued', queue: '3000' },
    { externalCallId: '104', kind: 'ringing', agent: '2001' },
    { externalCallId: '104', kind: 'ended', outcome: 'abandoned', cause: 'normalClearing' },
  ],
  diverted: [
    { externalCallId: '105', kind: 'offered', direction: 'inbound', callerNumber: '+4938155555', calledNumber: '115' },
    { externalCallId: '105', kind: 'ringing', agent: '2001' },
    { externalCallId: '105', kind: 'forwarded', agent: '2002', cause: 'callForwardNoAnswer' },
    { externalCallId: '105', kind: 'ringing', agent: '2002' },
    { externalCallId: '105', kind: 'answered', agent: '2002' },
    { externalCallId: '105', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  'blind-transfer': [
    { externalCallId: '106', kind: 'offered', direction: 'inbound', callerNumber: '+4930777777', calledNumber: '115' },
    { externalCallId: '106', kind: 'ringing', agent: '2001' },
    { externalCallId: '106', kind: 'answered', agent: '2001' },
    { externalCallId: '107', kind: 'transferred', agent: '2002', continuesExternalCallId: '106', cause: 'singleStepTransfer' },
    { externalCallId: '107', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  'consultation-transfer': [
    { externalCallId: '108', kind: 'offered', direction: 'inbound', callerNumber: '+4933112345', calledNumber: '115' },
    { externalCallId: '108', kind: 'ringing', agent: '2001' },
    { externalCallId: '108', kind: 'answered', agent: '2001' },
    { externalCallId: '109', kind: 'transferred', agent: '2002', continuesExternalCallId: '108', cause: 'transfer' },
    { externalCallId: '109', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  'avaya-trunk-no-cli': [
    { externalCallId: '512', kind: 'offered', direction: 'inbound', callerNumber: null, calledNumber: '115' },
    { externalCallId: '512', kind: 'ringing', agent: '2001' },
    { externalCallId: '512', kind: 'answered', agent: '2001' },
    { externalCallId: '512', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  'outbound-answered': [
    { externalCallId: '120', kind: 'offered', direction: 'outbound', callerNumber: '2001', calledNumber: '03815550000' },
    { externalCallId: '120', kind: 'answered', agent: '2001' },
    { externalCallId: '120', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  conference: [
    { externalCallId: '130', kind: 'offered', direction: 'inbound', callerNumber: '+4930555000', calledNumber: '115' },
    { externalCallId: '130', kind: 'ringing', agent: '2001' },
    { externalCallId: '130', kind: 'answered', agent: '2001' },
    { externalCallId: '132', kind: 'answered', agent: '2001', continuesExternalCallId: '130' },
    { externalCallId: '132', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
  clir: [
    { externalCallId: '110', kind: 'offered', direction: 'inbound', callerNumber: null, calledNumber: '115' },
    { externalCallId: '110', kind: 'ringing', agent: '2001' },
    { externalCallId: '110', kind: 'answered', agent: '2001' },
    { externalCallId: '110', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
    { externalCallId: '111', kind: 'offered', direction: 'inbound', callerNumber: null, calledNumber: '115' },
    { externalCallId: '111', kind: 'ringing', agent: '2002' },
    { externalCallId: '111', kind: 'answered', agent: '2002' },
    { externalCallId: '111', kind: 'ended', outcome: 'answered', cause: 'normalClearing' },
  ],
};

/** The device plan the recordings assume. */
export const FIXTURE_DEVICES = { monitored: ['2001', '2002'], trunks: ['T*'], queues: ['3000'] };

export function withoutPbxAndTime(signals: readonly CallSignal[]): Expected[] {
  return signals.map(({ pbx: _pbx, at: _at, ...rest }) => rest);
}
