/** The SlaClockMath on the service center's calendar. */
export const SLA_CLOCK_MATH = Symbol('SLA_CLOCK_MATH');
