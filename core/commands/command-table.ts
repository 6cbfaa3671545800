/**
 * Every chat command, defined once: name, arguments and their limits, help text, who may run it and, for
 * the conversation commands, the core call. Adapters bind this table to Discord slash commands, Telegram
 * commands and console commands; menus (`discord:deploy`, Telegram's setMyCommands) and /help are
 * generated from it, so a command or a limit changes here and nowhere else.
 */
import { timelineReply } from '../analysis/timeline.ts';
import type { WhyReport } from '../analysis/why.ts';
import type { AttacheApi } from '../api.ts';
import type { DocumentSummary } from '../corpus.ts';
import { MAX_TOPIC_CHARS } from '../digest/subscription-input.ts';
import { MAX_INPUT_CHARS } from '../input.ts';
import type { Reply } from '../reply.ts';

/** Who may run a command: anyone, the chat's or server's administrators, or the operator's BOT_ADMINS. */
export type Audience = 'everyone' | 'chat-admins' | 'bot-admins';

/** One argument of a command (or of one of its actions). */
export interface ArgumentSpec {
  name: string;
  /** One line for menus and slash-command option descriptions (at most 100 characters). */
  description: string;
  required: boolean;
  /** Longest value accepted (core's own limits). */
  maxLength: number;
  /** Values core can offer while the user types. */
  suggest?: 'topics' | 'timezones';
  /** Free text checked by core as a question or topic before the call (empty, too long, not text). */
  text?: 'question' | 'topic';
  /** The only values accepted, with the label each is shown under. */
  choices?: readonly { name: string; value: string }[];
}

/** A sub-action of a command, e.g. `digest subscribe` or `feeds add`. */
export interface ActionSpec {
  name: string;
  summary: string;
  arguments: readonly ArgumentSpec[];
  audience: Audience;
}

/** What a conversation command produced, for the adapter to render. */
export type CommandResult =
  /** A briefing or answer; `continuable` replies get the More and Sources buttons. */
  | { kind: 'reply'; reply: Reply; continuable: boolean }
  | { kind: 'documents'; documents: DocumentSummary[] }
  | { kind: 'why'; report: WhyReport | null };

/** What a command call gets: the conversation it belongs to and its (checked) text argument. */
export interface CommandInput {
  conversation: string;
  /** The command's text argument, trimmed; '' when none was given. */
  text: string;
}

export interface CommandSpec {
  name: string;
  /** One line for menus (setMyCommands, slash-command description; at most 100 characters). */
  summary: string;
  /** The /help line after the usage, with an example where one helps. */
  help: string;
  arguments: readonly ArgumentSpec[];
  actions?: readonly ActionSpec[];
  audience: Audience;
  /** Shown only to the user who ran it (Discord ephemeral replies). */
  private?: boolean;
  /** The core call of a conversation command; absent for digest and feeds, whose targets the adapter knows. */
  call?: (api: AttacheApi, input: CommandInput) => Promise<CommandResult>;
}

const TOPIC: ArgumentSpec = {
  name: 'topic',
  description: 'What to brief on, e.g. Ryabkov or NATO (optional)',
  required: false,
  maxLength: MAX_TOPIC_CHARS,
  suggest: 'topics',
  text: 'topic',
};

const reply = (value: Reply, continuable = true): CommandResult => ({ kind: 'reply', reply: value, continuable });
const topicOf = (input: CommandInput) => (input.text ? { topic: input.text } : {});

