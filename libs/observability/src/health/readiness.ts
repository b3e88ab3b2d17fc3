import { CheckStatus } from '@d115/contracts';

/** Something the service needs to do its work (database, NATS); reports up or down. */
export interface ReadinessCheck {
  readonly name: string;
  isUp(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Runs all checks in parallel with a deadline each; a check that throws or hangs is down. */
export async function runChecks(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, CheckStatus> }> {
  const results = await Promise.all(
    checks.map(async (check) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const up = await Promise.race([check.isUp().catch(() => false), deadline]);
      clearTimeout(timer);
      return [check.name, up ? 'up' : 'down'] as const;
    }),
  );
  const statuses = Object.fromEntries(results) as Record<string, CheckStatus>;
  return { ready: results.every(([, status]) => status === 'up'), checks: statuses };
}
