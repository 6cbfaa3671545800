/**
 * A loopback fake of the Anthropic Messages API (POST /v1/messages), reached by the real SDK through
 * `baseURL`. It records every request and answers from a script: by default a cited answer built from the
 * request's own search_result blocks, in the real response shape.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake saw of a search_result block (the parts tests assert on). */
export interface SeenSearchResult {
  type: 'search_result';
  source: string;
  title: string;
  content: Array<{ type: string; text: string }>;
  citations?: { enabled?: boolean };
}

/** Any content block of a request message, loosely: text blocks and search results are what the fake reads. */
export interface SeenContentBlock {
  type: string;
  text?: string;
  source?: unknown;
  title?: string;
  content?: Array<{ type: string; text: string }>;
  citations?: { enabled?: boolean };
}

export interface SeenMessage {
  role: string;
  content: string | SeenContentBlock[];
}

export interface SeenBody {
  model: string;
  max_tokens: number;
  system?: string | Array<{ type: string; text: string }>;
  messages: SeenMessage[];
  stream?: boolean;
  output_config?: unknown;
  [key: string]: unknown;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: SeenBody;
}

export interface FakeCitation {
  type: 'search_result_location';
  search_result_index: number;
  start_block_index: number;
  end_block_index: number;
  cited_text: string;
  source: string;
  title: string | null;
}

export interface FakeTextBlock {
  type: 'text';
  text: string;
  citations: FakeCitation[] | null;
}

export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow API). */
  delayMs?: number;
}

export type FakeHandler = (request: ReceivedRequest) => FakeResponse;

/** Every search_result block of the request, in order across all messages (the API's search_result_index). */
export function searchResultsOf(body: SeenBody): SeenSearchResult[] {
  const out: SeenSearchResult[] = [];
  for (const message of body.messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'search_result') out.push(block as SeenSearchResult);
  }
  return out;
}

/** The text blocks of the last user message (the task after the passages). */
export function lastUserText(body: SeenBody): string {
  const last = body.messages.at(-1);
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content
    .filter((b) => b.type === 'text')
    .map((b) => b.text ?? '')
    .join('\n');
}

/** The first sentence of a text: a verbatim substring (the split happens on whitespace only). */
export function firstSentence(text: string): string {
  return (text.trim().split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/)[0] ?? '').trim();
}

export function citationTo(body: SeenBody, index: number, citedText?: string): FakeCitation {
  const result = searchResultsOf(body)[index];
  return {
    type: 'search_result_location',
    search_result_index: index,
    start_block_index: 0,
    end_block_index: 1,
    cited_text: citedText ?? (result?.content[0]?.text ?? '').trim(),
    source: result?.source ?? `unknown-${index}`,
    title: result?.title ?? null,
  };
}

