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
import type { Reply } from '../../core/reply.ts';
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

type BriefInput = Parameters<AttacheApi['brief']>[0];

function citedBriefing(title: string): Reply {
  const blocks = [
    { text: 'Russia ruled out any concession before the talks. [1]', citations: [1] },
    { text: 'The US said it would not discuss NATO expansion. [2]', citations: [2] },
  ];
  return {
    kind: 'briefing',
    status: 'answered',
    title,
    text: [title, '', ...blocks.map((b) => b.text)].join('\n'),
    blocks,
    citations: [
      {
        n: 1,
        documentId: '003_103cb3a0a2eb9731',
        passageId: '003_103cb3a0a2eb9731:2',
        quote: '"We will not agree to any concession. That is completely excluded," said Ryabkov.',
        outlet: 'DW',
        title: 'Russia not hopeful ahead of talks with US over Ukraine',
        publishedAt: '2022-01-09',
        url: null,
      },
      {
        n: 2,
        documentId: '001_30cfb7c040abcbc8',
        passageId: '001_30cfb7c040abcbc8:4',
        quote: 'NATO expansion is not on the table.',
        outlet: 'Example',
        title: 'Talks open',
        publishedAt: '2022-01-10',
        url: null,
      },
    ],
    engine: 'extractive',
    asOf: '2022-01-10',
  };
}

export const REFUSED: Reply = {
  kind: 'briefing',
  status: 'refused',
  title: 'Nothing new',
  text: 'Nothing new',
  blocks: [],
  citations: [],
  engine: 'extractive',
  asOf: null,
};

/**
 * A stand-in for the briefing engine: a cited briefing, or a refusal when asked
 * for what was ingested after an instant and `newAfter` says nothing is newer.
 */
export function stubAttache(newAfter: (ingestedAfter: string) => boolean | Promise<boolean> = () => true) {
  const calls: BriefInput[] = [];
  const attache: Pick<AttacheApi, 'brief'> & { calls: BriefInput[] } = {
    calls,
    async brief(input) {
      calls.push(input);
      if (input.ingestedAfter !== undefined) {
        return (await newAfter(input.ingestedAfter)) ? citedBriefing('New reporting') : REFUSED;
      }
      return citedBriefing('Latest briefing');
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
  options: { at: string; attache?: Pick<AttacheApi, 'brief'> } & Partial<DigestRunnerDeps> = { at: '' },
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
