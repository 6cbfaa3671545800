import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from '../../core/feeds/fetch-error.ts';
import type { FetchRequest, FetchResponse, WebFetcher } from '../../core/ports/web-fetcher.ts';
import { isPublicAddress } from './address-policy.ts';

export interface SafeFetchOptions {
  /** Let URLs reach loopback and private addresses (FEEDS_ALLOW_PRIVATE=1, tests only). */
  allowPrivate: boolean;
  /** Whole-request limit, redirects included (default 15 s). */
  timeoutMs?: number;
  /** Bytes kept of a body after decompression; the rest is cut off (default 5 MB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /** DNS resolution (node:dns lookup by default); tests give a fake resolver. */
  dnsLookup?: typeof dnsLookup;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Resolves the host and refuses it when any of its addresses is not public: checked where we connect. */
function guardedLookup(allowPrivate: boolean, host: string, resolver: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const message = `${host} resolves to a private or reserved address; refused`;
        return callback(new FetchError('refused_address', message), '', 0);
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', `${raw} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad_url', `${raw}: only http and https URLs can be fetched.`);
  }
  if (url.username || url.password) throw new FetchError('bad_url', `${url.host}: URLs with credentials are refused.`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) {
    throw new FetchError('refused_address', `${url.host} is a private or reserved address; refused`);
  }
  if (!allowPrivate && /^localhost$|\.localhost$/i.test(host)) {
    throw new FetchError('refused_address', `${url.host} is a local name; refused`);
  }
  return url;
}

/**
 * A WebFetcher over node:http(s): http(s) only, every address checked after DNS resolution and on every
 * redirect (unless allowPrivate), one deadline for the whole request, bodies cut off at the cap.
 */
export function createSafeFetcher(options: SafeFetchOptions): WebFetcher {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? 'Attache/0.1 (+news briefing bot)';

  function once(url: URL, request: FetchRequest, signal: AbortSignal): Promise<FetchResponse | URL> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: request.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        method: 'GET',
        headers,
        signal,
        lookup: guardedLookup(options.allowPrivate, url.host, options.dnsLookup ?? dnsLookup),
        agent: false,
      });
      req.on('error', (error) => {
        if (error instanceof FetchError) return reject(error);
        if (signal.aborted) return reject(new FetchError('timeout', `${url.host} did not answer in ${timeoutMs} ms.`));
        const code = 'code' in error ? String(error.code) : error.message;
        reject(new FetchError('network', `${url.host}: ${code}`, { cause: error }));
      });
      req.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const location = header(response, 'location');
        if (REDIRECTS.has(status) && location) {
          response.resume();
          try {
            resolve(new URL(location, url));
          } catch {
            reject(new FetchError('bad_url', `${url.host} redirected to an invalid URL.`));
          }
          return;
        }
        const encoding = (header(response, 'content-encoding') ?? '').toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? createGunzip()
            : encoding === 'deflate'
              ? createInflate()
              : encoding === 'br'
                ? createBrotliDecompress()
                : null;
        const stream = decoder ? response.pipe(decoder) : response;
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = (): void => {
          const type = header(response, 'content-type') ?? '';
          const [media, ...params] = type.split(';');
          const charset = params
            .map((p) => /^\s*charset\s*=\s*"?([^";]+)"?/i.exec(p)?.[1])
            .find((c) => c !== undefined);
          resolve({
            status,
            url: url.toString(),
            contentType: media?.trim().toLowerCase() || null,
            charset: charset?.trim().toLowerCase() ?? null,
            etag: header(response, 'etag'),
            lastModified: header(response, 'last-modified'),
            body: Buffer.concat(chunks),
            truncated,
          });
        };
        stream.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            size = maxBytes;
            truncated = true;
            // Cut the connection off: a huge body is never read to its end.
            response.destroy();
            done();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        stream.on('end', () => {
          if (!truncated) done();
        });
        stream.on('error', (error) => {
          if (truncated) return;
          if (signal.aborted)
            return reject(new FetchError('timeout', `${url.host} did not answer in ${timeoutMs} ms.`));
          reject(new FetchError('network', `${url.host}: ${error.message}`, { cause: error }));
        });
      });
      req.end();
    });
  }

  return {
    async fetch(request: FetchRequest): Promise<FetchResponse> {
      const signal = AbortSignal.timeout(timeoutMs);
      let url = checkUrl(request.url, options.allowPrivate);
      for (let hop = 0; ; hop++) {
        const result = await once(url, request, signal);
        if (!(result instanceof URL)) return result;
        if (hop >= maxRedirects) {
          throw new FetchError('too_many_redirects', `${request.url} redirected more than ${maxRedirects} times.`);
        }
        url = checkUrl(result.toString(), options.allowPrivate);
      }
    },
  };
}
