/** Webhook mode: a node:http server on PORT that hands Telegram's POSTs to grammY. */
import { randomBytes } from 'node:crypto';
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
 * Listens on `port` and registers `url` with Telegram (setWebhook) with a
 * secret token that every update must carry; without a configured secret a
 * random one is used, so strangers still cannot post updates.
 */
export async function startWebhookServer(
  bot: Bot,
  options: { url: string; secret: string | undefined; port: number },
  logger: Logger,
): Promise<WebhookServer> {
  const secretToken = options.secret ?? randomBytes(24).toString('hex');
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
