import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { FeedsAdminReply } from '../../../core/feeds/feeds-admin.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { replyEphemeral } from '../respond.ts';

const data = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('News feeds the bot follows (bot administrators only)')
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow a feed (RSS, Atom, RDF or JSON Feed)')
      .addStringOption((o) =>
        o.setName('url').setDescription('The feed URL, http(s)').setRequired(true).setMaxLength(2000),
      )
      .addStringOption((o) =>
        o.setName('every').setDescription('Poll interval, e.g. 30m, 2h (default 30m)').setMaxLength(8),
      )
      .addStringOption((o) =>
        o.setName('outlet').setDescription('Outlet name to show for its articles').setMaxLength(100),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The feeds followed, with their state'))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop following a feed')
      .addStringOption((o) =>
        o.setName('feed').setDescription('The feed #id or URL').setRequired(true).setMaxLength(2000),
      ),
  );

/** Discord allows 2,000 characters per message: a long list is cut with a note. */
function render(reply: FeedsAdminReply): string {
  const text = reply.lines.join('\n');
  return text.length <= 1900 ? text : `${text.slice(0, 1900)}\n… (more: use the CLI \`feeds list\`)`;
}

/** `/feeds add|list|remove`: only users listed in BOT_ADMINS (checked in core), answered only to them. */
export const feedsCommand: DiscordCommand = {
  data,
  async execute(interaction, context) {
    const admin = context.feeds;
    if (!admin) {
      await replyEphemeral(interaction, 'Feeds are not available on this bot.');
      return;
    }
    const user = `discord:${interaction.user.id}`;
    const options = interaction.options;
    const subcommand = options.getSubcommand();
    const reply =
      subcommand === 'add'
        ? await admin.add(user, {
            url: options.getString('url', true),
            every: options.getString('every'),
            outlet: options.getString('outlet'),
          })
        : subcommand === 'remove'
          ? await admin.remove(user, options.getString('feed', true))
          : await admin.list(user);
    await replyEphemeral(interaction, render(reply));
  },
};
