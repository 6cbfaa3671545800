import { command } from '../../../core/commands/command-table.ts';
import type { DiscordCommand } from '../discord-command.ts';
import { renderHelp } from '../render-help.ts';
import { sendMessages } from '../respond.ts';
import { slashData } from '../slash-data.ts';

/** `/help`: what the bot does and what its corpus covers, shown only to the asker; /feeds only to BOT_ADMINS. */
export const helpCommand: DiscordCommand = {
  data: slashData(command('help')),
  async execute(interaction, context) {
    const admin = context.feeds?.isAdmin(`discord:${interaction.user.id}`) ?? false;
    await sendMessages(interaction, renderHelp(await context.attache.sources(), admin), { ephemeral: true });
  },
};
