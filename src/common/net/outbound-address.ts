import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a shop's webhook must not reach: this machine, the private networks around it and the cloud
 * metadata endpoints. A webhook URL is typed in by a shop, so without this any API key could make the
 * service probe the internal network (and read the status codes back from the delivery log).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of IPv4 addresses
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** True for a loopback, private, link-local or otherwise internal address (IPv4, IPv6, IPv4-mapped IPv6). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

export type OutboundUrlProblem = 'invalid_url' | 'scheme' | 'credentials' | 'internal_address';

/**
 * What is wrong with a URL the service would call, judged without DNS: the scheme, credentials in it, and a
 * host that is an internal address literal or a local name. Names are checked again when connecting
 * (guardedLookup), since they can resolve anywhere.
 */
/** What a shop is told about a webhook URL the guard refuses, naming the field it typed it in. */
export function outboundUrlMessage(field: string, problem: OutboundUrlProblem): string {
  const messages: Record<OutboundUrlProblem, string> = {
    invalid_url: `${field} must be an http(s) URL`,
    scheme: `${field} must be an http(s) URL`,
    credentials: `${field} must not carry a user name or password: deliveries are authenticated by their signature`,
    internal_address: `${field} points to this machine or a private network; the operator allows that with WEBHOOK_ALLOW_INTERNAL=true`,
  };
  return messages[problem];
}

export function outboundUrlProblem(raw: string, allowInternal: boolean): OutboundUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (allowInternal) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return 'internal_address';
  if (isIP(host) && isInternalAddress(host)) return 'internal_address';
  return null;
}

export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(hostname: string) {
    super(`${hostname} resolves to an internal address`);
    this.name = 'InternalAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request/net.connect that refuses internal addresses at connection time, so a name that
 * resolves to one (or is re-pointed to one after the URL was saved) is never connected to.
 */
export function guardedLookup(allowInternal: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const allowed = allowInternal ? addresses : addresses.filter((entry) => !isInternalAddress(entry.address));
      if (!allowed.length) return callback(new InternalAddressError(hostname), []);
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
