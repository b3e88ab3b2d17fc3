/**
 * What the stream cannot say and configuration must: which devices are the service center's
 * own (the monitored agent phones), which are its queues, ACD groups and IVR ports (the PBX
 * answering for them is not an answer), and which are trunks to the public network. From these
 * the adapter tells inbound, outbound and internal calls apart.
 */
export class CstaDevicesPlan {
  private readonly monitored: Set<string>;
  private readonly queues: Set<string>;

  constructor(
    monitored: readonly string[],
    private readonly trunks: readonly string[] = [],
    queues: readonly string[] = [],
  ) {
    this.monitored = new Set(monitored);
    this.queues = new Set(queues);
  }

  /** A trunk device: listed exactly, or by a listed prefix ending in `*` (e.g. `T*`, `0301234*`). */
  isTrunk(device: string | null | undefined): boolean {
    if (!device) return false;
    return this.trunks.some((trunk) => (trunk.endsWith('*') ? device.startsWith(trunk.slice(0, -1)) : device === trunk));
  }

  /** A device of the service center itself (agent phone, queue, ACD group, IVR). */
  isInternal(device: string | null | undefined): boolean {
    return !!device && (this.monitored.has(device) || this.queues.has(device)) && !this.isTrunk(device);
  }

  /** A device whose answer connects the caller to a person: neither a trunk nor a queue/IVR. */
  isAgentDevice(device: string | null | undefined): boolean {
    return !!device && !this.isTrunk(device) && !this.queues.has(device);
  }

  /** The devices to monitor: agent phones and queues. */
  get devicesToMonitor(): string[] {
    return [...new Set([...this.monitored, ...this.queues])];
  }
}
