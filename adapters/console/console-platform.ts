/** The console behind core's PlatformAdapter port: one local person, no digests (nowhere to post them). */
import { InputError } from '../../core/errors.ts';
import type { PlatformAdapter } from '../../core/ports/platform.ts';

export const CONSOLE = 'console';

/** `console:<session>`: one conversation per console session. */
export function consoleConversation(session: string): string {
  return `${CONSOLE}:${session}`;
}

/** The console platform. */
export function consolePlatform(): PlatformAdapter {
  return {
    name: CONSOLE,
    parseGroupId(value) {
      throw new InputError('bad_guild', `"${value}" is not a valid guild id: the console has no servers.`);
    },
    conversationId: (place) => consoleConversation(place),
    unsubscribeHint: '',
  };
}
