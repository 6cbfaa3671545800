/**
 * Routes interactions to the command table and the buttons, keeps track of
 * those in flight (so shutdown can wait for them) and turns failures into
 * polite ephemeral messages.
 */
import type { Interaction } from 'discord.js';
import { RATE_LIMIT_MESSAGE } from '../../core/commands/guards.ts';
import { handleButton } from './button-handlers.ts';
import type { DiscordCommand, DiscordContext } from './discord-command.ts';
import { describeError, replyEphemeral, replyWithError } from './respond.ts';

export interface InteractionRouter {
  /** Starts handling an interaction; never throws. */
  handle(interaction: Interaction): void;
  /** Stops accepting interactions and waits (at most `timeoutMs`) for those in flight. */
  drain(timeoutMs: number): Promise<void>;
  /** Resolves when no interaction is being handled. */
  idle(): Promise<void>;
}

async function route(
  interaction: Interaction,
  commands: ReadonlyMap<string, DiscordCommand>,
  context: DiscordContext,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    try {
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
    } catch (error) {
      context.logger.warn({ err: describeError(error), command: interaction.commandName }, 'autocomplete failed');
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  // Discord shows "did not respond" for an unanswered interaction, so every limited one gets the notice.
  if (context.guard.admit(`discord:${interaction.user.id}`) !== 'allowed') {
    await replyEphemeral(interaction, RATE_LIMIT_MESSAGE);
    return;
  }
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (command) await command.execute(interaction, context);
      else await replyEphemeral(interaction, 'That command is not known here any more. Try /brief or /ask.');
    } else if (interaction.isButton()) {
      if (!(await handleButton(interaction, context))) {
        await replyEphemeral(interaction, 'That button is no longer supported. Try /brief or /ask.');
      }
    }
  } catch (error) {
    await replyWithError(interaction, error, context.logger);
  }
}

export function createInteractionRouter(
  commands: readonly DiscordCommand[],
  context: DiscordContext,
): InteractionRouter {
  const table = new Map(commands.map((c) => [c.data.name, c]));
  const running = new Set<Promise<void>>();
  let accepting = true;

  const handle = (interaction: Interaction): void => {
    const task = (async () => {
      if (!accepting) {
        if (interaction.isRepliable())
          await replyEphemeral(interaction, 'The bot is restarting; please try again in a minute.');
        return;
      }
      await route(interaction, table, context);
    })()
      .catch((error: unknown) => context.logger.error({ err: describeError(error) }, 'discord interaction crashed'))
      .finally(() => running.delete(task));
    running.add(task);
  };

  const drain = async (timeoutMs: number): Promise<void> => {
    accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...running]), timeout]);
    clearTimeout(timer);
  };

  const idle = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };

  return { handle, drain, idle };
}
