import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { BoolVar, DEV_PHONE_PSEUDONYM_KEY, IntVar } from '@d115/platform';
import { CstaEnv } from './csta.env';

/** Environment of the telephony service (see docs/telephony.md, "Configuration"). */
export class TelephonyEnv extends CstaEnv {
  override OPS_PORT = 3101;

  /** Secret of the keyed phone-number pseudonym; the tickets service must read the same value. */
  @IsString()
  @MinLength(16, { message: 'PHONE_PSEUDONYM_KEY must be a secret of at least 16 characters' })
  PHONE_PSEUDONYM_KEY = DEV_PHONE_PSEUDONYM_KEY;

  /** Asterisk manager connections, comma-separated `tcp://USER:SECRET@HOST:PORT` (empty: no AMI). */
  @IsOptional()
  @Matches(/^(tcp:\/\/[^\s:@,]+:[^\s@,]*@[^\s:,]+:\d+)(,tcp:\/\/[^\s:@,]+:[^\s@,]*@[^\s:,]+:\d+)*$/, {
    message: 'TELEPHONY_AMI_URL must be comma-separated tcp://USER:SECRET@HOST:PORT',
  })
  TELEPHONY_AMI_URL?: string;

  /**
   * Which AMI channels are trunks (the outside world), comma-separated: `peer:NAME` (the
   * channel's peer, e.g. `peer:telekom` for PJSIP/telekom-0000001) or `context:NAME`.
   */
  @IsOptional()
  @Matches(/^((peer|context):[^\s,]+)(,(peer|context):[^\s,]+)*$/, { message: 'TELEPHONY_AMI_TRUNKS must be comma-separated peer:NAME or context:NAME' })
  TELEPHONY_AMI_TRUNKS = 'context:from-trunk,context:from-pstn,context:from-external,context:incoming';

  /** Reconnect delays after a lost AMI connection, ms (the last repeats). */
  @Matches(/^\d+(,\d+)*$/, { message: 'TELEPHONY_AMI_BACKOFF_MS must be comma-separated milliseconds' })
  TELEPHONY_AMI_BACKOFF_MS = '500,1000,2000,5000,10000';

  /** Keep-alive: a Ping this often; a session silent for twice as long is dropped and reconnected (ms). */
  @IntVar(50)
  TELEPHONY_AMI_PING_MS = 30000;

  /** Agents' extensions: JSON object device → d115 agent id, e.g. {"150010002":"agent-7"}. */
  @IsOptional()
  @IsString()
  TELEPHONY_AGENT_EXTENSIONS?: string;

  /** A call that saw no signal for this long is ended by the reaper (seconds). */
  @IntVar(60)
  TELEPHONY_CALL_TIMEOUT_S = 4 * 3600;

  /** Service level: answered within this many seconds (the 115 promise: 30). */
  @IntVar(1, 3600)
  TELEPHONY_SERVICE_LEVEL_THRESHOLD_S = 30;

  /** Abandons before this many seconds are short abandons, reported apart and left out of the service level. */
  @IntVar(0, 600)
  TELEPHONY_SHORT_ABANDON_S = 5;

  /** Caller numbers are kept in clear this many days after the last related case closed (or after the call when none is related). */
  @IntVar(0, 3650)
  TELEPHONY_NUMBER_RETENTION_DAYS = 7;

  /** Bundesland of the service-hours calendar. */
  @Matches(/^[A-Z]{2}$/, { message: 'TELEPHONY_SERVICE_STATE must be a Bundesland code such as MV or BE' })
  TELEPHONY_SERVICE_STATE = 'MV';

  /** Weekly service hours as JSON (calendar `weeklyHours`); default Mon–Fri 08:00–18:00. */
  @IsOptional()
  @IsString()
  TELEPHONY_SERVICE_HOURS?: string;

  /** Run the scheduled jobs (reaper, number clearing) in this instance. */
  @BoolVar()
  TELEPHONY_SCHEDULER_ENABLED = true;

  @IntVar(10)
  TELEPHONY_SCHEDULER_TICK_MS = 60000;
}
