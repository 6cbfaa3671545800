import type { ChatInputCommandInteraction } from 'discord.js';
import { ChannelType, PermissionFlagsBits, type SlashCommandSubcommandBuilder } from 'discord.js';
import { action, command } from '../../../core/commands/command-table.ts';
import { timezoneChoices, topicChoices } from '../autocomplete-choices.ts';
import type { DiscordCommand, DiscordContext } from '../discord-command.ts';
import { statusText, subscribedText, unsubscribedText } from '../render-digest.ts';
import { replyEphemeral } from '../respond.ts';
import { slashData } from '../slash-data.ts';

const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const channelOption = (what: string) => (s: SlashCommandSubcommandBuilder) =>
  s.addChannelOption((o) =>
    o
      .setName('channel')
      .setDescription(`${what} (default: this channel)`)
      .addChannelTypes(...POSTABLE_CHANNELS),
  );

/** Generated from core's table; Discord adds the channel picker and hides it from non-managers by default. */
const data = slashData(command('digest'), {
  subscribe: channelOption('Where to post'),
  unsubscribe: channelOption('Which channel'),
})
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setDMPermission(false);

/** The target channel: the `channel` option's id, else the channel the command was used in. */
function targetChannel(interaction: ChatInputCommandInteraction, context: DiscordContext): string | null {
  const option = interaction.options.get('channel')?.value;
  return typeof option === 'string' && option !== '' ? option : context.channelOf(interaction);
}

/** `/digest subscribe|unsubscribe|status`: changes by server managers only (re-checked here, not only in Discord's UI). */
export const digestCommand: DiscordCommand = {
  data,
  async execute(interaction, context) {
    if (!interaction.guildId) {
      await replyEphemeral(interaction, 'Daily digests are set up in a server channel, not in direct messages.');
      return;
    }
    const subcommand = interaction.options.getSubcommand();
    // Discord hides /digest from non-managers, but a server can override that: core's guard re-checks here.
    const spec = action('digest', subcommand);
    const values = Object.fromEntries(spec.arguments.map((a) => [a.name, interaction.options.getString(a.name)]));
    const actor = {
      id: `discord:${interaction.user.id}`,
      isChatAdmin: async () => interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    };
    const checked = await context.guard.check(spec, actor, values);
    if (!checked.ok) {
      await replyEphemeral(interaction, checked.message);
      return;
    }
    const channelId = targetChannel(interaction, context);
    if (!channelId) {
      await replyEphemeral(
        interaction,
        'I could not tell which channel you mean; please pick one with the channel option.',
      );
      return;
    }
    const target = { platform: 'discord' as const, targetId: channelId };
    if (subcommand === 'subscribe') {
      const view = await context.digests.subscribe({
        ...target,
        guildId: interaction.guildId,
        localTime: checked.values.time ?? '',
        timezone: checked.values.timezone ?? '',
        topic: checked.values.topic ?? null,
        includeKeywords: checked.values.include ?? null,
        excludeKeywords: checked.values.exclude ?? null,
        whenEmpty: checked.values.when_empty === 'silent' ? 'silent' : 'notice',
        createdBy: interaction.user.id,
      });
      await replyEphemeral(interaction, subscribedText(view));
    } else if (subcommand === 'unsubscribe') {
      await replyEphemeral(
        interaction,
        unsubscribedText(channelId, (await context.digests.unsubscribe(target)).removed),
      );
    } else {
      await replyEphemeral(interaction, statusText(channelId, await context.digests.status(target)));
    }
  },
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === 'timezone'
        ? timezoneChoices(focused.value)
        : topicChoices(await context.topics.suggest(focused.value));
    await interaction.respond(choices);
  },
};
