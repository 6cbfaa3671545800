/**
 * Builders of INTERACTION_CREATE payloads in Discord's wire shape (API v10):
 * chat-input commands, autocomplete and button presses, from a guild member
 * (admin or not) or in a DM.
 */
import { snowflake } from './discord.ts';

/** Manage Server (0x20) plus View Channel and Send Messages. */
export const ADMIN_PERMISSIONS = String(0x20 | 0x400 | 0x800);
/** View Channel and Send Messages only. */
export const MEMBER_PERMISSIONS = String(0x400 | 0x800);

export interface Actor {
  userId: string;
  /** A guild member with these permissions, or (when undefined) a DM. */
  permissions?: string;
  guildId?: string;
  channelId: string;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

export type RawInteraction = { id: string; token: string } & Record<string, unknown>;

function user(id: string) {
  return { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
}

/** Fields every interaction has, in a guild or a DM. */
function base(applicationId: string, type: number, actor: Actor): RawInteraction {
  const common = {
    id: snowflake(),
    token: `interaction-token-${snowflake()}`,
    application_id: applicationId,
    type,
    version: 1,
    channel_id: actor.channelId,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (actor.permissions !== undefined && actor.guildId) {
    return {
      ...common,
      guild_id: actor.guildId,
      guild_locale: 'en-US',
      channel: { id: actor.channelId, type: 0, guild_id: actor.guildId, name: 'briefings' },
      member: {
        user: user(actor.userId),
        roles: [],
        permissions: actor.permissions,
        joined_at: '2022-01-01T00:00:00.000000+00:00',
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      },
      authorizing_integration_owners: { '0': actor.guildId },
      context: 0,
    };
  }
  return {
    ...common,
    channel: { id: actor.channelId, type: 1, recipients: [user(actor.userId)] },
    user: user(actor.userId),
    authorizing_integration_owners: { '0': actor.userId },
    context: 1,
  };
}

/** A chat-input (slash) command, type 2. `resolved` carries channel objects for channel options. */
export function chatInput(
  applicationId: string,
  actor: Actor,
  name: string,
  options: CommandOption[] = [],
  resolved?: Record<string, unknown>,
): RawInteraction {
  return {
    ...base(applicationId, 2, actor),
    data: { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) },
  };
}

/** An autocomplete request, type 4: one option is `focused`. */
export function autocomplete(
  applicationId: string,
  actor: Actor,
  name: string,
  options: CommandOption[],
): RawInteraction {
  return { ...base(applicationId, 4, actor), data: { id: snowflake(), name, type: 1, options } };
}

/** A button press, type 3, on a message the bot posted. */
export function buttonPress(
  applicationId: string,
  actor: Actor,
  customId: string,
  message: Record<string, unknown>,
): RawInteraction {
  return {
    ...base(applicationId, 3, actor),
    data: { custom_id: customId, component_type: 2 },
    message: { ...message, channel_id: actor.channelId },
  };
}

/** A string option. */
export const str = (name: string, value: string, focused?: boolean): CommandOption => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused } : {}),
});
