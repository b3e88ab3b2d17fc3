import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { TelephonyEnv } from '../config/telephony.env';

/**
 * Devices → d115 agents, from `TELEPHONY_AGENT_EXTENSIONS`. A device is matched as given
 * (`150010002`) and by its peer name inside a channel (`PJSIP/150010002`, `SIP/150010002-00000a1`).
 */
@Injectable()
export class AgentDirectory {
  private readonly byDevice: Map<string, string>;

  constructor(@Inject(ENV) env: TelephonyEnv) {
    this.byDevice = new Map(Object.entries(parseExtensions(env.TELEPHONY_AGENT_EXTENSIONS)));
  }

  agentIdOf(device: string): string | null {
    return this.byDevice.get(device) ?? this.byDevice.get(peerOf(device)) ?? null;
  }
}

/** `PJSIP/150010002-0000001a` → `150010002`, `Local/150010002@from-queue/n` → `150010002`; a plain device stays as it is. */
export function peerOf(device: string): string {
  const slash = device.indexOf('/');
  const name = slash >= 0 ? device.slice(slash + 1) : device;
  if (/^Local\//i.test(device)) return name.split('@')[0];
  return name.replace(/-[0-9a-f]{6,}(;\d+)?$/i, '');
}

function parseExtensions(json: string | undefined): Record<string, string> {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error('TELEPHONY_AGENT_EXTENSIONS must be a JSON object of device → agent id strings');
  }
  return parsed as Record<string, string>;
}
