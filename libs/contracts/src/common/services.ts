/** The six d115 services. The name is also the NATS queue group and the Postgres schema. */
export const SERVICE_NAMES = ['gateway', 'telephony', 'mail', 'tickets', 'knowledge', 'appointments'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that own a schema (the gateway is stateless). */
export const STATEFUL_SERVICES = ['telephony', 'mail', 'tickets', 'knowledge', 'appointments'] as const;
export type StatefulServiceName = (typeof STATEFUL_SERVICES)[number];