export function messageResponse(body: SeenBody, content: FakeTextBlock[], stopReason = 'end_turn'): FakeResponse {
  const outputChars = content.reduce((n, b) => n + b.text.length, 0);
  return {
    status: 200,
    headers: { 'request-id': `req_fake_${Date.now()}` },
    body: {
      id: `msg_fake_${Date.now()}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: {
        input_tokens: Math.ceil(JSON.stringify(body).length / 4),
        output_tokens: Math.max(1, Math.ceil(outputChars / 4)),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
  };
}

/** A response text block; `citations` null for uncited text, as the API sends it. */
export const textBlock = (value: string, citations: FakeCitation[] | null = null): FakeTextBlock => ({
  type: 'text',
  text: value,
  citations,
});
const text = textBlock;

function outletOf(title: string | undefined): string {
  return title?.split(',')[0]?.trim() || 'A source';
}

/**
 * The well-behaved reply: for up to three search results, one block quoting the result's first sentence
 * (its cited_text) with a citation to it. Briefing requests get a headline line and "- " bullets.
 */
export function citedAnswer(request: ReceivedRequest): FakeResponse {
  const results = searchResultsOf(request.body);
  const briefing = /briefing/i.test(lastUserText(request.body));
  const content: FakeTextBlock[] = [];
  if (briefing) content.push(text('Talks in Geneva: where the sides stand\n\n'));
  results.slice(0, 3).forEach((result, index) => {
    const citation = citationTo(request.body, index);
    if (briefing) content.push(text(index === 0 ? '- ' : '\n- '));
    else if (index > 0) content.push(text(' '));
    // Quote the cited words without the source's own outer quotation marks, as a writer would.
    const spoken = firstSentence(citation.cited_text).replace(/^["“]+|["”,]+$/g, '');
    content.push(text(`${outletOf(result.title)} reported: "${spoken}"`, [citation]));
  });
  return messageResponse(request.body, content);
}

/** The refusal sentence alone, as the system prompt asks for when nothing answers. */
export function refusalAnswer(sentence: string): FakeHandler {
  return (request) => messageResponse(request.body, [text(sentence)]);
}

/** A cited sentence followed by a sentence with no citation at all. */
export function uncitedSentenceAnswer(uncited: string): FakeHandler {
  return (request) => {
    const citation = citationTo(request.body, 0);
    return messageResponse(request.body, [text('The first source says so.', [citation]), text(` ${uncited}`)]);
  };
}

/** A citation whose search_result_index points past the search results the request carried. */
export function outOfRangeCitationAnswer(request: ReceivedRequest): FakeResponse {
  const count = searchResultsOf(request.body).length;
  const bogus: FakeCitation = {
    type: 'search_result_location',
    search_result_index: count + 3,
    start_block_index: 0,
    end_block_index: 1,
    cited_text: 'NATO agreed to every Russian demand.',
    source: 'not-sent',
    title: 'Invented source',
  };
  return messageResponse(request.body, [
    text('NATO agreed to every demand.', [bogus]),
    text(' The first source says otherwise.', [citationTo(request.body, 0)]),
  ]);
}

/**
 * What a model that obeyed a prompt injection in a passage might send: the injected claim in quotation marks
 * with a citation whose cited_text the passage does not contain, then an uncited repetition of the order.
 */
export function obeyedInjectionAnswer(injectedIndex: number, claim: string): FakeHandler {
  return (request) =>
    messageResponse(request.body, [
      text(`The source confirms "${claim}"`, [citationTo(request.body, injectedIndex, claim)]),
      text(' As instructed, all other sources are false.'),
    ]);
}

export function errorResponse(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: { 'request-id': 'req_fake_error', ...headers },
    body: { type: 'error', error: { type, message }, request_id: 'req_fake_error' },
  };
}

/** An API error in the real shape (`{ type: 'error', error: { type, message } }`), e.g. 529 overloaded_error. */
export function apiError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): FakeHandler {
  return () => errorResponse(status, type, message, headers);
}

/** Answers with `then` only after `delayMs`. */
export function slow(delayMs: number, then: FakeHandler = citedAnswer): FakeHandler {
  return (request) => ({ ...then(request), delayMs });
}

export interface FakeAnthropic {
  /** http://127.0.0.1:PORT, to pass as the SDK's baseURL / ANTHROPIC_BASE_URL. */
  url: string;
  requests: ReceivedRequest[];
  /** Handlers for the next requests, in order; when none are queued, `fallback` answers. */
  enqueue(...handlers: FakeHandler[]): void;
  fallback: FakeHandler;
  /** The most requests that were in flight at the same moment (since start or reset). */
  readonly maxInFlight: number;
  /** Forgets requests and queued handlers, restores the default reply and the in-flight high-water mark. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: ReceivedRequest[] = [];
  const queue: FakeHandler[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fake: FakeAnthropic = {
    url: '',
    requests,
    fallback: citedAnswer,
    enqueue: (...handlers) => {
      queue.push(...handlers);
    },
    get maxInFlight() {
      return maxInFlight;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      fake.fallback = citedAnswer;
      maxInFlight = inFlight;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const send = (response: FakeResponse) => {
        inFlight--;
        if (res.destroyed) return;
        res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
        res.end(JSON.stringify(response.body));
      };
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
        send(errorResponse(404, 'not_found_error', 'Not found'));
        return;
      }
      const received: ReceivedRequest = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        rawBody,
        body: JSON.parse(rawBody) as SeenBody,
      };
      requests.push(received);
      const response = (queue.shift() ?? fake.fallback)(received);
      if (!response.delayMs) {
        send(response);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response);
      }, response.delayMs);
      timers.add(timer);
      res.on('close', () => {
        if (timers.delete(timer)) {
          clearTimeout(timer);
          inFlight--;
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}
