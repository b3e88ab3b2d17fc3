import { IsString, Matches, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';
import { TICKET_CHANNELS } from './ticket.events';

/** Skill names: lower-case words with dots or dashes, e.g. `lang.de`, `kfz`, `leika.99123`. */
export const SKILL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Queue ids: lower-case kebab-case. */
export const QUEUE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Who acts: an agent id or `system:<name>`. */
export const ACTOR = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

/** `{ skill: level }` with integer levels 0–10. */
export function IsSkillLevels(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSkillLevels',
      validator: {
        validate: (value: unknown) =>
          isPlainObject(value) &&
          Object.keys(value).length <= 100 &&
          Object.entries(value).every(([k, v]) => SKILL_NAME.test(k) && Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10),
        defaultMessage: () => '$property must map skill names (a-z, 0-9, ".", "-", "_") to integer levels 0–10',
      },
    },
    options,
  );
}

/** `{ channel: capacity }` with channels from TICKET_CHANNELS and integer capacities 0–1000. */
export function IsChannelCapacity(options?: ValidationOptions): PropertyDecorator {
  const channels = new Set<string>(TICKET_CHANNELS);
  return ValidateBy(
    {
      name: 'isChannelCapacity',
      validator: {
        validate: (value: unknown) =>
          isPlainObject(value) &&
          Object.entries(value).every(([k, v]) => channels.has(k) && Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1000),
        defaultMessage: () => `$property must map channels (${TICKET_CHANNELS.join(', ')}) to integer capacities 0–1000`,
      },
    },
    options,
  );
}

/** The acting agent or system, required on every request (it goes into the audit history). */
export function IsActor(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsString()(target, key);
    MaxLength(200)(target, key);
    Matches(ACTOR, { message: 'actor must be an agent id or system:<name>' })(target, key);
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
