import { BlockList, isIP } from 'node:net';

interface Network {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** One entry of a network list: an address or address/prefix; undefined when it is neither. */
function parseNetwork(entry: string): Network | undefined {
  const [address, prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (rest.length > 0 || version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function entriesOf(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The first entry of a comma-separated list that is not an address or CIDR network, if any. */
export function invalidNetworkEntry(list: string | undefined): string | undefined {
  return entriesOf(list).find((entry) => parseNetwork(entry) === undefined);
}

/**
 * A set of IP networks from a comma-separated list such as
 * `10.0.0.0/8, 2001:db8::/32, 192.0.2.25` (a bare address is a host). IPv4
 * networks also match the IPv4-mapped IPv6 form of their addresses
 * (`::ffff:10.1.2.3`), which is how a dual-stack socket reports IPv4 clients.
 */
export class NetworkList {
  private readonly networks = new BlockList();
  readonly size: number;

  constructor(list: string | undefined) {
    const entries = entriesOf(list);
    for (const entry of entries) {
      const network = parseNetwork(entry);
      if (!network) throw new Error(`not an IP address or CIDR network: ${JSON.stringify(entry)}`);
      this.networks.addSubnet(network.address, network.prefix, network.family);
    }
    this.size = entries.length;
  }

  contains(address: string | undefined): boolean {
    if (this.size === 0 || !address) return false;
    const bare = address.replace(/%.*$/, '');
    const version = isIP(bare);
    if (version === 0) return false;
    return this.networks.check(bare, version === 4 ? 'ipv4' : 'ipv6');
  }
}
