/** Webhook mode: a node:http server on PORT that hands Telegram's POSTs to grammY. */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Bot, webhookCallback } from 'grammy';
import type { Logger } from '../../core/ports/logger.ts';
import { ALLOWED_UPDATES } from './polling.ts';
import { describeError } from './telegram-errors.ts';

export interface WebhookServer {
  port: number;
  /** Stops accepting connections, waits for `drain` (updates under way), then closes the rest. */
  close(drain: () => Promise<void>): Promise<void>;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * The secret token when none is configured: derived from the bot token, so strangers cannot post updates and every
 * instance behind one balancer agrees on it (with a random one per process, each start's setWebhook would lock the
 * other instances out).
 */
export function defaultWebhookSecret(botToken: string): string {
  return createHash('sha256').update('attache telegram webhook\0').update(botToken).digest('base64url');
}

/**
 * Listens on `port` and registers `url` with Telegram (setWebhook) with a secret token that every update must
 * carry. Several instances may do this behind one balancer: they register the same URL and secret. Telegram sends
 * a chat's next update only once the previous one is answered, and the answer comes when the update is handled
 * (or after 9 s), so a chat's updates are handled in order whichever instance gets them.
 */
export async function startWebhookServer(
  bot: Bot,
  options: { url: string; secret: string | undefined; port: number },
  logger: Logger,
): Promise<WebhookServer> {
  const secretToken = options.secret ?? defaultWebhookSecret(bot.token);
  // Answer Telegram within 9 s even if a reply takes longer; the handler goes on and is tracked.
  const handle = webhookCallback(bot, 'http', { secretToken, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Attaché Telegram webhook\n');
      return;
    }
    handle(req, res).catch((error: unknown) => {
      logger.error({ error: describeError(error) }, 'telegram: webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const port = await listen(server, options.port);
  try {
    await bot.api.setWebhook(options.url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    server.close();
    throw error;
  }
  logger.info({ port, mode: 'webhook' }, 'telegram: listening for webhook updates');
  return {
    port,
    async close(drain) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain();
      server.closeAllConnections();
      await closed;
    },
  };
}
