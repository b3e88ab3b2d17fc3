import { IsOptional, IsString, Matches } from 'class-validator';
import { IntVar, ServiceEnv } from '@d115/platform';

const ONE_URL = '(tcp|tls):\\/\\/[^\\s,/:#]+:\\d{1,5}\\/?(#[A-Za-z0-9_.-]{1,64})?';
const URL_LIST = new RegExp(`^${ONE_URL}(,\\s*${ONE_URL})*$`);
const DEVICE_LIST = /^[^\s,]+(,\s*[^\s,]+)*$/;

/** The CSTA adapter's variables (see docs/telephony-csta.md); the telephony env extends it. */
export class CstaEnv extends ServiceEnv {
  /** CSTA servers to connect to, comma-separated `tcp://HOST:PORT#PBX` or `tls://…` (the fragment names the system; empty: none). */
  @IsOptional()
  @Matches(URL_LIST, { message: 'TELEPHONY_CSTA_URL must be comma-separated tcp://HOST:PORT or tls://HOST:PORT, each optionally with #PBX-NAME' })
  TELEPHONY_CSTA_URL?: string;

  /** For `tls://` servers with a private CA: the PEM file of the CA certificates to trust (else the system's). */
  @IsOptional()
  @IsString()
  TELEPHONY_CSTA_TLS_CA_FILE?: string;

  /** Devices to monitor (agent phones), comma-separated device numbers, e.g. 2001,2002. */
  @IsOptional()
  @Matches(DEVICE_LIST, { message: 'TELEPHONY_CSTA_MONITOR must be comma-separated device numbers' })
  TELEPHONY_CSTA_MONITOR?: string;

  /** Queues, ACD groups and IVR ports (monitored too; the PBX answering for them is not an answer). */
  @IsOptional()
  @Matches(DEVICE_LIST, { message: 'TELEPHONY_CSTA_QUEUES must be comma-separated device numbers' })
  TELEPHONY_CSTA_QUEUES?: string;

  /** Trunk devices (the public network), comma-separated; `T*` matches by prefix. */
  @IsOptional()
  @Matches(DEVICE_LIST, { message: 'TELEPHONY_CSTA_TRUNKS must be comma-separated devices (a trailing * matches a prefix)' })
  TELEPHONY_CSTA_TRUNKS?: string;

  /** SystemStatus keepalive interval; three silent intervals drop and reopen the connection. */
  @IntVar(50, 600000)
  TELEPHONY_CSTA_KEEPALIVE_MS = 30000;

  /** The applicationID sent in the ECMA-354 StartApplicationSession. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'TELEPHONY_CSTA_APPLICATION_ID must be 1-64 letters, digits, dots, dashes or underscores' })
  TELEPHONY_CSTA_APPLICATION_ID = 'd115';

  /** Requested application session duration (s), kept alive with ResetApplicationSessionTimer; 0: no session. */
  @IntVar(0, 86400)
  TELEPHONY_CSTA_SESSION_S = 180;

  /** How long to wait for the session's answer before monitoring without one (servers that need no session). */
  @IntVar(10, 600000)
  TELEPHONY_CSTA_SESSION_WAIT_MS = 5000;

  /** Longest wait between reconnect attempts (the backoff doubles from 500 ms). */
  @IntVar(100, 600000)
  TELEPHONY_CSTA_MAX_BACKOFF_MS = 30000;
}
