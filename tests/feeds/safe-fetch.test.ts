import type { LookupAddress } from 'node:dns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../adapters/web/address-policy.ts';
import { createSafeFetcher } from '../../adapters/web/safe-fetch.ts';
import { type NewsSite, startNewsSite } from '../fakes/news-site.ts';

let site: NewsSite;
beforeEach(async () => {
  site = await startNewsSite();
  site.set('/feed.xml', { contentType: 'application/rss+xml', body: '<rss/>' });
});
afterEach(async () => {
  await site.close();
});

/** A resolver that answers every name with one address, as a hostile DNS record would. */
function resolvingTo(address: string) {
  return ((_host: string, _options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) => {
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  }) as never;
}

describe('address policy', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['224.0.0.251', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
    ['not-an-ip', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('safe fetcher', () => {
  it('refuses loopback and private addresses unless allowed, before sending anything', async () => {
    const strict = createSafeFetcher({ allowPrivate: false });
    await expect(strict.fetch({ url: site.url('/feed.xml') })).rejects.toMatchObject({ code: 'refused_address' });
    const port = new URL(site.url('/')).port;
    await expect(strict.fetch({ url: `http://localhost:${port}/feed.xml` })).rejects.toMatchObject({
      code: 'refused_address',
    });
    await expect(strict.fetch({ url: `http://[::1]:${port}/feed.xml` })).rejects.toMatchObject({
      code: 'refused_address',
    });
    expect(site.requests).toHaveLength(0);
    const open = createSafeFetcher({ allowPrivate: true });
    expect((await open.fetch({ url: site.url('/feed.xml') })).status).toBe(200);
  });

  it('checks the address a name resolves to', async () => {
    const port = new URL(site.url('/')).port;
    const strict = createSafeFetcher({ allowPrivate: false, dnsLookup: resolvingTo('127.0.0.1') });
    await expect(strict.fetch({ url: `http://news.example:${port}/feed.xml` })).rejects.toMatchObject({
      code: 'refused_address',
    });
    expect(site.requests).toHaveLength(0);
    // The same name is fetched from the address it resolved to when private addresses are allowed.
    const open = createSafeFetcher({ allowPrivate: true, dnsLookup: resolvingTo('127.0.0.1') });
    expect((await open.fetch({ url: `http://news.example:${port}/feed.xml` })).status).toBe(200);
  });

  it('checks every redirect target', async () => {
    const port = new URL(site.url('/')).port;
    // A "public" name redirects to a loopback IP literal: the hop is refused.
    site.set('/jump', { status: 302, location: `http://127.0.0.1:${port}/feed.xml` });
    const fetcher = createSafeFetcher({ allowPrivate: false, dnsLookup: resolvingTo('127.0.0.1') });
    await expect(fetcher.fetch({ url: `http://news.example:${port}/jump` })).rejects.toMatchObject({
      code: 'refused_address',
    });
  });

  it('fetches only http and https', async () => {
    const fetcher = createSafeFetcher({ allowPrivate: true });
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://x/', 'javascript:alert(1)']) {
      await expect(fetcher.fetch({ url })).rejects.toMatchObject({ code: 'bad_url' });
    }
    site.set('/to-file', { status: 302, location: 'file:///etc/passwd' });
    await expect(fetcher.fetch({ url: site.url('/to-file') })).rejects.toMatchObject({ code: 'bad_url' });
  });

  it('cuts a body off at the size cap', async () => {
    site.set('/huge', { behaviour: 'huge' });
    const response = await createSafeFetcher({ allowPrivate: true, maxBytes: 100_000 }).fetch({
      url: site.url('/huge'),
    });
    expect(response).toMatchObject({ status: 200, truncated: true });
    expect(response.body.length).toBe(100_000);
  });
});
