import { CallSignal, CallSignalKind } from '../call-signal';
import { CallRecord, RaisedCallEvent } from './call-record';

/** Tie-break for signals with the same time: the order a call lives through. */
const KIND_ORDER: Record<CallSignalKind, number> = {
  withheld: 0,
  offered: 1,
  queued: 2,
  ringing: 3,
  forwarded: 4,
  answered: 5,
  transferred: 6,
  ended: 7,
};

export interface FoldContext {
  newId: () => string;
  agentIdOf: (device: string) => string | null;
  pseudonymOf: (number: string | null) => string | null;
}

export interface RaisedEvent {
  kind: RaisedCallEvent;
  /** The call as it was when the event happened. */
  snapshot: CallRecord;
}

export interface FoldResult {
  record: CallRecord | undefined;
  raised: RaisedEvent[];
  /** Signals that changed nothing (duplicates, late after the end, a hangup of an unknown call). */
  ignored: number;
  changed: boolean;
}

/** Signals of one call in the order they happened (stable for equal times). */
export function inCallOrder(signals: readonly CallSignal[]): CallSignal[] {
  return [...signals].sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/**
 * Folds one call's signals into its record. Idempotent (a signal applied twice
 * changes nothing the second time), so duplicates are harmless; times take the
 * earliest report, so order of arrival within a batch does not matter; an ended
 * call is final (one `ended` per call) and later signals are ignored; a hangup
 * for a call never seen creates nothing (there is no call to end).
 */
export function foldSignals(existing: CallRecord | undefined, signals: readonly CallSignal[], context: FoldContext): FoldResult {
  const raised: RaisedEvent[] = [];
  let ignored = 0;
  let changed = false;
  let record = existing ? { ...existing } : undefined;
  for (const signal of inCallOrder(signals)) {
    if (!record) {
      if (signal.kind === 'ended') {
        ignored++;
        continue;
      }
      record = open(signal, context);
      apply(record, signal, context);
      raised.push({ kind: 'offered', snapshot: { ...record, answeredAt: null, endedAt: null, outcome: null } });
      changed = true;
      if (signal.kind === 'answered') raised.push({ kind: 'answered', snapshot: { ...record } });
      continue;
    }
    if (record.endedAt) {
      ignored++;
      continue;
    }
    const before = JSON.stringify(record);
    const wasAnswered = record.answeredAt !== null;
    apply(record, signal, context);
    if (!wasAnswered && record.answeredAt) raised.push({ kind: 'answered', snapshot: { ...record } });
    if (record.endedAt) raised.push({ kind: 'ended', snapshot: { ...record } });
    if (JSON.stringify(record) === before) ignored++;
    else changed = true;
  }
  return { record, raised, ignored, changed };
}

function open(signal: CallSignal, context: FoldContext): CallRecord {
  return {
    id: context.newId(),
    pbx: signal.pbx,
    externalCallId: signal.externalCallId,
    direction: signal.direction ?? 'inbound',
    callerNumber: null,
    callerWithheld: false,
    callerPseudonym: null,
    calledNumber: null,
    queue: null,
    agent: null,
    agentId: null,
    offeredAt: signal.at,
    queuedAt: null,
    ringingAt: null,
    answeredAt: null,
    transferredAt: null,
    endedAt: null,
    outcome: null,
    transferred: false,
    forwarded: false,
    cause: null,
    lastSignalAt: signal.at,
  };
}

const earliest = (current: Date | null, at: Date): Date => (current && current.getTime() <= at.getTime() ? current : at);
const latest = (current: Date, at: Date): Date => (current.getTime() >= at.getTime() ? current : at);

function apply(record: CallRecord, signal: CallSignal, context: FoldContext): void {
  record.lastSignalAt = latest(record.lastSignalAt, signal.at);
  record.offeredAt = earliest(record.offeredAt, signal.at);
  if (signal.direction) record.direction = signal.direction;
  if (signal.calledNumber && !record.calledNumber) record.calledNumber = signal.calledNumber;
  if (signal.queue) record.queue = signal.queue;
  if (signal.kind === 'withheld' || signal.callerNumber === null) withhold(record);
  else if (signal.callerNumber && !record.callerWithheld) {
    record.callerNumber = signal.callerNumber;
    record.callerPseudonym = context.pseudonymOf(signal.callerNumber);
  }
  switch (signal.kind) {
    case 'queued':
      record.queuedAt = earliest(record.queuedAt, signal.at);
      break;
    case 'ringing':
      record.ringingAt = earliest(record.ringingAt, signal.at);
      break;
    case 'answered':
      record.answeredAt = earliest(record.answeredAt, signal.at);
      if (signal.agent && !record.agent) {
        record.agent = signal.agent;
        record.agentId = context.agentIdOf(signal.agent);
      }
      break;
    case 'transferred':
      record.transferred = true;
      record.transferredAt = earliest(record.transferredAt, signal.at);
      break;
    case 'forwarded':
      record.forwarded = true;
      break;
    case 'ended':
      record.endedAt = latest(signal.at, record.answeredAt ?? record.offeredAt);
      record.outcome = record.answeredAt ? 'answered' : signal.outcome && signal.outcome !== 'answered' ? signal.outcome : unansweredOutcome(record);
      record.cause = signal.cause ?? null;
      break;
    default:
      break;
  }
}

function withhold(record: CallRecord): void {
  record.callerWithheld = true;
  record.callerNumber = null;
  record.callerPseudonym = null;
}

/** An unanswered call without a reason: the caller gave up (inbound) or nobody took it. */
function unansweredOutcome(record: CallRecord): CallRecord['outcome'] {
  return record.direction === 'inbound' ? 'abandoned' : 'no-answer';
}
