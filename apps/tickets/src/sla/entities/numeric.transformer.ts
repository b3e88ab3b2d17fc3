import { ValueTransformer } from 'typeorm';

/** Postgres `numeric` arrives as a string; the SLA works in (fractional) minutes. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
