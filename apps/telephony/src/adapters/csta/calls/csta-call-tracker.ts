import { CstaErrorCode } from '@d115/contracts';
import { CallDirection, CallSignal } from '../../../calls/call-signal';
import { CstaEvent } from '../parser/csta-message';
import { endOutcome, outcomeOfCause } from './csta-causes';
import { mergeCalls } from './csta-call-merge';
import { CstaDevicesPlan } from './csta-devices-plan';
import { TrackedCall, TrackedCalls } from './csta-tracked-call';

export interface TrackerWarning {
  code: CstaErrorCode;
  message: string;
}

export interface Tracked {
  signals: CallSignal[];
  warnings: TrackerWarning[];
}

/**
 * Turns one telephone system's CSTA events into call signals: connection/callID → call,
 * device roles → caller, agent and queue, the connection states → ringing, answered, ended
 * with its outcome, and a TransferedEvent's old and new calls → one call continuing under the
 * new id. Duplicates (the same event through two monitors) and late events for finished calls
 * produce nothing; an event for a call never seen starts tracking it (a restart mid-call).
 */
export class CstaCallTracker {
  private readonly calls = new TrackedCalls();

  constructor(
    private readonly pbx: string,
    private readonly plan: CstaDevicesPlan,
  ) {}

  apply(event: CstaEvent, receivedAt: Date): Tracked {
    const out: Tracked = { signals: [], warnings: [] };
    const callId = event.connection?.callId ?? event.transfer?.secondaryOldCall?.callId;
    if (!callId) {
      out.warnings.push({ code: CstaErrorCode.EVENT_INCOMPLETE, message: `${event.type}Event without a callID` });
      return out;
    }
    const at = event.at ?? receivedAt;
    // A transfer is known by either of its calls; an event about a finished or merged call changes nothing.
    const secondary = event.transfer?.secondaryOldCall?.callId;
    const known = this.calls.get(callId) ?? (secondary ? this.calls.get(secondary) : undefined);
    const call = known ?? (this.calls.isRetired(callId) ? undefined : this.begin(callId, event, at, out));
    if (!call) return out;
    const signals: CallSignal[] = [];
    this.withholdIfSaid(call, event, at, signals);
    switch (event.type) {
      case 'Delivered':
        this.delivered(call, event, at, signals);
        break;
      case 'Queued':
        this.queued(call, event, at, signals);
        break;
      case 'Established':
        this.established(call, event, at, signals);
        break;
      case 'Diverted':
        this.diverted(call, event, at, signals);
        break;
      case 'Failed':
        call.failureCause = event.cause ?? call.failureCause;
        break;
      case 'Transfered':
        this.transfered(call, event, at, signals);
        break;
      case 'Conferenced':
        this.conferenced(call, event, at, signals);
        break;
      case 'ConnectionCleared':
        if (this.endsCall(call, event)) this.end(call, at, event.cause, signals);
        break;
      case 'CallCleared':
        this.end(call, at, event.cause, signals);
        break;
      case 'Originated':
        break;
    }
    if (!call.consultation) out.signals.push(...signals);
    return out;
  }

  /** The callIDs of the calls in progress. */
  inProgressIds(): string[] {
    return this.calls.ids();
  }

  /** Ends the calls among `known` that the system no longer has (`live`): they ended while nobody listened. */
  reconcile(known: readonly string[], live: ReadonlySet<string>, at: Date): CallSignal[] {
    const signals: CallSignal[] = [];
    for (const id of known) {
      const call = this.calls.get(id);
      if (!call || live.has(id)) continue;
      const ended: CallSignal[] = [];
      this.end(call, at, undefined, ended);
      if (!call.consultation) signals.push(...ended);
    }
    return signals;
  }

