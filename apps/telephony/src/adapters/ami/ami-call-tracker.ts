import { CallDirection, CallEndOutcome, CallSignal } from '../../calls/call-signal';
import { peerOf } from '../../shared/agent-directory';
import { AmiFrame } from './ami-frame-parser';
import { AmiTrunks } from './ami-trunks';

interface Channel {
  uniqueid: string;
  name: string;
  linkedid: string;
  trunk: boolean;
  up: boolean;
  bridge?: string;
}

interface TrackedCall {
  linkedid: string;
  /** The channel that started the call (its Uniqueid is the Linkedid). */
  origin?: Channel;
  channels: Set<string>;
  offered: boolean;
  /** Offered once there is something to say (so a withheld flag right after Newchannel is seen first). */
  direction?: CallDirection;
  callerNumber: string | null | undefined;
  withheld: boolean;
  calledNumber?: string;
  queue?: string;
  answered: boolean;
  queued: boolean;
  ringing: boolean;
  lastDialStatus?: string;
  lastAnsweredDevice?: string;
  hangupCause?: string;
}

/** AMI events that carry nothing for the call model (skipped without a warning). */
const QUIET = new Set(
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

const WITHHELD_NUMBERS = new Set(['', 'anonymous', '<unknown>', 'unknown', 'restricted', 'withheld', 'private']);

/** Q.850 hangup causes of the origin channel → outcome of an unanswered call. */
function outcomeOfCause(cause: string | undefined): CallEndOutcome | undefined {
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

function outcomeOfDialStatus(status: string | undefined): CallEndOutcome | undefined {
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

export interface TrackerNotice {
  kind: 'unknown-event';
  event: string;
}

/**
 * Turns one PBX's AMI events into call signals. Channels are grouped into calls by each
 * event's own Linkedid (a channel that is picked up or transferred changes its Linkedid,
 * and moves with it); a call ends when its last channel is gone. "Answered" means the call
 * is bridged to another party — the PBX answering for music on hold or an IVR is not an
 * answer. The number of a caller who withholds it (CID-CallingPres "Prohibited") is
 * never passed on. Holds only what the protocol needs; the sink owns the call records.
 */
export class AmiCallTracker {
  private readonly channels = new Map<string, Channel>();
  private readonly calls = new Map<string, TrackedCall>();
  private readonly bridges = new Map<string, Set<string>>();
  /** Channels that hung up (two generations, bounded): late events for them must not bring them back. */
  private gone = new Set<string>();
  private goneBefore = new Set<string>();

  constructor(
    private readonly pbx: string,
    private readonly trunks: AmiTrunks,
    private readonly emit: (signal: CallSignal) => void,
    private readonly notice: (notice: TrackerNotice) => void = () => undefined,
  ) {}

  /** Calls in progress as this tracker knows them (Linkedids). */
  liveCalls(): string[] {
    return [...this.calls.keys()];
  }

  handle(frame: AmiFrame, receivedAt: Date): void {
    const name = frame.event?.toLowerCase();
    if (!name) return;
    const at = eventTime(frame, receivedAt);
    switch (name) {
      case 'newchannel':
        return this.newChannel(frame, at);
      case 'newcallerid':
        return this.callerId(frame, at);
      case 'newstate':
        return this.newState(frame, at);
      case 'dialbegin':
        return this.dialBegin(frame, at);
      case 'dial':
        // Asterisk 11 spelling: SubEvent Begin/End.
        return frame.subevent?.toLowerCase() === 'end' ? this.dialEnd(frame, at) : this.dialBegin(frame, at);
      case 'dialend':
        return this.dialEnd(frame, at);
      case 'queuecallerjoin':
      case 'join':
        return this.queued(frame, at);
      case 'queuecallerleave':
      case 'queuecallerabandon':
      case 'leave':
        return void this.touch(frame, at);
      case 'agentcalled':
        return this.agentCalled(frame, at);
      case 'agentconnect':
      case 'agentcomplete':
        return void this.touch(frame, at);
      case 'bridgeenter':
        return this.bridgeEnter(frame, at);
      case 'bridgeleave':
        return this.bridgeLeave(frame, at);
      case 'blindtransfer':
      case 'attendedtransfer':
        return this.transfer(frame, at);
      case 'localbridge':
        return void this.touch(frame, at);
      case 'hangup':
        return this.hangup(frame, at);
      case 'coreshowchannel':
        return this.shownChannel(frame, at);
      default:
        if (!QUIET.has(name)) this.notice({ kind: 'unknown-event', event: frame.event });
        return void this.touch(frame, at);
    }
  }

  /**
   * After a reconnect's CoreShowChannels listing: every call this tracker or the store
   * believes live that has no channel left is over (ended at `at`, once — the sink keeps
   * it to one end).
   */
  reconcile(listed: Set<string>, storedLive: string[], at: Date): void {
    for (const linkedid of new Set([...this.calls.keys(), ...storedLive])) {
      if (listed.has(linkedid)) continue;
      const call = this.calls.get(linkedid);
      for (const uniqueid of call?.channels ?? []) this.channels.delete(uniqueid);
      this.calls.delete(linkedid);
      this.emit({ pbx: this.pbx, externalCallId: linkedid, kind: 'ended', at, cause: 'reconciled' });
    }
  }

  /** Forgets all channels (before a reconnect's listing rebuilds them). */
  resetChannels(): void {
    this.channels.clear();
    this.bridges.clear();
    for (const call of this.calls.values()) call.channels.clear();
  }

  private newChannel(frame: AmiFrame, at: Date): void {
    const channel = this.channelOf(frame, at);
    if (!channel) return;
    const call = this.calls.get(channel.linkedid)!;
    if (channel.uniqueid === channel.linkedid && !call.origin) {
      call.origin = channel;
      call.callerNumber = numberOf(frame.calleridnum);
      if (channel.trunk) call.direction = 'inbound';
      if (frame.exten && frame.exten !== 's') call.calledNumber = frame.exten;
    }
  }

  private callerId(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    const prohibited = /prohibited/i.test(frame['cid-callingpres'] ?? '');
    const channel = this.channels.get(uniqueidOf(frame) ?? '');
    if (channel && call.origin !== channel) return;
    if (prohibited) {
      call.withheld = true;
      call.callerNumber = null;
      if (call.offered) this.signal(call, 'withheld', at);
    } else if (!call.withheld && frame.calleridnum) call.callerNumber = numberOf(frame.calleridnum);
  }

  private newState(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    const channel = this.channels.get(uniqueidOf(frame) ?? '');
    if (channel && /^(6|up)$/i.test(frame.channelstate ?? frame.channelstatedesc ?? '')) channel.up = true;
    if (call && channel && call.origin === channel && frame.connectedlinenum && !call.calledNumber && channel.trunk === false) {
      call.calledNumber = frame.connectedlinenum;
    }
  }

  private dialBegin(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    const destination = frame.destchannel ?? frame.destination;
    const destTrunk = destination ? this.trunks.isTrunk(destination, frame.destcontext) : false;
    if (!call.direction) call.direction = destTrunk ? 'outbound' : 'internal';
    if (call.direction === 'outbound' && destTrunk && !call.offered) {
      // Outbound: the citizen is the party dialled; the call model keeps the citizen's number as the caller's.
      call.callerNumber = numberOf(frame.destcalleridnum ?? frame.dialstring?.split('@')[0].split('/').pop());
      delete call.calledNumber;
    }
    this.offer(call, at);
    if (!call.ringing) {
      call.ringing = true;
      this.signal(call, 'ringing', at, destination && !destTrunk ? { agent: peerOf(destination) } : {});
    }
  }

  private dialEnd(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    const status = (frame.dialstatus ?? '').toUpperCase();
    call.lastDialStatus = status;
    const destination = frame.destchannel ?? frame.destination;
    if (status === 'ANSWER' && destination && !destination.startsWith('Local/')) call.lastAnsweredDevice = destination;
  }

  private queued(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    call.queue = frame.queue;
    call.direction ??= 'internal';
    this.offer(call, at);
    if (!call.queued) {
      call.queued = true;
      this.signal(call, 'queued', at);
    }
  }

  private agentCalled(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    call.queue = frame.queue ?? call.queue;
    this.offer(call, at);
    if (!call.ringing) {
      call.ringing = true;
      const device = frame.interface ?? frame.destchannel;
      this.signal(call, 'ringing', at, device ? { agent: peerOf(device) } : {});
    }
  }

  private bridgeEnter(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    const uniqueid = uniqueidOf(frame);
    const bridgeId = frame.bridgeuniqueid ?? frame.bridgeid;
    if (!call || !uniqueid || !bridgeId) return;
    const members = this.bridges.get(bridgeId) ?? new Set<string>();
    members.add(uniqueid);
    this.bridges.set(bridgeId, members);
    const channel = this.channels.get(uniqueid);
    if (channel) {
      channel.bridge = bridgeId;
      channel.up = true;
    }
    if (members.size >= 2 && !call.answered) this.answer(call, members, at);
  }

  private bridgeLeave(frame: AmiFrame, at: Date): void {
    this.touch(frame, at);
    const uniqueid = uniqueidOf(frame);
    const bridgeId = frame.bridgeuniqueid ?? frame.bridgeid;
    if (!uniqueid || !bridgeId) return;
    this.bridges.get(bridgeId)?.delete(uniqueid);
    if (this.bridges.get(bridgeId)?.size === 0) this.bridges.delete(bridgeId);
    const channel = this.channels.get(uniqueid);
    if (channel?.bridge === bridgeId) channel.bridge = undefined;
  }

  private answer(call: TrackedCall, members: Set<string>, at: Date): void {
    call.direction ??= 'internal';
    this.offer(call, at);
    call.answered = true;
    const agent = this.agentOf(call, members);
    this.signal(call, 'answered', at, agent ? { agent } : {});
  }

  /** The answering device: the agent's own channel, not a Local helper or the trunk. */
  private agentOf(call: TrackedCall, members: Set<string>): string | undefined {
    const device = (channel: Channel | undefined) => (channel && !channel.trunk && !channel.name.startsWith('Local/') ? channel : undefined);
    if (call.direction === 'outbound' && device(call.origin)) return peerOf(call.origin!.name);
    for (const uniqueid of members) {
      const channel = device(this.channels.get(uniqueid));
      if (channel && channel !== call.origin) return peerOf(channel.name);
    }
    if (call.lastAnsweredDevice) return peerOf(call.lastAnsweredDevice);
    for (const uniqueid of call.channels) {
      const channel = device(this.channels.get(uniqueid));
      if (channel && channel !== call.origin && channel.up) return peerOf(channel.name);
    }
    return undefined;
  }

  private transfer(frame: AmiFrame, at: Date): void {
    const linkedid = frame.transfereelinkedid ?? frame.origtransfererlinkedid ?? frame.linkedid;
    const call = linkedid ? this.calls.get(linkedid) : undefined;
    if (!call || (frame.result && !/success/i.test(frame.result))) return;
    if (call.offered) this.signal(call, 'transferred', at);
  }

  private hangup(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    const uniqueid = uniqueidOf(frame);
    if (!uniqueid) return;
    const channel = this.channels.get(uniqueid);
    this.channels.delete(uniqueid);
    this.markGone(uniqueid);
    if (channel?.bridge) this.bridges.get(channel.bridge)?.delete(uniqueid);
    if (!call) return;
    if (channel && call.origin === channel) call.hangupCause = frame.cause;
    call.channels.delete(uniqueid);
    if (call.channels.size === 0) this.finish(call, at);
  }

  private markGone(uniqueid: string): void {
    this.gone.add(uniqueid);
    if (this.gone.size > 50000) {
      this.goneBefore = this.gone;
      this.gone = new Set();
    }
  }

  private isGone(uniqueid: string): boolean {
    return this.gone.has(uniqueid) || this.goneBefore.has(uniqueid);
  }

  private finish(call: TrackedCall, at: Date): void {
    this.calls.delete(call.linkedid);
    if (!call.offered) {
      // A call that reached nobody and came from no trunk (a feature code, a picked-up leg) is no call.
      if (call.direction !== 'inbound') return;
      this.offer(call, at);
    }
    const outcome = call.answered ? 'answered' : call.queued ? undefined : (outcomeOfDialStatus(call.lastDialStatus) ?? outcomeOfCause(call.hangupCause));
    this.signal(call, 'ended', at, { ...(outcome ? { outcome } : {}), ...(call.hangupCause ? { cause: call.hangupCause } : {}) });
  }

  /** A channel listed by CoreShowChannels after a reconnect. */
  private shownChannel(frame: AmiFrame, at: Date): void {
    const channel = this.channelOf(frame, at);
    if (!channel) return;
    const call = this.calls.get(channel.linkedid)!;
    if (channel.uniqueid === channel.linkedid && !call.origin) {
      call.origin = channel;
      call.callerNumber ??= numberOf(frame.calleridnum);
      if (channel.trunk) call.direction = 'inbound';
    }
    if (/^(6|up)$/i.test(frame.channelstate ?? frame.channelstatedesc ?? '')) channel.up = true;
    const bridgeId = frame.bridgeid || frame.bridgeuniqueid;
    if (bridgeId) {
      const members = this.bridges.get(bridgeId) ?? new Set<string>();
      members.add(channel.uniqueid);
      this.bridges.set(bridgeId, members);
      channel.bridge = bridgeId;
      if (members.size >= 2 && !call.answered) this.answer(call, members, at);
    }
  }

  /** Registers a channel under the event's own Linkedid (moving it when that changed). */
  private channelOf(frame: AmiFrame, at: Date): Channel | undefined {
    const uniqueid = uniqueidOf(frame);
    if (!uniqueid || this.isGone(uniqueid)) return undefined;
    const linkedid = linkedidOf(frame) ?? uniqueid;
    let channel = this.channels.get(uniqueid);
    if (!channel) {
      channel = { uniqueid, name: frame.channel ?? uniqueid, linkedid, trunk: this.trunks.isTrunk(frame.channel ?? '', frame.context), up: false };
      this.channels.set(uniqueid, channel);
    }
    this.callOf(linkedid).channels.add(uniqueid);
    this.move(channel, linkedid, at);
    return channel;
  }

  /** The call an event belongs to, by its own Linkedid; unknown channels are registered. */
  private touch(frame: AmiFrame, at: Date): TrackedCall | undefined {
    const uniqueid = uniqueidOf(frame);
    const linkedid = linkedidOf(frame);
    if (!uniqueid && !linkedid) return undefined;
    const known = uniqueid !== undefined && this.channels.has(uniqueid);
    if (uniqueid && !known && (this.isGone(uniqueid) || frame.event?.toLowerCase() === 'hangup')) return linkedid ? this.calls.get(linkedid) : undefined;
    if (uniqueid) this.channelOf(frame, at);
    const call = this.calls.get(linkedid ?? this.channels.get(uniqueid!)!.linkedid);
    if (call && call.origin?.trunk && !call.offered && !/^(newchannel|newcallerid|varset)$/i.test(frame.event ?? '')) this.offer(call, at);
    return call;
  }

  private move(channel: Channel, linkedid: string, at: Date): void {
    if (channel.linkedid === linkedid) return;
    const previous = this.calls.get(channel.linkedid);
    channel.linkedid = linkedid;
    this.callOf(linkedid).channels.add(channel.uniqueid);
    if (!previous) return;
    previous.channels.delete(channel.uniqueid);
    if (previous.channels.size === 0) this.finish(previous, at);
  }

  private callOf(linkedid: string): TrackedCall {
    let call = this.calls.get(linkedid);
    if (!call) {
      call = { linkedid, channels: new Set(), offered: false, callerNumber: undefined, withheld: false, answered: false, queued: false, ringing: false };
      this.calls.set(linkedid, call);
    }
    return call;
  }

  private offer(call: TrackedCall, at: Date): void {
    if (call.offered) return;
    call.offered = true;
    this.signal(call, 'offered', at, {
      direction: call.direction ?? 'internal',
      callerNumber: call.withheld ? null : (call.callerNumber ?? null),
      ...(call.calledNumber ? { calledNumber: call.calledNumber } : {}),
    });
  }

  private signal(call: TrackedCall, kind: CallSignal['kind'], at: Date, extra: Partial<CallSignal> = {}): void {
    this.emit({ pbx: this.pbx, externalCallId: call.linkedid, kind, at, ...(call.queue ? { queue: call.queue } : {}), ...extra });
  }
}

function uniqueidOf(frame: AmiFrame): string | undefined {
  return frame.uniqueid || frame.uniqueid1 || undefined;
}

function linkedidOf(frame: AmiFrame): string | undefined {
  return frame.linkedid || undefined;
}

function numberOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  return WITHHELD_NUMBERS.has(raw.trim().toLowerCase()) ? null : raw.trim();
}

/** `Timestamp: 1700000000.123456` (timestampevents=yes), else the time of receipt. */
function eventTime(frame: AmiFrame, receivedAt: Date): Date {
  const stamp = Number(frame.timestamp);
  return frame.timestamp && Number.isFinite(stamp) && stamp > 0 ? new Date(Math.round(stamp * 1000)) : receivedAt;
}
