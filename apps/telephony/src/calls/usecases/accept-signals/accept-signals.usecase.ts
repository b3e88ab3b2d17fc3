import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '@d115/database';
import { NewEvent, OutboxWriter } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { PhonePseudonym } from '@d115/platform';
import { AgentDirectory } from '../../../shared/agent-directory';
import { telephonyMetrics } from '../../../shared/telephony.metrics';
import { TelephonyWarning } from '../../../shared/telephony-errors';
import { CallSignal, CallSignalSink } from '../../call-signal';
import { CallsRepository, keyOf } from '../../calls.repository';
import { CallRecord } from '../../domain/call-record';
import { FoldContext, foldSignals } from '../../domain/fold-signals';
import { callEvent } from '../../call-event.mapper';

/**
 * The call signal sink: folds a batch of signals into the calls they name, in one
 * transaction that also writes `call.offered` / `call.answered` / `call.ended` to the
 * outbox. External ids are locked first, so two instances (or two adapters) reporting
 * the same call serialise instead of creating it twice.
 */
@Injectable()
export class AcceptSignalsUsecase implements CallSignalSink {
  private readonly logger = childLogger('call-signals');
  private readonly context: FoldContext;

  constructor(
    private readonly transactions: Transactions,
    private readonly calls: CallsRepository,
    private readonly outbox: OutboxWriter,
    agents: AgentDirectory,
    pseudonym: PhonePseudonym,
  ) {
    this.context = { newId: uuidv7, agentIdOf: (device) => agents.agentIdOf(device), pseudonymOf: (number) => pseudonym.of(number) };
  }

  async accept(signals: readonly CallSignal[]): Promise<void> {
    if (signals.length === 0) return;
    await this.transactions.run((manager) => this.fold(manager, signals));
  }

  /** Folds inside the caller's transaction (the inbound consumer's batch). */
  async fold(manager: EntityManager, signals: readonly CallSignal[]): Promise<CallRecord[]> {
    const keys = new Set<string>();
    for (const signal of signals) {
      keys.add(keyOf(signal.pbx, signal.externalCallId));
      if (signal.continuesExternalCallId) keys.add(keyOf(signal.pbx, signal.continuesExternalCallId));
    }
    await this.calls.lockKeys(manager, [...keys]);
    const known = await this.calls.findByKeys(
      manager,
      [...keys].map((key) => {
        const [pbx, externalCallId] = key.split('\u001f');
        return { pbx, externalCallId };
      }),
    );

    const groups = new Map<string, { current: CallRecord | undefined; signals: CallSignal[]; aliases: Set<string> }>();
    /** Key → the group that holds it, so a call renamed in this batch stays one group. */
    const groupOf = new Map<string, string>();
    for (const signal of signals) {
      const own = keyOf(signal.pbx, signal.externalCallId);
      const continued = signal.continuesExternalCallId ? keyOf(signal.pbx, signal.continuesExternalCallId) : undefined;
      const record = known.get(own) ?? (continued ? known.get(continued) : undefined);
      const groupKey = record?.id ?? groupOf.get(own) ?? (continued ? groupOf.get(continued) : undefined) ?? own;
      const group = groups.get(groupKey) ?? { current: record, signals: [], aliases: new Set<string>() };
      group.signals.push(signal);
      for (const alias of continued ? [own, continued] : [own]) {
        group.aliases.add(alias);
        if (!groupOf.has(alias)) groupOf.set(alias, groupKey);
      }
      groups.set(groupKey, group);
    }

    await this.withEarlyEnds(manager, [...groups.values()]);
    const changed: CallRecord[] = [];
    const events: NewEvent<unknown>[] = [];
    const newKeys: { pbx: string; externalCallId: string; callId: string }[] = [];
    const earlyEnds: CallSignal[] = [];
    for (const group of groups.values()) {
      const result = foldSignals(group.current, group.signals, this.context);
      if (!result.record) earlyEnds.push(...group.signals.filter((signal) => signal.kind === 'ended'));
      if (result.ignored > 0) {
        telephonyMetrics.signals.inc({ kind: 'any', effect: 'ignored' }, result.ignored);
        this.logger.debug({ code: TelephonyWarning.SIGNAL_IGNORED, ignored: result.ignored, call: result.record?.id }, 'call signals changed nothing');
      }
      if (!result.record || !result.changed) continue;
      changed.push(result.record);
      for (const alias of group.aliases) {
        if (known.has(alias)) continue;
        const [pbx, externalCallId] = alias.split('\u001f');
        newKeys.push({ pbx, externalCallId, callId: result.record.id });
      }
      for (const raised of result.raised) events.push(callEvent(raised.kind, raised.snapshot));
    }
    // Call rows first (the keys reference them), then keys, then the events.
    await this.calls.save(manager, changed);
    await this.calls.addKeys(manager, newKeys);
    if (events.length > 0) await this.outbox.append(manager, events);
    await this.calls.keepEarlyEnds(manager, earlyEnds, new Date());
    telephonyMetrics.signals.inc({ kind: 'any', effect: 'folded' }, signals.length);
    return changed;
  }

  /**
   * A hangup that came before anything else of its call (a redelivered `newCall` behind its
   * `hangup`) was kept; when the call's first signals arrive, no later than that hangup, it ends
   * the call with them — rather than leaving a call that looks live until the reaper.
   */
  private async withEarlyEnds(
    manager: EntityManager,
    groups: { current: CallRecord | undefined; signals: CallSignal[]; aliases: Set<string> }[],
  ): Promise<void> {
    const fresh = groups.filter((group) => !group.current && group.signals.some((signal) => signal.kind !== 'ended'));
    if (fresh.length === 0) return;
    const keys = fresh.flatMap((group) =>
      [...group.aliases].map((alias) => {
        const [pbx, externalCallId] = alias.split('\u001f');
        return { pbx, externalCallId };
      }),
    );
    const ends = await this.calls.takeEarlyEnds(manager, keys);
    for (const end of ends) {
      const group = fresh.find((g) => g.aliases.has(keyOf(end.pbx, end.externalCallId)));
      const first = Math.min(...(group?.signals ?? []).map((signal) => signal.at.getTime()));
      if (group && first <= end.at.getTime()) group.signals.push(end);
    }
  }
}