  private begin(callId: string, event: CstaEvent, at: Date, out: Tracked): TrackedCall | undefined {
    const calling = event.devices.calling;
    if (event.type === 'ConnectionCleared' || event.type === 'CallCleared') {
      // A hangup for a call never seen (a restart mid-call, or out of order): the sink decides.
      out.warnings.push({ code: CstaErrorCode.CALL_UNKNOWN, message: `${event.type}Event for unknown call ${callId}` });
      // Only a cause that names a failure says how it ended; "someone hung up" does not, without the state.
      const named = outcomeOfCause(event.cause);
      const outcome = named === 'abandoned' ? undefined : named;
      out.signals.push({ ...this.base(callId, at), kind: 'ended', ...(outcome ? { outcome } : {}), ...(event.cause ? { cause: event.cause } : {}) });
      this.calls.retire(callId);
      return undefined;
    }
    // A trunk named as the caller (Avaya `T5011#1` without CLI) is no number of a person.
    const callerNumber = calling?.number && !this.plan.isTrunk(calling.number) ? calling.number : null;
    const callerDevices = new Set<string>();
    if (calling?.number) callerDevices.add(calling.number);
    const callingConnection = event.type === 'Originated' ? event.connection?.deviceId : undefined;
    if (callingConnection) callerDevices.add(callingConnection);
    const call: TrackedCall = {
      externalCallId: callId,
      direction: this.direction(callerNumber, event.devices.called?.number),
      callerNumber,
      callerDevices,
      calledNumber: event.devices.called?.number ?? undefined,
      established: false,
      agents: new Set(),
      consultation: this.isConsultation(callerNumber),
      ringing: new Set(),
      queues: new Set(),
      forwardedTo: new Set(),
    };
    this.calls.track(callId, call);
    if (!call.consultation) {
      const called = event.devices.called?.number;
      out.signals.push({ ...this.base(callId, at), kind: 'offered', direction: call.direction, callerNumber, ...(called ? { calledNumber: called } : {}) });
    }
    return call;
  }

  private direction(caller: string | null | undefined, called: string | null | undefined): CallDirection {
    const fromInside = this.plan.isInternal(caller);
    if (!fromInside) return 'inbound';
    return this.plan.isInternal(called) ? 'internal' : 'outbound';
  }

  /** A call from an agent's phone while that phone holds an answered call is an enquiry (consultation). */
  private isConsultation(caller: string | null): boolean {
    if (!caller || !this.plan.isInternal(caller)) return false;
    for (const call of this.calls.values()) if (call.established && !call.consultation && call.agent === caller) return true;
    return false;
  }

  private withholdIfSaid(call: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    if (!event.devices.calling?.withheld || call.callerNumber === null) return;
    call.callerNumber = null;
    signals.push({ ...this.base(call.externalCallId, at), kind: 'withheld', callerNumber: null });
  }

  private delivered(call: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    // An outbound call's far end ringing says nothing about an agent.
    if (call.established || call.direction === 'outbound') return;
    const alerting = this.agentAmong(call, event.devices.alerting?.number, event.connection?.deviceId);
    if (!alerting || call.ringing.has(alerting)) return;
    call.ringing.add(alerting);
    signals.push({ ...this.base(call.externalCallId, at), kind: 'ringing', agent: alerting });
  }

  /**
   * The agent's device among an event's candidates (the named device, then the connection's):
   * a monitored phone first; else any device that is neither a trunk, a queue, the caller nor
   * the dialled number (an agent outside the monitored list, reached through a queue).
   */
  private agentAmong(call: TrackedCall, ...candidates: (string | null | undefined)[]): string | undefined {
    const devices = candidates.filter((d): d is string => !!d && !call.callerDevices.has(d) && !call.queues.has(d) && this.plan.isAgentDevice(d));
    return devices.find((d) => this.plan.isInternal(d)) ?? devices.find((d) => d !== call.calledNumber);
  }

  private queued(call: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    const queue = event.devices.queue?.number ?? event.connection?.deviceId;
    if (call.established || !queue || call.queues.has(queue)) return;
    call.queues.add(queue);
    signals.push({ ...this.base(call.externalCallId, at), kind: 'queued', queue });
  }

