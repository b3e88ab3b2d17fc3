import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceLevelGranularity } from '@d115/contracts';
import { Contribution, ServiceLevelSums } from './domain/contribution';

export interface FigureRow extends ServiceLevelSums {
  start: Date;
  end: Date;
  queue: string | null;
  wrappedUp: number;
  resolved: number;
  p90WaitSeconds: number | null;
}

/** Service-level days are local days of the service center. */
export const TIME_ZONE = 'Europe/Berlin';

export interface FigureQuery {
  from: Date;
  to: Date;
  queue?: string;
  granularity: ServiceLevelGranularity;
  timeZone: string;
  /** `from` and `to` are local midnights: day and total percentiles may read the per-day histogram. */
  wholeDays?: boolean;
}

/** The group expression of a granularity (the local day for `day`). */
function groupOf(granularity: ServiceLevelGranularity): string {
  switch (granularity) {
    case 'interval':
      return 'interval_start';
    case 'day':
      return `(date_trunc('day', interval_start AT TIME ZONE $4) AT TIME ZONE $4)`;
    case 'total':
      return '$1::timestamptz';
  }
}

function endOf(granularity: ServiceLevelGranularity): string {
  switch (granularity) {
    case 'interval':
      return `period + interval '15 minutes'`;
    case 'day':
      return `((date_trunc('day', period AT TIME ZONE $4) + interval '1 day') AT TIME ZONE $4)`;
    case 'total':
      return '$2::timestamptz';
  }
}

/**
 * Per-queue, per-15-minute aggregates kept as calls end (and as they are wrapped up), plus a
 * histogram of answered waits to the second. A month's report reads ≈3,000 rows per queue,
 * not the calls.
 */
@Injectable()
export class ServiceLevelRepository {
  async add(manager: EntityManager, c: Contribution): Promise<void> {
    await manager.query(
      `INSERT INTO service_level_interval AS s (queue, interval_start, offered, answered, answered_in_threshold, abandoned, abandoned_wait_ms,
                                                short_abandoned, unanswered_other, answered_wait_ms, talk_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (queue, interval_start) DO UPDATE SET
         offered = s.offered + EXCLUDED.offered, answered = s.answered + EXCLUDED.answered,
         answered_in_threshold = s.answered_in_threshold + EXCLUDED.answered_in_threshold, abandoned = s.abandoned + EXCLUDED.abandoned,
         abandoned_wait_ms = s.abandoned_wait_ms + EXCLUDED.abandoned_wait_ms, short_abandoned = s.short_abandoned + EXCLUDED.short_abandoned,
         unanswered_other = s.unanswered_other + EXCLUDED.unanswered_other, answered_wait_ms = s.answered_wait_ms + EXCLUDED.answered_wait_ms,
         talk_ms = s.talk_ms + EXCLUDED.talk_ms`,
      [
        c.queue,
        c.intervalStart,
        c.offered,
        c.answered,
        c.answeredInThreshold,
        c.abandoned,
        c.abandonedWaitMs,
        c.shortAbandoned,
        c.unansweredOther,
        c.answeredWaitMs,
        c.talkMs,
      ],
    );
    if (c.waitSeconds === null) return;
    await manager.query(
      `WITH per_interval AS (
         INSERT INTO service_level_wait AS w (queue, interval_start, wait_s, calls) VALUES ($1, $2, $3, 1)
         ON CONFLICT (queue, interval_start, wait_s) DO UPDATE SET calls = w.calls + 1)
       INSERT INTO service_level_wait_day AS d (queue, day, wait_s, calls) VALUES ($1, ($2::timestamptz AT TIME ZONE $4)::date, $3, 1)
       ON CONFLICT (queue, day, wait_s) DO UPDATE SET calls = d.calls + 1`,
      [c.queue, c.intervalStart, c.waitSeconds, TIME_ZONE],
    );
  }

  async addWrapUp(manager: EntityManager, queue: string, intervalStart: Date, resolved: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO service_level_interval AS s (queue, interval_start, wrapped_up, resolved) VALUES ($1, $2, 1, $3)
       ON CONFLICT (queue, interval_start) DO UPDATE SET wrapped_up = s.wrapped_up + 1, resolved = s.resolved + EXCLUDED.resolved`,
      [queue, intervalStart, resolved ? 1 : 0],
    );
  }

  /** Wait histogram per period: from whole local days when the range allows it (a month: ≈ 30 rows per wait and queue). */
  private waits(query: FigureQuery, where: string): string {
    if (query.wholeDays && query.granularity !== 'interval') {
      const period = query.granularity === 'day' ? '(day::timestamp AT TIME ZONE $4)' : '$1::timestamptz';
      return `SELECT ${period} AS period, wait_s, sum(calls) calls FROM service_level_wait_day
               WHERE day >= ($1::timestamptz AT TIME ZONE $4)::date AND day < ($2::timestamptz AT TIME ZONE $4)::date
                 AND ($3::text IS NULL OR queue = $3) GROUP BY 1, 2`;
    }
    return `SELECT ${groupOf(query.granularity)} AS period, wait_s, sum(calls) calls FROM service_level_wait WHERE ${where} GROUP BY 1, 2`;
  }

  /** Sums per period (and queue when one is asked for), with the nearest-rank 90th percentile of answered waits. */
  async figures(manager: EntityManager, query: FigureQuery): Promise<FigureRow[]> {
    const group = groupOf(query.granularity);
    const params = [query.from, query.to, query.queue ?? null, query.timeZone];
    const where = `interval_start >= $1 AND interval_start < $2 AND ($3::text IS NULL OR queue = $3)`;
    const rows: Record<string, string | Date | null>[] = await manager.query(
      `WITH sums AS (
         SELECT ${group} AS period, sum(offered) offered, sum(answered) answered, sum(answered_in_threshold) answered_in_threshold,
                sum(abandoned) abandoned, sum(abandoned_wait_ms) abandoned_wait_ms, sum(short_abandoned) short_abandoned,
                sum(unanswered_other) unanswered_other, sum(answered_wait_ms) answered_wait_ms, sum(talk_ms) talk_ms,
                sum(wrapped_up) wrapped_up, sum(resolved) resolved
           FROM service_level_interval WHERE ${where} AND $4::text IS NOT NULL GROUP BY 1),
       waits AS (${this.waits(query, where)}),
       ranked AS (
         SELECT period, wait_s, sum(calls) OVER (PARTITION BY period ORDER BY wait_s) running, sum(calls) OVER (PARTITION BY period) total FROM waits),
       p90 AS (
         SELECT period, min(wait_s) AS wait_s FROM ranked WHERE running >= ceil(0.9 * total) GROUP BY period)
       SELECT sums.*, ${endOf(query.granularity)} AS period_end, p90.wait_s AS p90 FROM sums LEFT JOIN p90 USING (period) ORDER BY period`,
      params,
    );
    return rows.map((row) => ({
      start: new Date(row.period as Date),
      end: new Date(row.period_end as Date),
      queue: query.queue ?? null,
      offered: Number(row.offered),
      answered: Number(row.answered),
      answeredInThreshold: Number(row.answered_in_threshold),
      abandoned: Number(row.abandoned),
      abandonedWaitMs: Number(row.abandoned_wait_ms),
      shortAbandoned: Number(row.short_abandoned),
      unansweredOther: Number(row.unanswered_other),
      answeredWaitMs: Number(row.answered_wait_ms),
      talkMs: Number(row.talk_ms),
      wrappedUp: Number(row.wrapped_up),
      resolved: Number(row.resolved),
      p90WaitSeconds: row.p90 === null ? null : Number(row.p90),
    }));
  }
}
