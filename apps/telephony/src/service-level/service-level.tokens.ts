/** Injection token of the service-hours calendar. */
export const SERVICE_HOURS = Symbol('SERVICE_HOURS');
