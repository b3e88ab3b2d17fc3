/**
 * Pairs of live bookings at the same office and counter whose times overlap:
 * what a double booking is, counted from the appointments themselves (not from
 * booked_unit, whose key is what is supposed to prevent them). The contention
 * test and `npm run bench -- appointments` report it; `$1` is "now" (lapsed holds do not count).
 */
export const doubleBookingsSql = (schema: string) => `
  SELECT count(*)::int AS n FROM ${schema}.appointment a JOIN ${schema}.appointment b
    ON a.office_id = b.office_id AND a.counter = b.counter AND a.id < b.id
   AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
  WHERE a.status IN ('reserved', 'preconfirmed', 'confirmed') AND b.status IN ('reserved', 'preconfirmed', 'confirmed')
    AND (a.hold_until IS NULL OR a.hold_until > $1) AND (b.hold_until IS NULL OR b.hold_until > $1)`;
