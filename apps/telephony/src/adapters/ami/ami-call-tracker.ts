import { CallSignal } from '../../calls/call-signal';
import { peerOf } from '../../shared/agent-directory';
import { AmiChannelBook, Channel, TrackedCall } from './ami-channel-book';
import { AmiFrame } from './ami-frame-parser';
import { AmiTrunks } from './ami-trunks';
import { eventTime, isUp, numberOf, outcomeOfCause, outcomeOfDialStatus, QUIET, uniqueidOf } from './ami-vocabulary';

export interface TrackerNotice {
  kind: 'unknown-event';
  event: string;
}

/** Events after which a call from a trunk is offered (the first exchange may still withhold the number). */
const NOT_YET_OFFERED = /^(newchannel|newcallerid|varset)$/i;

/**
 * Turns one PBX's AMI events into call signals. Channels are grouped into calls by each
 * event's own Linkedid (a channel that is picked up or transferred changes its Linkedid,
 * and moves with it); a call ends when its last channel is gone. "Answered" means the call
 * is bridged to another party — the PBX answering for music on hold or an IVR is not an
 * answer. The number of a caller who withholds it (CID-CallingPres "Prohibited") is
 * never passed on. Holds only what the protocol needs; the sink owns the call records.
 */
export class AmiCallTracker {
  private readonly book: AmiChannelBook;

  constructor(
    private readonly pbx: string,
    private readonly trunks: AmiTrunks,
    private readonly emit: (signal: CallSignal) => void,
    private readonly notice: (notice: TrackerNotice) => void = () => undefined,
  ) {
    this.book = new AmiChannelBook(trunks);
  }

  /** Calls in progress as this tracker knows them (Linkedids). */
  liveCalls(): string[] {
    return this.book.callIds();
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
        // Asterisk 11: SubEvent Begin/End, no Linkedid of the destination.
        return frame.subevent?.toLowerCase() === 'end' ? this.dialEnd(frame, at) : this.dialBegin(frame, at);
      case 'dialend':
        return this.dialEnd(frame, at);
      case 'queuecallerjoin':
      case 'join':
        return this.queued(frame, at);
      case 'agentcalled':
        return this.agentCalled(frame, at);
      case 'bridgeenter':
        return this.bridgeEnter(frame, at);
      case 'bridgeleave':
        return this.bridgeLeave(frame, at);
      case 'bridge':
      case 'link':
        // Asterisk 11 and older: one event for both channels (Bridgestate: Link).
        return this.legacyBridge(frame, at);
      case 'blindtransfer':
      case 'attendedtransfer':
        return this.transfer(frame, at);
      case 'hangup':
        return this.hangup(frame, at);
      case 'coreshowchannel':
        return this.shownChannel(frame, at);
      case 'queuecallerleave':
      case 'queuecallerabandon':
      case 'leave':
      case 'agentconnect':
      case 'agentcomplete':
      case 'localbridge':
        return void this.touch(frame, at);
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
    for (const linkedid of new Set([...this.book.callIds(), ...storedLive])) {
      if (listed.has(linkedid)) continue;
      this.book.forget(linkedid);
      this.emit({ pbx: this.pbx, externalCallId: linkedid, kind: 'ended', at, cause: 'reconciled' });
    }
  }

  /** Forgets all channels (before a reconnect's listing rebuilds them). */
  resetChannels(): void {
    this.book.resetChannels();
  }

  private newChannel(frame: AmiFrame, at: Date): void {
    const channel = this.register(frame, at);
    if (channel) this.originate(channel, frame);
  }

  /** The first channel of a call (its Uniqueid is the Linkedid) says who calls and whether from outside. */
  private originate(channel: Channel, frame: AmiFrame): void {
    const call = this.book.callOf(channel.linkedid);
    if (channel.uniqueid !== channel.linkedid || call.origin) return;
    call.origin = channel;
    call.callerNumber ??= numberOf(frame.calleridnum);
    if (channel.trunk) call.direction = 'inbound';
    if (frame.exten && frame.exten !== 's' && !call.calledNumber) call.calledNumber = frame.exten;
  }

  private callerId(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    const channel = this.book.channel(uniqueidOf(frame));
    if (channel && call.origin !== channel) return;
    if (/prohibited/i.test(frame['cid-callingpres'] ?? '')) {
      call.withheld = true;
      call.callerNumber = null;
      if (call.offered) this.signal(call, 'withheld', at);
    } else if (!call.withheld && frame.calleridnum) call.callerNumber = numberOf(frame.calleridnum);
  }

  private newState(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    const channel = this.book.channel(uniqueidOf(frame));
    if (channel && isUp(frame)) channel.up = true;
    if (call && channel && call.origin === channel && !channel.trunk && frame.connectedlinenum && !call.calledNumber) {
      call.calledNumber = frame.connectedlinenum;
    }
  }

