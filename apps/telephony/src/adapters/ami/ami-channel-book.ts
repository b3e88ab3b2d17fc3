import { CallDirection } from '../../calls/call-signal';
import { AmiFrame } from './ami-frame-parser';
import { AmiTrunks } from './ami-trunks';
import { linkedidOf, uniqueidOf } from './ami-vocabulary';

export interface Channel {
  uniqueid: string;
  name: string;
  linkedid: string;
  trunk: boolean;
  up: boolean;
  bridge?: string;
}

/** What the tracker knows of one call (one Linkedid) while it lasts. */
export interface TrackedCall {
  linkedid: string;
  /** The channel that started the call (its Uniqueid is the Linkedid). */
  origin?: Channel;
  channels: Set<string>;
  /** Offered once there is something to say (so a withheld flag right after Newchannel is seen first). */
  offered: boolean;
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

/** Bridges that never mean "connected to another party": music while parked or waiting. */
const HOLDING = /holding|parking/i;
/** Helper channels of the PBX itself (announcements, recorders), never a party. */
const HELPER = /^(Announcer|Recorder|CBAnn|CBRec|Snoop)\//i;

/**
 * The channels, calls and bridges of one PBX as the event stream tells them: channels are
 * filed under the Linkedid of the latest event about them, calls keep the set of their
 * channels, and channels that hung up are remembered (bounded) so late events cannot bring
 * them back.
 */
export class AmiChannelBook {
  private readonly channels = new Map<string, Channel>();
  private readonly calls = new Map<string, TrackedCall>();
  private readonly bridges = new Map<string, Set<string>>();
  private gone = new Set<string>();
  private goneBefore = new Set<string>();

  constructor(private readonly trunks: AmiTrunks) {}

  channel(uniqueid: string | undefined): Channel | undefined {
    return uniqueid === undefined ? undefined : this.channels.get(uniqueid);
  }

  call(linkedid: string | undefined): TrackedCall | undefined {
    return linkedid === undefined ? undefined : this.calls.get(linkedid);
  }

  callIds(): string[] {
    return [...this.calls.keys()];
  }

  isGone(uniqueid: string): boolean {
    return this.gone.has(uniqueid) || this.goneBefore.has(uniqueid);
  }

  /**
   * Files the event's channel under the event's own Linkedid (or `linkedid` when given). Returns
   * the channel and the calls it left empty by moving (a picked-up or transferred leg).
   */
  register(frame: AmiFrame, linkedid?: string): { channel?: Channel; emptied: TrackedCall[] } {
    const uniqueid = uniqueidOf(frame);
    if (!uniqueid || this.isGone(uniqueid)) return { emptied: [] };
    const target = linkedid ?? linkedidOf(frame) ?? this.channels.get(uniqueid)?.linkedid ?? uniqueid;
    let channel = this.channels.get(uniqueid);
    if (!channel) {
      const name = frame.channel ?? uniqueid;
      channel = { uniqueid, name, linkedid: target, trunk: this.trunks.isTrunk(name, frame.context), up: false };
      this.channels.set(uniqueid, channel);
    }
    return { channel, emptied: this.move(channel, target) };
  }

  /** Moves a channel to another call; returns the previous call when that is now empty. */
  move(channel: Channel, linkedid: string): TrackedCall[] {
    this.callOf(linkedid).channels.add(channel.uniqueid);
    if (channel.linkedid === linkedid) return [];
    const previous = this.calls.get(channel.linkedid);
    channel.linkedid = linkedid;
    if (!previous) return [];
    previous.channels.delete(channel.uniqueid);
    return previous.channels.size === 0 ? [previous] : [];
  }

  /** A channel joined a bridge; returns the bridge's parties (helpers and holding bridges left out). */
  join(bridgeId: string, uniqueid: string, frame: AmiFrame): Set<string> {
    const channel = this.channels.get(uniqueid);
    if (channel) {
      channel.bridge = bridgeId;
      channel.up = true;
    }
    if (HOLDING.test(`${frame.bridgetechnology ?? ''} ${frame.bridgetype ?? ''}`) || (channel && HELPER.test(channel.name))) return new Set([uniqueid]);
    const members = this.bridges.get(bridgeId) ?? new Set<string>();
    members.add(uniqueid);
    this.bridges.set(bridgeId, members);
    return members;
  }

  leave(bridgeId: string, uniqueid: string): void {
    const members = this.bridges.get(bridgeId);
    members?.delete(uniqueid);
    if (members?.size === 0) this.bridges.delete(bridgeId);
    const channel = this.channels.get(uniqueid);
    if (channel?.bridge === bridgeId) channel.bridge = undefined;
  }

  /** A channel hung up: it leaves its bridge and its call, and is remembered as gone. */
  hangUp(uniqueid: string): Channel | undefined {
    const channel = this.channels.get(uniqueid);
    this.channels.delete(uniqueid);
    if (channel?.bridge) this.leave(channel.bridge, uniqueid);
    this.gone.add(uniqueid);
    if (this.gone.size > 50000) {
      this.goneBefore = this.gone;
      this.gone = new Set();
    }
    return channel;
  }

  callOf(linkedid: string): TrackedCall {
    let call = this.calls.get(linkedid);
    if (!call) {
      call = { linkedid, channels: new Set(), offered: false, callerNumber: undefined, withheld: false, answered: false, queued: false, ringing: false };
      this.calls.set(linkedid, call);
    }
    return call;
  }

  /** Forgets a call and its channels. */
  forget(linkedid: string): void {
    for (const uniqueid of this.calls.get(linkedid)?.channels ?? []) this.channels.delete(uniqueid);
    this.calls.delete(linkedid);
  }

  /** Forgets all channels and bridges (a reconnect's listing rebuilds them); calls stay, empty. */
  resetChannels(): void {
    this.channels.clear();
    this.bridges.clear();
    for (const call of this.calls.values()) call.channels.clear();
  }
}
