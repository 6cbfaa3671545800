import { parseArgs } from 'node:util';
import { type CliCommand, writeJson, writeLine } from './command.ts';

/**
 * `discord:deploy`: registers the slash commands with one bulk overwrite (PUT),
 * in DISCORD_GUILD_ID when set (instant), else globally.
 */
export const discordDeployCommand: CliCommand = {
  name: 'discord:deploy',
  usage: 'discord:deploy [--json]',
  summary: 'register the slash commands with Discord (guild when DISCORD_GUILD_ID is set, else global)',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const { token, applicationId, guildId, apiRoot } = context.config.discord;
    if (!token || !applicationId) {
      writeLine(context.stderr, 'discord:deploy needs DISCORD_TOKEN and DISCORD_APPLICATION_ID to be set.');
      return 2;
    }
    // discord.js takes half a second to load: only this command pays for it.
    const [{ DiscordAPIError, REST, Routes }, { commandPayloads }] = await Promise.all([
      import('discord.js'),
      import('../../adapters/discord/command-table.ts'),
    ]);
    const route = guildId
      ? Routes.applicationGuildCommands(applicationId, guildId)
      : Routes.applicationCommands(applicationId);
    const rest = new REST({ api: apiRoot, retries: 1 }).setToken(token);
    try {
      const registered = (await rest.put(route, { body: commandPayloads() })) as { id?: string; name?: string }[];
      const scope = guildId ? `in guild ${guildId}` : 'globally (may take up to an hour to appear)';
      if (values.json) {
        writeJson(context.stdout, { scope: guildId ? { guildId } : 'global', commands: registered });
      } else {
        writeLine(context.stdout, `Registered ${registered.length} slash commands ${scope}:`);
        for (const c of registered) writeLine(context.stdout, `  /${c.name ?? '?'}${c.id ? ` (id ${c.id})` : ''}`);
      }
      return 0;
    } catch (error) {
      const detail =
        error instanceof DiscordAPIError
          ? `Discord answered ${error.status}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      writeLine(context.stderr, `discord:deploy failed: ${detail}`);
      return 1;
    }
  },
};