  private dialBegin(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    if (!call) return;
    const destination = frame.destchannel ?? frame.destination;
    // Without a DestLinkedid (Asterisk 11), the dialled channel belongs to the caller's call.
    const destUniqueid = frame.destuniqueid ?? frame.destuniqueid1;
    const dest = destUniqueid && !frame.destlinkedid ? this.book.channel(destUniqueid) : undefined;
    if (dest) for (const emptied of this.book.move(dest, call.linkedid)) this.finish(emptied, at);
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
    call.queue = frame.queue ?? call.queue;
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
    const members = this.book.join(bridgeId, uniqueid, frame);
    if (members.size >= 2 && !call.answered) this.answer(call, members, at);
  }

  private bridgeLeave(frame: AmiFrame, at: Date): void {
    this.touch(frame, at);
    const uniqueid = uniqueidOf(frame);
    const bridgeId = frame.bridgeuniqueid ?? frame.bridgeid;
    if (uniqueid && bridgeId) this.book.leave(bridgeId, uniqueid);
  }

  /** `Bridge`/`Link` (Asterisk 11 and older): Uniqueid1 and Uniqueid2 are connected. */
  private legacyBridge(frame: AmiFrame, at: Date): void {
    if (frame.bridgestate && !/^link$/i.test(frame.bridgestate)) return;
    const [first, second] = [frame.uniqueid1, frame.uniqueid2];
    const channel = this.book.channel(first);
    const call = this.book.call(channel?.linkedid);
    if (!call || !first || !second) return;
    const other = this.book.channel(second);
    if (other) for (const emptied of this.book.move(other, call.linkedid)) this.finish(emptied, at);
    const bridgeId = `legacy:${first}`;
    this.book.join(bridgeId, first, frame);
    const members = this.book.join(bridgeId, second, frame);
    if (!call.answered) this.answer(call, members, at);
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
      const channel = device(this.book.channel(uniqueid));
      if (channel && channel !== call.origin) return peerOf(channel.name);
    }
    if (call.lastAnsweredDevice) return peerOf(call.lastAnsweredDevice);
    for (const uniqueid of call.channels) {
      const channel = device(this.book.channel(uniqueid));
      if (channel && channel !== call.origin && channel.up) return peerOf(channel.name);
    }
    return undefined;
  }

  private transfer(frame: AmiFrame, at: Date): void {
    const call = this.book.call(frame.transfereelinkedid ?? frame.origtransfererlinkedid ?? frame.linkedid);
    if (!call || (frame.result && !/success/i.test(frame.result))) return;
    if (call.offered) this.signal(call, 'transferred', at);
  }

  private hangup(frame: AmiFrame, at: Date): void {
    const call = this.touch(frame, at);
    const uniqueid = uniqueidOf(frame);
    if (!uniqueid) return;
    const channel = this.book.hangUp(uniqueid);
    if (!call) return;
    if (channel && call.origin === channel) call.hangupCause = frame.cause;
    call.channels.delete(uniqueid);
    if (call.channels.size === 0) this.finish(call, at);
  }

  private finish(call: TrackedCall, at: Date): void {
    this.book.forget(call.linkedid);
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
    const channel = this.register(frame, at);
    if (!channel) return;
    this.originate(channel, frame);
    const call = this.book.callOf(channel.linkedid);
    if (isUp(frame)) channel.up = true;
    const bridgeId = frame.bridgeid || frame.bridgeuniqueid;
    if (!bridgeId) return;
    const members = this.book.join(bridgeId, channel.uniqueid, frame);
    if (members.size >= 2 && !call.answered) this.answer(call, members, at);
  }

  /** Files the channel under the event's Linkedid; calls left empty by the move are finished. */
  private register(frame: AmiFrame, at: Date): Channel | undefined {
    const { channel, emptied } = this.book.register(frame);
    for (const call of emptied) this.finish(call, at);
    return channel;
  }

  /** The call an event belongs to, by its own Linkedid; unknown channels are registered. */
  private touch(frame: AmiFrame, at: Date): TrackedCall | undefined {
    const uniqueid = uniqueidOf(frame);
    const linkedid = frame.linkedid || undefined;
    if (!uniqueid && !linkedid) return undefined;
    const known = this.book.channel(uniqueid) !== undefined;
    if (uniqueid && !known && (this.book.isGone(uniqueid) || frame.event?.toLowerCase() === 'hangup')) return this.book.call(linkedid);
    const channel = uniqueid ? this.register(frame, at) : undefined;
    const call = this.book.call(linkedid ?? channel?.linkedid);
    if (call && call.origin?.trunk && !call.offered && !NOT_YET_OFFERED.test(frame.event ?? '')) this.offer(call, at);
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
