import { command } from '../../../core/commands/command-table.ts';
import type { FeedsAdminReply } from '../../../core/feeds/feeds-admin.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { replyEphemeral } from '../respond.ts';
import { slashData } from '../slash-data.ts';

const data = slashData(command('feeds'));

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
