/**
 * A loopback fake of Discord for the real discord.js client: REST on node:http
 * under /api/v10 and the gateway on `ws` (same port). It records every REST
 * request and gateway frame so tests assert on what Discord would have seen.
 * Channel posts with `enforce_nonce` are deduplicated by nonce as Discord does.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path with percent-escapes decoded (`…/messages/@original`), without the query. */
  path: string;
  /** The path exactly as sent. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or null when there was none. */
  body: unknown;
  /** The content-type of the fake's answer (null when none was sent). */
  answeredContentType: string | null;
  status: number;
}

/** A scripted answer for channel-message posts, e.g. to simulate a deleted channel or a rate limit. */
export interface ScriptedFailure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botUserId?: string;
  /** Milliseconds between heartbeats asked of the client (HELLO). */
  heartbeatIntervalMs?: number;
  /** Never answer IDENTIFY with READY (a gateway that hangs). */
  withholdReady?: boolean;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

const API = '/api/v10';

let snowflakeCounter = 0n;
/** Unique, increasing snowflake-like ids (Discord epoch based, so discord.js derives sane timestamps). */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter).toString();
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: { id: string; username: string; discriminator: string; avatar: null; bot: true; global_name: null };
  readonly requests: RecordedRequest[] = [];
  /** Gateway frames the client sent (IDENTIFY, heartbeats…). */
  readonly gatewayReceived: GatewayFrame[] = [];
  /** Close codes of gateway connections that ended. */
  readonly gatewayClosures: number[] = [];
  /** Channel id → messages posted there over REST. */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  /** Channel id → failures to answer, in order, before posts succeed again. */
  readonly channelFailures = new Map<string, ScriptedFailure[]>();
  /**
   * Messages created with `enforce_nonce`, by nonce (the bot is their one author): as Discord does for a few minutes,
   * a post repeating the nonce gets the message created first, and no second one is created.
   */
  readonly messagesByNonce = new Map<string, { message: Record<string, unknown>; at: number }>();
  /** How long an enforced nonce is remembered ("the past few minutes"). */
  nonceWindowMs = 5 * 60_000;
  /** Channel posts matching this are carried out (the message is created) but never answered; null: none. */
  private stalled: ((channelId: string, body: Record<string, unknown>) => boolean) | null = null;
  private readonly server = createServer((req, res) => void this.onRequest(req.method ?? 'GET', req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly heartbeatIntervalMs: number;
  private readonly withholdReady: boolean;
  private socket: WebSocket | undefined;
  /** Identified connections by shard id, with the shard count each one gave (several processes, one bot). */
  private readonly shardSockets = new Map<number, { ws: WebSocket; count: number }>();
  private readonly sequences = new Map<WebSocket, number>();
  private readonly interactions = new Map<string, { acknowledged: boolean }>();
  port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    super();
    this.token = options.token ?? 'fake-bot-token';
    this.applicationId = options.applicationId ?? '123456789012345678';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 45_000;
    this.withholdReady = options.withholdReady ?? false;
    this.botUser = {
      id: options.botUserId ?? '223456789012345678',
      username: 'attache',
      discriminator: '0',
      avatar: null,
      bot: true,
      global_name: null,
    };
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  /** REST root to give the client, e.g. http://127.0.0.1:PORT/api. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests matching a method and a path pattern (decoded path). */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /**
   * Channel posts matching `when` create their message and are never answered (Discord took the message, and the
   * bot process is killed before it hears back); `stallPosts(null)` lifts it.
   */
  stallPosts(when: ((channelId: string, body: Record<string, unknown>) => boolean) | null): void {
    this.stalled = when;
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error('fake Discord: timed out waiting for a request'));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!predicate(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /** Resolves with the first gateway frame (past or future) from the client that matches. */
  waitForFrame(predicate: (f: GatewayFrame) => boolean, timeoutMs = 10_000): Promise<GatewayFrame> {
    const found = this.gatewayReceived.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('gateway', listener);
        reject(new Error('fake Discord: timed out waiting for a gateway frame'));
      }, timeoutMs);
      const listener = (f: GatewayFrame) => {
        if (!predicate(f)) return;
        clearTimeout(timer);
        this.off('gateway', listener);
        resolve(f);
      };
      this.on('gateway', listener);
    });
  }

  /** Resolves once the client has identified and received READY. */
  ready(timeoutMs = 10_000): Promise<void> {
    if (this.gatewayReceived.some((f) => f.op === 2)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Discord: no IDENTIFY')), timeoutMs);
      this.once('identified', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends an INTERACTION_CREATE dispatch; the interaction can then be acknowledged once. */
  dispatchInteraction(interaction: { id: string; token: string } & Record<string, unknown>): void {
    this.interactions.set(interaction.id, { acknowledged: false });
    this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** The shard ids that identified so far, each with the shard count it gave. */
  get shards(): { id: number; count: number }[] {
    return [...this.shardSockets.entries()].map(([id, { count }]) => ({ id, count }));
  }

  /** The shard Discord routes a guild's events to ((guild_id >> 22) % count); direct messages go to shard 0. */
  shardOf(guildId: string | undefined, count: number): number {
    return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /**
   * Sends any dispatch event with the connection's next sequence number, on the connection of the shard Discord
   * would use (by the event's guild_id) when several shards identified, else on the latest connection.
   */
  dispatch(event: string, data: unknown): void {
    const guildId = (data as { guild_id?: string } | null)?.guild_id;
    const count = [...this.shardSockets.values()][0]?.count ?? 1;
    const ws = count > 1 ? this.shardSockets.get(this.shardOf(guildId, count))?.ws : this.socket;
    if (!ws) throw new Error('fake Discord: no gateway connection for this event');
    this.send(ws, event, data);
  }

  private send(ws: WebSocket, event: string, data: unknown): void {
    const sequence = (this.sequences.get(ws) ?? 0) + 1;
    this.sequences.set(ws, sequence);
    ws.send(JSON.stringify({ op: 0, t: event, s: sequence, d: data }));
  }

  /** A message object as Discord returns it from message endpoints. */
  message(channelId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.botUser,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
      ...extra,
    };
  }

  private onGateway(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as GatewayFrame;
      this.gatewayReceived.push(frame);
      this.emit('gateway', frame);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op === 2) this.onIdentify(ws, frame.d as { token?: string; shard?: [number, number] });
    });
    ws.on('close', (code) => {
      this.gatewayClosures.push(code);
      this.emit('gateway-close', code);
    });
  }

  private onIdentify(ws: WebSocket, identify: { token?: string; shard?: [number, number] }): void {
    if (identify.token !== this.token) {
      ws.close(4004, 'Authentication failed');
      return;
    }
    const [shardId, count] = identify.shard ?? [0, 1];
    this.shardSockets.set(shardId, { ws, count });
    if (this.withholdReady) return;
    const ready = {
      v: 10,
      user: this.botUser,
      guilds: [],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      application: { id: this.applicationId, flags: 0 },
      shard: [shardId, count],
    };
    this.send(ws, 'READY', ready);
    this.emit('identified');
  }

  private async onRequest(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      rawPath: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text === '' ? null : (JSON.parse(text) as unknown),
      answeredContentType: null,
      status: 0,
    };
    const answer = this.route(record);
    record.status = answer.status;
    if (answer.unanswered) {
      this.requests.push(record);
      this.emit('request', record);
      return;
    }
    if (answer.body === undefined) {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    } else {
      record.answeredContentType = 'application/json';
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    }
    this.requests.push(record);
    this.emit('request', record);
  }

  private authorized(r: RecordedRequest): boolean {
    return r.headers.authorization === `Bot ${this.token}`;
  }

  /** Creates a channel message, or finds the one an earlier post with the same enforced nonce created. */
  private createMessage(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    const enforced = body.enforce_nonce === true && nonce !== undefined;
    const earlier = enforced ? this.messagesByNonce.get(nonce) : undefined;
    if (earlier && Date.now() - earlier.at < this.nonceWindowMs) return earlier.message;
    const message = this.message(channelId, body, nonce === undefined ? {} : { nonce });
    this.channelMessages.set(channelId, [...(this.channelMessages.get(channelId) ?? []), message]);
    if (enforced) this.messagesByNonce.set(nonce, { message, at: Date.now() });
    return message;
  }

  private route(r: RecordedRequest): {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
    unanswered?: boolean;
  } {
    const p = r.path;
    const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    if (r.method === 'GET' && p === `${API}/gateway/bot`) {
      if (!this.authorized(r)) return unauthorized;
      const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: limit } };
    }
    if (r.method === 'GET' && p === `${API}/users/@me`) {
      return this.authorized(r) ? { status: 200, body: this.botUser } : unauthorized;
    }
    let m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p);
    if (r.method === 'POST' && m) {
      const state = this.interactions.get(m[1] ?? '');
      if (!state) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      if (state.acknowledged) {
        return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      }
      state.acknowledged = true;
      return { status: 204 };
    }
    m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(p);
    if (m) {
      const body = (r.body ?? {}) as Record<string, unknown>;
      if (r.method === 'PATCH' && m[3]) return { status: 200, body: this.message('0', body) };
      if (r.method === 'DELETE' && m[3]) return { status: 204 };
      if (r.method === 'GET' && m[3]) return { status: 200, body: this.message('0', {}) };
      if (r.method === 'POST' && !m[3]) return { status: 200, body: this.message('0', body) };
    }
    m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(p);
    if (r.method === 'POST' && m) {
      if (!this.authorized(r)) return unauthorized;
      const channelId = m[1] ?? '';
      const failure = this.channelFailures.get(channelId)?.shift();
      if (failure) return { status: failure.status, body: failure.body, headers: failure.headers ?? {} };
      const body = (r.body ?? {}) as Record<string, unknown>;
      const message = this.createMessage(channelId, body);
      return { status: 200, body: message, unanswered: this.stalled?.(channelId, body) ?? false };
    }
    m = /^\/api\/v10\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/.exec(p);
    if (r.method === 'PUT' && m) {
      if (!this.authorized(r)) return unauthorized;
      const commands = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      const guildId = m[3];
      const registered = commands.map((c) => ({
        ...c,
        id: snowflake(),
        application_id: m?.[1],
        version: snowflake(),
        ...(guildId ? { guild_id: guildId } : {}),
      }));
      return { status: 200, body: registered };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}

/** Starts a fake Discord on 127.0.0.1 (port 0). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
