import { peerOf } from '../../shared/agent-directory';

/** Which channels are trunks (the outside world): by peer name or by the context they start in. */
export class AmiTrunks {
  private readonly peers = new Set<string>();
  private readonly contexts = new Set<string>();

  constructor(spec: string) {
    for (const item of spec.split(',').filter(Boolean)) {
      const [kind, name] = [item.slice(0, item.indexOf(':')), item.slice(item.indexOf(':') + 1)];
      (kind === 'peer' ? this.peers : this.contexts).add(name);
    }
  }

  isTrunk(channel: string, context: string | undefined): boolean {
    return this.peers.has(peerOf(channel)) || (context !== undefined && this.contexts.has(context));
  }
}