/** The commands, in the order menus and /help list them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'brief',
    summary: 'A short cited briefing, optionally on a topic',
    help: 'a short cited briefing, e.g. on Geneva talks',
    arguments: [TOPIC],
    audience: 'everyone',
    call: async (api, input) => reply(await api.brief({ conversation: input.conversation, ...topicOf(input) })),
  },
  {
    name: 'ask',
    summary: 'Ask a question (answered from the sources, with citations)',
    help: 'a cited answer, e.g. What did Ryabkov say about concessions?',
    arguments: [
      {
        name: 'question',
        description: 'e.g. What did Ryabkov say about concessions?',
        required: true,
        maxLength: MAX_INPUT_CHARS,
        text: 'question',
      },
    ],
    audience: 'everyone',
    call: async (api, input) => reply(await api.ask({ question: input.text, conversation: input.conversation })),
  },
  {
    name: 'more',
    summary: 'More on the last briefing or answer',
    help: 'more on the last briefing or answer (or press More)',
    arguments: [],
    audience: 'everyone',
    call: async (api, input) => reply(await api.more({ conversation: input.conversation })),
  },
  {
    name: 'sources',
    summary: 'The articles I draw on',
    help: 'the articles I draw on (press Sources under a reply for its quotes)',
    arguments: [],
    audience: 'everyone',
    call: async (api) => ({ kind: 'documents', documents: await api.sources() }),
  },
  {
    name: 'timeline',
    summary: 'Dated events in order, each cited',
    help: 'dated events in order, each cited',
    arguments: [{ ...TOPIC, description: 'What the events should be about, e.g. ceasefire talks (optional)' }],
    audience: 'everyone',
    // A timeline is no conversation turn: nothing to continue.
    call: async (api, input) => reply(timelineReply(await api.timeline(topicOf(input)), 'extractive'), false),
  },
  {
    name: 'why',
    summary: 'How my last reply came about: passages, engine, corpus',
    help: 'how your last reply came about: passages retrieved and cited, engine, corpus',
    arguments: [],
    audience: 'everyone',
    private: true,
    call: async (api, input) => ({ kind: 'why', report: await api.why({ conversation: input.conversation }) }),
  },
  {
    name: 'digest',
    summary: 'A daily digest of new coverage in this chat or channel',
    help: 'a daily digest here (administrators set it up and cancel it)',
    arguments: [],
    audience: 'everyone',
    private: true,
    actions: [
      {
        name: 'subscribe',
        summary: 'Post a daily digest here',
        audience: 'chat-admins',
        arguments: [
          { name: 'time', description: 'Local time, 24-hour HH:MM, e.g. 08:00', required: true, maxLength: 5 },
          {
            name: 'timezone',
            description: 'IANA time zone, e.g. Europe/Berlin',
            required: false,
            maxLength: 64,
            suggest: 'timezones',
          },
          { ...TOPIC, description: 'Only news on this topic (optional)' },
          {
            name: 'include',
            description: 'Only stories with one of these words or phrases, comma-separated',
            required: false,
            maxLength: 600,
          },
          {
            name: 'exclude',
            description: 'Leave out stories with any of these words or phrases, comma-separated',
            required: false,
            maxLength: 600,
          },
          {
            name: 'when_empty',
            description: 'On days without a new story (default: a short line)',
            required: false,
            maxLength: 6,
            choices: [
              { name: 'post a short line', value: 'notice' },
              { name: 'post nothing', value: 'silent' },
            ],
          },
        ],
      },
      { name: 'unsubscribe', summary: 'Stop the daily digest', audience: 'chat-admins', arguments: [] },
      { name: 'status', summary: 'Show the daily digest subscription', audience: 'everyone', arguments: [] },
    ],
  },
  {
    name: 'feeds',
    summary: 'News feeds the bot follows (bot administrators only)',
    help: 'add, list or remove the news feeds the bot follows (bot administrators)',
    arguments: [],
    audience: 'bot-admins',
    private: true,
    actions: [
      {
        name: 'add',
        summary: 'Follow a feed (RSS, Atom, RDF or JSON Feed)',
        audience: 'bot-admins',
        arguments: [
          { name: 'url', description: 'The feed URL, http(s)', required: true, maxLength: MAX_INPUT_CHARS },
          { name: 'every', description: 'Poll interval, e.g. 30m, 2h (default 30m)', required: false, maxLength: 8 },
          { name: 'outlet', description: 'Outlet name to show for its articles', required: false, maxLength: 100 },
        ],
      },
      { name: 'list', summary: 'The feeds followed, with their state', audience: 'bot-admins', arguments: [] },
      {
        name: 'remove',
        summary: 'Stop following a feed',
        audience: 'bot-admins',
        arguments: [{ name: 'feed', description: 'The feed #id or URL', required: true, maxLength: MAX_INPUT_CHARS }],
      },
    ],
  },
  {
    name: 'help',
    summary: 'What I do and how to use me',
    help: 'what I do, what my sources cover and how to use me',
    arguments: [],
    audience: 'everyone',
    private: true,
  },
];

/** The command of that name; throws for a name the table lacks (a wiring mistake, not user input). */
export function command(name: string): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new Error(`No command named ${name} in the command table`);
  return spec;
}

/** The action of a command; throws for a name the table lacks. */
export function action(commandName: string, name: string): ActionSpec {
  const spec = command(commandName).actions?.find((a) => a.name === name);
  if (!spec) throw new Error(`No action ${commandName} ${name} in the command table`);
  return spec;
}
