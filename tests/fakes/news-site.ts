/**
 * A loopback news site for feed tests: serves feeds and article pages from a route table the test changes
 * between polls, answers conditional GETs with 304, and can hang, stream a huge body or redirect in a loop.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  etag?: string;
  lastModified?: string;
  location?: string;
  /** 'hang': never answer; 'huge': stream ~`hugeBytes` without end. */
  behaviour?: 'hang' | 'huge';
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface NewsSite {
  url(path: string): string;
  set(path: string, route: Route): void;
  remove(path: string): void;
  requests: SeenRequest[];
  /** Requests for one path. */
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startNewsSite(): Promise<NewsSite> {
  const routes = new Map<string, Route>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.behaviour === 'hang') return;
    if (route.behaviour === 'huge') {
      res.writeHead(200, { 'content-type': route.contentType ?? 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => {
        sent = Number.POSITIVE_INFINITY;
      });
      pump();
      return;
    }
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { etag: route.etag }).end();
      return;
    }
    const headers: Record<string, string> = {};
    if (route.contentType) headers['content-type'] = route.contentType;
    if (route.etag) headers.etag = route.etag;
    if (route.lastModified) headers['last-modified'] = route.lastModified;
    if (route.location) headers.location = route.location;
    res.writeHead(route.status ?? 200, headers).end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, route) => routes.set(path, route),
    remove: (path) => routes.delete(path),
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeItem {
  guid: string;
  title: string;
  link: string;
  description?: string;
  pubDate?: string;
}

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 document. */
export function rssFeed(title: string, items: readonly FakeItem[], encoding = 'UTF-8'): string {
  const entries = items.map(
    (i) => `    <item>
      <title>${xml(i.title)}</title>
      <link>${xml(i.link)}</link>
      <guid isPermaLink="false">${xml(i.guid)}</guid>
      ${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}
      <description>${xml(i.description ?? '')}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0">
  <channel>
    <title>${xml(title)}</title>
    <link>http://example.invalid/</link>
${entries.join('\n')}
  </channel>
</rss>`;
}

/** An Atom document. */
export function atomFeed(title: string, items: readonly FakeItem[]): string {
  const entries = items.map(
    (i) => `  <entry>
    <id>${xml(i.guid)}</id>
    <title>${xml(i.title)}</title>
    <link rel="alternate" href="${xml(i.link)}"/>
    <updated>2023-07-11T10:00:00Z</updated>
    <summary type="html">${xml(i.description ?? '')}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(title)}</title>
  <id>urn:fake:${xml(title)}</id>
  <updated>2023-07-11T10:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}

/** An RDF (RSS 1.0) document. */
export function rdfFeed(title: string, items: readonly FakeItem[]): string {
  const entries = items.map(
    (i) => `  <item rdf:about="${xml(i.link)}">
    <title>${xml(i.title)}</title>
    <link>${xml(i.link)}</link>
    <description>${xml(i.description ?? '')}</description>
  </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="http://example.invalid/"><title>${xml(title)}</title><link>http://example.invalid/</link><description>d</description></channel>
${entries.join('\n')}
</rdf:RDF>`;
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(title: string, items: readonly FakeItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.guid, url: i.link, title: i.title, content_text: i.description ?? '' })),
  });
}
