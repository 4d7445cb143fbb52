import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../config';
import { badInput } from '../errors';

/** Addresses a webhook may never reach outside development: loopback, private, link-local, ... */
const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return isIP(address) === 6 ? PRIVATE.check(address, 'ipv6') : PRIVATE.check(address, 'ipv4');
}

/** Development and tests post to local receivers; every other environment is strict. */
export const allowsLocalWebhooks = (config: Config) => config.nodeEnv === 'development' || config.nodeEnv === 'test';

/** Checks the form of a URL an admin registers (https outside development). */
export function parseWebhookUrl(config: Config, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput('url', 'url is not a valid URL');
  }
  const local = allowsLocalWebhooks(config);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw badInput('url', 'url must use https');
  if (url.username || url.password) throw badInput('url', 'url must not carry credentials');
  if (value.length > 2000) throw badInput('url', 'url is too long');
  return url;
}

/**
 * Resolves the host and checks every address it has (not just the first: an attacker's DNS can
 * answer a public and a private one). Returns the address to connect to, so the request goes to
 * what was checked and a second lookup cannot rebind it.
 */
export async function resolveWebhookHost(config: Config, url: URL): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (!addresses.length) throw badInput('url', `${host} does not resolve`);
  if (!allowsLocalWebhooks(config) && addresses.some((a) => isPrivateAddress(a.address))) {
    throw badInput('url', 'url must not point at a loopback or private address');
  }
  return addresses[0];
}
