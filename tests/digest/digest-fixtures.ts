/** Shared fixtures of the digest tests: temp databases, a settable clock, a stub briefing engine, a recording logger. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discordPlatform } from '../../adapters/discord/discord-platform.ts';
import { telegramPlatform } from '../../adapters/telegram/telegram-platform.ts';
import type { AttacheApi, DigestApi, SubscribeInput } from '../../core/api.ts';
import { createDigestRunner, type DigestRunner, type DigestRunnerDeps } from '../../core/digest/digest-runner.ts';
import { createDigestService } from '../../core/digest/digest-service.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { AppDatabase } from '../../db/open-database.ts';
import { createDigestRepository } from '../../db/repositories/digest-repository.ts';
import { digestRuns } from '../../db/schema.ts';

/** A fresh directory for database files; call the returned cleanup in afterEach. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'attache-digest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FakeClock extends Clock {
  set(iso: string): void;
}

export function fakeClock(iso: string): FakeClock {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object | string;
  msg: string | undefined;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object | string, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A stand-in for core's search (the digest's topic filter): records each topic and finds the documents
 * `matching` names for it.
 */
export function stubAttache(matching: (topic: string) => readonly string[] = () => []) {
  const calls: string[] = [];
  const attache: Pick<AttacheApi, 'search'> & { calls: string[] } = {
    calls,
    async search(text) {
      calls.push(text);
      const passages = matching(text).map((documentId) => ({
        id: `${documentId}:0`,
        documentId,
        ordinal: 0,
        start: 0,
        end: 1,
        text: 'x',
        score: 1,
        document: {
          id: documentId,
          title: null,
          outlet: null,
          author: null,
          publishedAt: null,
          url: null,
          language: null,
        },
      }));
      return { passages, terms: [] };
    },
  };
  return attache;
}

export interface Harness {
  digests: DigestApi;
  runner: DigestRunner;
  clock: FakeClock;
  logger: ReturnType<typeof recordingLogger>;
  sleeps: number[];
}

/** The digest service and a runner over one database, with a fake clock and sleeps that only record. */
export function harness(
  db: AppDatabase,
  options: { at: string; attache?: Pick<AttacheApi, 'search'> } & Partial<DigestRunnerDeps> = { at: '' },
): Harness {
  const clock = fakeClock(options.at);
  const logger = recordingLogger();
  const sleeps: number[] = [];
  const store = createDigestRepository(db);
  const runner = createDigestRunner({
    store,
    attache: options.attache ?? stubAttache(),
    clock,
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    // The top of the jitter range, so the waits are the policy's own figures.
    random: () => 1,
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.staleClaimMs ? { staleClaimMs: options.staleClaimMs } : {}),
  });
  return {
    digests: createDigestService({ store, clock, logger, platforms: [telegramPlatform(), discordPlatform()] }),
    runner,
    clock,
    logger,
    sleeps,
  };
}

export function subscription(overrides: Partial<SubscribeInput> = {}): SubscribeInput {
  return { platform: 'telegram', targetId: '1001', localTime: '08:00', timezone: 'Europe/Berlin', ...overrides };
}

/** Every digest_runs row, oldest date first. */
export function allRuns(db: AppDatabase) {
  return db.select().from(digestRuns).orderBy(digestRuns.localDate, digestRuns.id).all();
}
