/** The shape of a slash-command module, in discord.js's own style: data plus handlers. */
import type {
  AutocompleteInteraction,
  BaseInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandGuard } from '../../core/commands/guards.ts';
import type { TopicIndex } from '../../core/topics/suggest-topics.ts';
import type { AdapterCore } from '../running-adapter.ts';

/** What command handlers get: the core, topic suggestions and the interaction's channel. */
export interface DiscordContext extends AdapterCore {
  topics: TopicIndex;
  /** Core's guard: rate limit, permissions and input limits, with Discord's wording. */
  guard: CommandGuard;
  /** The channel an interaction came from, or null when Discord sent none. */
  channelOf(interaction: BaseInteraction): string | null;
}

/** A slash command: its registration data (`toJSON()` is what `discord:deploy` sends) and handlers. */
export interface DiscordCommand {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void>;
}
