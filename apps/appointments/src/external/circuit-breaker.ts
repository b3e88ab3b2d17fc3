import { AppointmentErrorCode } from '@d115/contracts';
import { AppointmentsException } from '../shared/appointments.exception';

/**
 * A breaker per external system: after `threshold` failures in a row it opens
 * and refuses calls at once (EXTERNAL_UNAVAILABLE) for `cooldownMs`; then one
 * call may try (half-open), and its outcome closes or reopens the breaker. Only
 * failures of the system count (timeouts, 5xx, refused connections), not
 * answers that reject our request.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trial = false;

  constructor(
    private readonly name: string,
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.threshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  async run<T>(call: () => Promise<T>, isSystemFailure: (error: unknown) => boolean): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trial)) {
      throw new AppointmentsException(AppointmentErrorCode.EXTERNAL_UNAVAILABLE, `${this.name} is unavailable (circuit open); try again later`);
    }
    this.trial = state === 'half-open';
    try {
      const result = await call();
      this.failures = 0;
      return result;
    } catch (error) {
      if (isSystemFailure(error)) {
        this.failures++;
        if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
      }
      throw error;
    } finally {
      this.trial = false;
    }
  }
}
