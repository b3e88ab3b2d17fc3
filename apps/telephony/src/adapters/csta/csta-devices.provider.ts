import { Provider } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { CstaEnv } from '../../config/csta.env';
import { CstaDevicesPlan } from './calls/csta-devices-plan';
import { listOf } from './connection/csta-endpoint';
import { normaliseNumber } from './parser/csta-devices';
import { CstaIngest } from './csta-ingest';

/** The device plan and the ingest (the calls' CSTA state, shared by the TCP and NATS paths) from the environment. */
export const CSTA_PROVIDERS: Provider[] = [
  {
    provide: CstaDevicesPlan,
    inject: [ENV],
    useFactory: (env: CstaEnv) =>
      new CstaDevicesPlan(devices(env.TELEPHONY_CSTA_MONITOR), listOf(env.TELEPHONY_CSTA_TRUNKS), devices(env.TELEPHONY_CSTA_QUEUES)),
  },
  { provide: CstaIngest, inject: [CstaDevicesPlan], useFactory: (plan: CstaDevicesPlan) => new CstaIngest(plan) },
];

/** Configured devices in the spelling events use (`N<+4930…>`, `+49 30 …` → `+4930…`). */
function devices(list: string | undefined): string[] {
  return listOf(list).map((device) => normaliseNumber(device) ?? device);
}
