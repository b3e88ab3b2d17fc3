import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { flattenValidationErrors } from '@d115/contracts';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** An integer variable within bounds (environment values arrive as strings). */
export function IntVar(min: number, max?: number): PropertyDecorator {
  const decorators = [Transform(toInt), IsInt(), Min(min)];
  if (max !== undefined) decorators.push(Max(max));
  return applyDecorators(...decorators);
}

/** A boolean variable: 1/true/yes/on are true, anything else false. */
export function BoolVar(): PropertyDecorator {
  return applyDecorators(Transform(toBool), IsBoolean());
}

/** A TCP port; 0 lets the system choose a free one. */
export function PortVar(): PropertyDecorator {
  return IntVar(0, 65535);
}

/** Variables every d115 process reads. */
export class BaseEnv {
  /** Comma-separated NATS server URLs. */
  @IsString()
  @Matches(/^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/, { message: 'NATS_URL must be nats://host:port (comma-separated for a cluster)' })
  NATS_URL!: string;

  /** Prefix for every subject and stream (shared NATS servers, tests); empty in production. */
  @IsOptional()
  @Matches(/^[a-z0-9_-]*$/i, { message: 'D115_NAMESPACE may only contain letters, digits, "-" and "_"' })
  D115_NAMESPACE = '';

  /** Interface the HTTP server binds to. */
  @IsOptional()
  @IsString()
  HTTP_HOST = '0.0.0.0';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Deadline of a request to another service. */
  @IntVar(50)
  REQUEST_TIMEOUT_MS = 5000;

  /** Longest a graceful shutdown may take before the process exits anyway. */
  @IntVar(100)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @IntVar(1, 5)
  JETSTREAM_REPLICAS = 1;
}

/** Variables of a service that owns a schema. */
export class ServiceEnv extends BaseEnv {
  /** Port of the small HTTP server with /health/live, /health/ready and /metrics (0 = any free port). */
  @PortVar()
  OPS_PORT!: number;

  /** Postgres URL with the service's own role (postgres://role:password@host:port/database). */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Schema the service owns; defaults to the service name. */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be a lower-case identifier' })
  DATABASE_SCHEMA?: string;

  @IntVar(1, 200)
  DATABASE_POOL_SIZE = 10;

  /** Apply pending migrations at start (otherwise run `npm run migrate`). */
  @BoolVar()
  MIGRATE_ON_START = true;

  /** Deliveries of a failing event before it goes to the dead letters. */
  @IntVar(1, 100)
  CONSUMER_MAX_DELIVER = 5;

  /** Redelivery delays after the 1st, 2nd, … failure, in ms. */
  @Matches(/^\d+(,\d+)*$/, { message: 'CONSUMER_BACKOFF_MS must be comma-separated milliseconds, e.g. 1000,5000,30000' })
  CONSUMER_BACKOFF_MS = '1000,5000,30000';

  /** Events handled per consumer transaction. */
  @IntVar(1, 1000)
  CONSUMER_BATCH_SIZE = 64;

  /** How long JetStream waits for an ack before redelivering: the recovery time after a consumer dies. */
  @IntVar(500, 600000)
  CONSUMER_ACK_WAIT_MS = 5000;
}

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/** Reads and validates the environment into a typed object; names every bad or missing variable. */
export function validateEnv<T extends object>(cls: new () => T, source: Record<string, string | undefined>): T {
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((m) => m.propertyName),
  );
  const present = Object.fromEntries(Object.entries(source).filter(([key, value]) => known.has(key) && value !== undefined && value !== ''));
  const env = plainToInstance(cls, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = flattenValidationErrors(errors).map((error) => {
      const missing = !(error.path in present);
      return missing ? `${error.path} is required but not set (${error.constraints[0]})` : `${error.path}: ${error.constraints.join('; ')}`;
    });
    throw new InvalidConfigurationError(problems);
  }
  return env;
}
