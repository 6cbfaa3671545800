import type { ChatInputCommandInteraction } from 'discord.js';
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { timezoneChoices, topicChoices } from '../autocomplete-choices.ts';
import type { DiscordCommand, DiscordContext } from '../discord-command.ts';
import { statusText, subscribedText, unsubscribedText } from '../render-digest.ts';
import { replyEphemeral } from '../respond.ts';

const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription('Daily digest of new coverage in a channel (Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setDMPermission(false)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('subscribe')
      .setDescription('Post a daily digest in a channel')
      .addStringOption((o) =>
        o.setName('time').setDescription('Local time, 24-hour HH:MM, e.g. 08:00').setRequired(true).setMaxLength(5),
      )
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('IANA time zone, e.g. Europe/Berlin')
          .setRequired(true)
          .setMaxLength(64)
          .setAutocomplete(true),
      )
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where to post (default: this channel)')
          .addChannelTypes(...POSTABLE_CHANNELS),
      )
      .addStringOption((o) =>
        o.setName('topic').setDescription('Only news on this topic (optional)').setMaxLength(200).setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('include')
          .setDescription('Only stories with one of these words or phrases, comma-separated')
          .setMaxLength(600),
      )
      .addStringOption((o) =>
        o
          .setName('exclude')
          .setDescription('Leave out stories with any of these words or phrases, comma-separated')
          .setMaxLength(600),
      )
      .addStringOption((o) =>
        o
          .setName('when_empty')
          .setDescription('On days without a new story (default: a short line)')
          .addChoices({ name: 'post a short line', value: 'notice' }, { name: 'post nothing', value: 'silent' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('unsubscribe')
      .setDescription('Stop the daily digest of a channel')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Which channel (default: this channel)')
          .addChannelTypes(...POSTABLE_CHANNELS),
      ),
  )
  .addSubcommand((s) => s.setName('status').setDescription("Show this channel's daily digest"));

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
    // Discord hides /digest from non-managers, but a server can override that: changes are re-checked here.
    if (subcommand !== 'status' && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await replyEphemeral(
        interaction,
        'Only server admins (members with the Manage Server permission) can change daily digests.',
      );
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
        localTime: interaction.options.getString('time', true),
        timezone: interaction.options.getString('timezone', true),
        topic: interaction.options.getString('topic'),
        includeKeywords: interaction.options.getString('include'),
        excludeKeywords: interaction.options.getString('exclude'),
        whenEmpty: interaction.options.getString('when_empty') === 'silent' ? 'silent' : 'notice',
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
