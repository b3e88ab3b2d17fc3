import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Processes whose CPU time is followed: a name and how to find its pids now. */
export type ProcessGroups = Record<string, () => number[]>;

type Snapshot = Record<string, Map<number, { user: number; system: number }>>;

/** CPU time (user, system) each process of each group has used so far, in ms; from /proc (Linux). */
export function cpuSnapshot(groups: ProcessGroups): Snapshot {
  return Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, processCpu(pid)]))]));
}

/**
 * What each group spent between two snapshots, per request, in ms: per process, so one that
 * started in between counts from zero (a process that ended in between is not counted).
 */
export function cpuPerRequest(before: Snapshot, after: Snapshot, requests: number): Record<string, { total: number; system: number }> {
  return Object.fromEntries(
    Object.entries(after).map(([name, processes]) => {
      let user = 0;
      let system = 0;
      for (const [pid, used] of processes) {
        const earlier = before[name]?.get(pid) ?? { user: 0, system: 0 };
        user += used.user - earlier.user;
        system += used.system - earlier.system;
      }
      return [name, { total: (user + system) / requests, system: system / requests }];
    }),
  );
}

/** The pids of every process running the named command (`comm`), e.g. all of Postgres's backends. */
export function pidsOf(command: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

function processCpu(pid: number): { user: number; system: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ms = (ticks: string) => (Number(ticks) * 1000) / CLOCK_TICKS_PER_SECOND;
    return { user: ms(fields[11]), system: ms(fields[12]) };
  } catch {
    return { user: 0, system: 0 }; // ended meanwhile
  }
}

/** The sum of per-request figures of several parts of one run (each divided by the run's whole count). */
export function sumCpu(parts: ReturnType<typeof cpuPerRequest>[]): ReturnType<typeof cpuPerRequest> {
  const sum: ReturnType<typeof cpuPerRequest> = {};
  for (const part of parts) {
    for (const [name, used] of Object.entries(part)) {
      sum[name] = { total: (sum[name]?.total ?? 0) + used.total, system: (sum[name]?.system ?? 0) + used.system };
    }
  }
  return sum;
}