  private established(call: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    if (call.established) return;
    const named = [event.devices.answering?.number, event.connection?.deviceId];
    // Outbound: answered when the far end (any device but the caller's) is; the agent is the service center's phone that called.
    const farEnd = call.direction === 'outbound' && named.some((device) => device && !call.callerDevices.has(device));
    const answering = farEnd ? [...call.callerDevices].find((device) => this.plan.isInternal(device)) : this.agentAmong(call, ...named);
    if (!answering) return;
    const agent = answering;
    call.established = true;
    call.agent = agent;
    call.agents.add(agent);
    signals.push({ ...this.base(call.externalCallId, at), kind: 'answered', agent });
  }

  private diverted(call: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    const to = event.devices.divertedTo?.number;
    if (call.established || !to || call.forwardedTo.has(to)) return;
    call.forwardedTo.add(to);
    const from = event.devices.diverting?.number;
    if (from) call.ringing.delete(from);
    signals.push({ ...this.base(call.externalCallId, at), kind: 'forwarded', agent: to, ...(event.cause ? { cause: event.cause } : {}) });
  }

  /** The call goes on with the party it was transferred to, under the callID the merge leaves. */
  private transfered(first: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    const merged = mergeCalls(this.calls, first, event);
    if (!merged) return;
    const { main, newId, previousId } = merged;
    const transferring = event.devices.transferring?.number;
    const to =
      event.devices.transferredTo?.number ??
      event
        .transfer!.newConnections.map((connection) => connection.deviceId)
        .find((device) => device && device !== transferring && !main.callerDevices.has(device));
    if (to) {
      main.agent = to;
      main.agents = new Set([to]);
    }
    signals.push({
      ...this.base(newId, at),
      kind: 'transferred',
      ...(to ? { agent: to } : {}),
      ...(previousId !== newId ? { continuesExternalCallId: previousId } : {}),
      ...(event.cause ? { cause: event.cause } : {}),
    });
  }

  /**
   * A conference adds the enquiry's party to the call; the agent stays. Only a new callID is
   * news for the call model: the answered call continues under it.
   */
  private conferenced(first: TrackedCall, event: CstaEvent, at: Date, signals: CallSignal[]): void {
    const merged = mergeCalls(this.calls, first, event);
    if (!merged) return;
    const { main, newId, previousId } = merged;
    const added = event.devices.addedParty?.number;
    if (added && !main.callerDevices.has(added)) main.agents.add(added);
    for (const connection of event.transfer!.newConnections) {
      if (connection.deviceId && this.plan.isInternal(connection.deviceId)) main.agents.add(connection.deviceId);
    }
    if (previousId !== newId && main.established) {
      signals.push({ ...this.base(newId, at), kind: 'answered', agent: main.agent!, continuesExternalCallId: previousId });
    }
  }

  /**
   * A connection cleared: the call is over when the caller's side left (its device, a trunk, or
   * on an inbound call any device that is not one of ours), or the last of our parties after the
   * answer; before it, a phone that stops ringing ends nothing.
   */
  private endsCall(call: TrackedCall, event: CstaEvent): boolean {
    const dropped = event.connection?.deviceId ?? event.devices.releasing?.number;
    if (!dropped) return true;
    if (call.callerDevices.has(dropped) || this.plan.isTrunk(dropped)) return true;
    const ours =
      this.plan.isInternal(dropped) || call.ringing.has(dropped) || call.agents.has(dropped) || call.forwardedTo.has(dropped) || call.queues.has(dropped);
    if (!ours && call.direction === 'inbound') return true;
    if (call.established) {
      call.agents.delete(dropped);
      return call.agents.size === 0;
    }
    call.ringing.delete(dropped);
    return false;
  }

  private end(call: TrackedCall, at: Date, cause: string | undefined, signals: CallSignal[]): void {
    const outcome = endOutcome(call.direction, call.established, call.failureCause, cause);
    const reported = cause ?? call.failureCause;
    signals.push({ ...this.base(call.externalCallId, at), kind: 'ended', outcome, ...(reported ? { cause: reported } : {}) });
    this.calls.retire(call.externalCallId);
  }

  private base(externalCallId: string, at: Date): Pick<CallSignal, 'pbx' | 'externalCallId' | 'at'> {
    return { pbx: this.pbx, externalCallId, at };
  }
}
