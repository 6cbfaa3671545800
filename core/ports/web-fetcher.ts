/** Fetching of feeds and pages over HTTP; implemented in adapters/web with the address checks. */

export interface FetchRequest {
  url: string;
  /** Validators from the last fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResponse {
  status: number;
  /** The URL after redirects. */
  url: string;
  /** Media type without parameters, lower-case ("application/rss+xml"), or null. */
  contentType: string | null;
  /** The charset parameter of Content-Type, lower-case, or null. */
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array;
  /** True when the body was cut off at the size cap. */
  truncated: boolean;
}

/**
 * Fetches a URL. Resolves with any HTTP status (304 and 4xx/5xx included); rejects with a FetchError
 * for a refused URL or address, a timeout, too many redirects or a network failure.
 */
export interface WebFetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}
