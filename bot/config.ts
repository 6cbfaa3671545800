import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { DEFAULT_LEASE_MS } from '../core/lease.ts';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (variable: string) =>
  optionalString.refine((value) => value === undefined || URL.canParse(value), {
    message: `${variable} must be a URL, e.g. http://127.0.0.1:8081`,
  });

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a positive whole number' });
        return z.NEVER;
      }
      return n;
    });

/** `DISCORD_SHARDS`: the shards this process runs, of how many: `0/2`, `0,2/4` or `2-3/4`. */
const shards = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const match = /^(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)\/(\d+)$/.exec(value);
    const count = Number(match?.[2]);
    const ids = (match?.[1] ?? '').split(',').flatMap((part) => {
      const [from = 0, to = from] = part.split('-').map(Number);
      return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    });
    if (!match || count < 1 || ids.length === 0 || ids.some((id) => id >= count) || new Set(ids).size < ids.length) {
      ctx.addIssue({
        code: 'custom',
        message: "must name this process's shards of the total, e.g. 0/2, 0,2/4 or 2-3/4 (ids below the total)",
      });
      return z.NEVER;
    }
    return { ids, count };
  });

const schema = z.object({
  DATABASE_PATH: optionalString.default('./data/attache.db'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(?:ql)?:\/\/\S+$/.test(v), {
    message: 'must be a postgres:// URL',
  }),
  SEEDS_DIR: optionalString.default('./seeds'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ENGINE: z.enum(['auto', 'extractive', 'claude']).default('auto'),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: url('ANTHROPIC_BASE_URL'),
  ANTHROPIC_MODEL: optionalString,
  ANTHROPIC_TIMEOUT_MS: positiveInt(20_000),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT'),
  TELEGRAM_WEBHOOK_URL: url('TELEGRAM_WEBHOOK_URL'),
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)',
  }),
  PORT: positiveInt(8080),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'must be a numeric Discord snowflake',
  }),
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'must be a numeric Discord snowflake',
  }),
  DISCORD_API_ROOT: url('DISCORD_API_ROOT').default('https://discord.com/api'),
  DISCORD_SHARDS: shards,
  BOT_ADMINS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((id) => /^(telegram|discord):\d{1,25}$/.test(id.trim())),
    { message: 'must list ids as telegram:123 or discord:456, separated by commas' },
  ),
  FEEDS_ALLOW_PRIVATE: z.enum(['0', '1', '']).optional(),
  CLAIM_LEASE_SECONDS: positiveInt(DEFAULT_LEASE_MS / 1000),
  ALIASES_FILE: optionalString,
  PEOPLE_FILE: optionalString,
});

type Env = z.infer<typeof schema>;

export interface Config {
  databasePath: string;
  /** `postgres://…`: the PostgreSQL store instead of SQLite (never logged: it may hold a password). */
  databaseUrl: string | undefined;
  seedsDir: string;
  logLevel: Env['LOG_LEVEL'];
  engine: 'extractive' | 'claude';
  anthropic: { apiKey: string | undefined; baseUrl: string | undefined; model: string | undefined; timeoutMs: number };
  telegram: {
    token: string | undefined;
    apiRoot: string | undefined;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
    port: number;
  };
  discord: {
    token: string | undefined;
    applicationId: string | undefined;
    guildId: string | undefined;
    apiRoot: string;
    /** DISCORD_SHARDS: the gateway shards this process runs, of `count`; unset: one process, one shard. */
    shards: { ids: number[]; count: number } | undefined;
  };
  feeds: {
    /** FEEDS_ALLOW_PRIVATE=1: feed and page URLs may reach loopback and private addresses (tests only). */
    allowPrivate: boolean;
    /** Platform user ids (`telegram:123`, `discord:456`) allowed to manage feeds from chat. */
    admins: string[];
  };
  /** The operator's additions to core/knowledge (domain aliases, people), JSON files. */
  knowledge: { aliasesFile: string | undefined; peopleFile: string | undefined };
  /**
   * CLAIM_LEASE_SECONDS: how long an instance's claim on shared work (a feed poll, a digest, an incoming update)
   * lasts without its heartbeat, so how soon another instance takes over the work of one that died.
   */
  claimLeaseMs: number;
}

/** Reads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * Validates the environment. Throws a ConfigError whose message is one line
 * naming the variable; values (tokens, keys) never appear in it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const detail = issue?.code === 'invalid_value' ? `must be one of: ${issue.values.join(', ')}` : issue?.message;
    throw new ConfigError(variable, `Invalid configuration: ${variable} ${detail ?? 'is invalid'}.`);
  }
  const e = parsed.data;
  if (e.ENGINE === 'claude' && !e.ANTHROPIC_API_KEY) {
    throw new ConfigError(
      'ANTHROPIC_API_KEY',
      'Invalid configuration: ANTHROPIC_API_KEY must be set when ENGINE=claude.',
    );
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID',
      'Invalid configuration: DISCORD_APPLICATION_ID must be set when DISCORD_TOKEN is set.',
    );
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError(
      'TELEGRAM_BOT_TOKEN',
      'Invalid configuration: TELEGRAM_BOT_TOKEN must be set when TELEGRAM_WEBHOOK_URL is set.',
    );
  }
  return {
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    seedsDir: e.SEEDS_DIR,
    logLevel: e.LOG_LEVEL,
    engine: e.ENGINE === 'auto' ? (e.ANTHROPIC_API_KEY ? 'claude' : 'extractive') : e.ENGINE,
    anthropic: {
      apiKey: e.ANTHROPIC_API_KEY,
      baseUrl: e.ANTHROPIC_BASE_URL,
      model: e.ANTHROPIC_MODEL,
      timeoutMs: e.ANTHROPIC_TIMEOUT_MS,
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      port: e.PORT,
    },
    feeds: {
      allowPrivate: e.FEEDS_ALLOW_PRIVATE === '1',
      admins: (e.BOT_ADMINS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    },
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiRoot: e.DISCORD_API_ROOT.replace(/\/+$/, ''),
      shards: e.DISCORD_SHARDS,
    },
    knowledge: { aliasesFile: e.ALIASES_FILE, peopleFile: e.PEOPLE_FILE },
    claimLeaseMs: e.CLAIM_LEASE_SECONDS * 1000,
  };
}
