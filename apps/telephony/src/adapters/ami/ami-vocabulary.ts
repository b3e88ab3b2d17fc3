import { CallEndOutcome } from '../../calls/call-signal';
import { isWithheldNumber } from '../../calls/domain/withheld-number';
import { AmiFrame } from './ami-frame-parser';

/** AMI events that carry nothing for the call model (skipped without a warning). */
export const QUIET = new Set(
  [
    'varset',
    'newexten',
    'rtcpsent',
    'rtcpreceived',
    'devicestatechange',
    'peerstatus',
    'contactstatus',
    'registry',
    'fullybooted',
    'successfulauth',
    'challengesent',
    'invalidpassword',
    'challengeresponsefailed',
    'queuememberstatus',
    'queuememberadded',
    'queuememberremoved',
    'queuememberpause',
    'queuememberpenalty',
    'queuememberringinuse',
    'extensionstatus',
    'presencestatus',
    'newaccountcode',
    'newconnectedline',
    'musiconholdstart',
    'musiconholdstop',
    'hold',
    'unhold',
    'bridgecreate',
    'bridgedestroy',
    'bridgemerge',
    'bridgevideosourceupdate',
    'dtmfbegin',
    'dtmfend',
    'hangupRequest',
    'softhanguprequest',
    'hanguprequest',
    'cel',
    'cdr',
    'mixmonitorstart',
    'mixmonitorstop',
    'agentringnoanswer',
    'dialstate',
    'localoptimizationbegin',
    'localoptimizationend',
    'pickup',
    'reload',
    'shutdown',
    'coreshowchannelscomplete',
    'agentlogin',
    'agentlogoff',
    'userevent',
    'sessiontimeout',
    'channeltalkingstart',
    'channeltalkingstop',
    'devicestatelistcomplete',
    'originateresponse',
    'loadaverage',
    'securityevent',
    'requestbadformat',
  ].map((name) => name.toLowerCase()),
);

/** Q.850 hangup causes of the origin channel → outcome of an unanswered call. */
export function outcomeOfCause(cause: string | undefined): CallEndOutcome | undefined {
  switch (cause) {
    case '17':
      return 'busy';
    case '18':
    case '19':
      return 'no-answer';
    case '21':
      return 'rejected';
    case '1':
    case '3':
    case '27':
    case '34':
    case '38':
    case '41':
    case '42':
      return 'failed';
    default:
      return undefined;
  }
}

export function outcomeOfDialStatus(status: string | undefined): CallEndOutcome | undefined {
  switch (status?.toUpperCase()) {
    case 'BUSY':
      return 'busy';
    case 'NOANSWER':
      return 'no-answer';
    case 'CONGESTION':
    case 'CHANUNAVAIL':
      return 'failed';
    default:
      return undefined;
  }
}

export function uniqueidOf(frame: AmiFrame): string | undefined {
  return frame.uniqueid || frame.uniqueid1 || undefined;
}

export function linkedidOf(frame: AmiFrame): string | undefined {
  return frame.linkedid || undefined;
}

export function numberOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  return isWithheldNumber(raw) ? null : raw.trim();
}

/** `Timestamp: 1700000000.123456` (timestampevents=yes), else the time of receipt. */
export function eventTime(frame: AmiFrame, receivedAt: Date): Date {
  const stamp = Number(frame.timestamp);
  return frame.timestamp && Number.isFinite(stamp) && stamp > 0 ? new Date(Math.round(stamp * 1000)) : receivedAt;
}

/** Channel state Up (6) by number or name. */
export function isUp(frame: AmiFrame): boolean {
  return /^(6|up)$/i.test(frame.channelstate ?? frame.channelstatedesc ?? '');
}
