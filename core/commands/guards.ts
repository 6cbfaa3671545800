/**
 * The checks in front of every command, composed once for all adapters: a per-user rate limit,
 * who may run it (everyone, chat administrators, BOT_ADMINS) and core's own input limits.
 * Adapters supply only what they know: the user's qualified id, whether they administer the
 * chat, and the platform's wording of an administrators-only refusal.
 */
import { InputError } from '../errors.ts';
import { validateUserText } from '../input.ts';
import type { Clock } from '../ports/clock.ts';
import type { ActionSpec, ArgumentSpec, CommandSpec } from './command-table.ts';

export interface RateLimitOptions {
  /** Messages one user may send per window. */
  limit: number;
  windowMs: number;
}

/** Generous enough for a quick conversation, tight enough to stop a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 30, windowMs: 30_000 };

export const RATE_LIMIT_MESSAGE = "You're sending messages quickly — please wait a few seconds and try again.";

export const BOT_ADMINS_ONLY = "Only the bot's administrators can manage feeds.";

/** allowed: go on; limited: tell the user once; dropped: already told in this window, stay silent. */
export type Admission = 'allowed' | 'limited' | 'dropped';

/** Who runs a command. */
export interface Actor {
  /** Qualified user id, as BOT_ADMINS lists it (`telegram:123`, `discord:456`). */
  id: string;
  /** Whether the user administers the chat or server; asked only for chat-admin commands. */
  isChatAdmin?: () => Promise<boolean>;
}

export type GuardResult = { ok: true; values: Record<string, string | null> } | { ok: false; message: string };

export interface CommandGuard {
  /** Counts one incoming message or button press of a user against the rate limit. */
  admit(userId: string): Admission;
  /**
   * Checks that the actor may run the command (or action) and that its values are within core's limits.
   * Text arguments come back trimmed (blank optional ones as null); a refusal carries a message to show.
   */
  check(spec: CommandSpec | ActionSpec, actor: Actor, values?: Record<string, string | null>): Promise<GuardResult>;
}

export interface GuardOptions {
  rateLimit: RateLimitOptions;
  /** Whether a qualified user id is listed in BOT_ADMINS. */
  isBotAdmin: (userId: string) => boolean;
  clock: Clock;
  /** The platform's words for "only administrators may do this" (a Discord permission, a Telegram group role). */
  chatAdminsOnly: string;
}

/** A fixed-window counter per user; the first excess message of a window is answered, the rest dropped. */
function rateLimiter(options: RateLimitOptions, clock: Clock): (userId: string) => Admission {
  const windows = new Map<string, { start: number; count: number }>();
  return (userId) => {
    const now = clock.now().getTime();
    let window = windows.get(userId);
    if (!window || now - window.start >= options.windowMs) {
      // Forget windows that ended, so a long-running bot does not keep every user it ever saw.
      for (const [key, w] of windows) if (now - w.start >= options.windowMs) windows.delete(key);
      window = { start: now, count: 0 };
      windows.set(userId, window);
    }
    window.count += 1;
    if (window.count <= options.limit) return 'allowed';
    return window.count === options.limit + 1 ? 'limited' : 'dropped';
  };
}

/** A value checked against its argument's limits; InputError (safe to show) when it is not acceptable. */
function checkValue(argument: ArgumentSpec, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') {
    if (argument.required) throw new InputError('missing', `Please give the ${argument.name}: ${argument.description}`);
    return null;
  }
  if (argument.choices && !argument.choices.some((c) => c.value === value)) {
    const allowed = argument.choices.map((c) => c.value).join(' or ');
    throw new InputError('bad_choice', `The ${argument.name} must be ${allowed}.`);
  }
  // Times, zones, URLs and ids are checked by the core call that parses them, with a message about the format.
  if (!argument.text) return value;
  const checked = validateUserText(value, argument.text);
  if (checked.length > argument.maxLength) {
    throw new InputError(
      'too_long',
      `The ${argument.name} is ${checked.length.toLocaleString('en-US')} characters long; please shorten it to at most ${argument.maxLength.toLocaleString('en-US')}.`,
    );
  }
  return checked;
}

/** The guard every adapter puts in front of its command handlers. */
export function createCommandGuard(options: GuardOptions): CommandGuard {
  const admit = rateLimiter(options.rateLimit, options.clock);
  return {
    admit,
    async check(spec, actor, values = {}) {
      if (spec.audience === 'bot-admins' && !options.isBotAdmin(actor.id))
        return { ok: false, message: BOT_ADMINS_ONLY };
      if (spec.audience === 'chat-admins' && !(await actor.isChatAdmin?.())) {
        return { ok: false, message: options.chatAdminsOnly };
      }
      try {
        const checked: Record<string, string | null> = {};
        for (const argument of spec.arguments) checked[argument.name] = checkValue(argument, values[argument.name]);
        return { ok: true, values: checked };
      } catch (error) {
        if (error instanceof InputError) return { ok: false, message: error.message };
        throw error;
      }
    },
  };
}
