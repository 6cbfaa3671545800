/** The chat commands, questions and reply buttons, bound to core's command table. */
import { Composer, type Context } from 'grammy';
import { type CommandResult, type CommandSpec, command } from '../../core/commands/command-table.ts';
import type { CommandGuard } from '../../core/commands/guards.ts';
import type { AdapterCore } from '../running-adapter.ts';
import { isOwnCommand, isPrivateChat, questionText } from './addressing.ts';
import { conversationId, sendHtml, sendNotice, sendReply, withTyping } from './chat-replies.ts';
import { TELEGRAM_COMMANDS } from './command-menu.ts';
import { renderDocuments, renderHelp, renderWhy } from './render-info.ts';
import { renderCitations, renderReply } from './render-telegram.ts';
import { MORE_BUTTON, SOURCES_BUTTON } from './send-messages.ts';
import { describeError } from './telegram-errors.ts';

export { BOT_COMMANDS } from './command-menu.ts';

const ASK_USAGE = 'Ask me a question after /ask, for example: /ask What did Ryabkov say about concessions?';
const MENTION_USAGE = 'Ask me a question after the mention, for example: What did Ryabkov say about concessions?';

function commandArgument(ctx: Context): string {
  return typeof ctx.match === 'string' ? ctx.match.trim() : '';
}

async function show(ctx: Context, result: CommandResult): Promise<void> {
  if (result.kind === 'documents') return sendHtml(ctx, renderDocuments(result.documents));
  if (result.kind === 'why') return sendHtml(ctx, renderWhy(result.report));
  if (result.continuable) return sendReply(ctx, result.reply);
  await sendHtml(ctx, renderReply(result.reply));
}

/** Runs a conversation command of the table: core's guard checks the text, core's call answers, then render. */
async function run(ctx: Context, core: AdapterCore, guard: CommandGuard, spec: CommandSpec, text: string) {
  const [argument] = spec.arguments;
  const actor = { id: `telegram:${ctx.from?.id ?? 'unknown'}` };
  const checked = await guard.check(spec, actor, argument ? { [argument.name]: text } : {});
  if (!checked.ok) return sendNotice(ctx, checked.message);
  const input = { conversation: conversationId(ctx), text: (argument && checked.values[argument.name]) || '' };
  const call = spec.call;
  if (!call) return;
  // Only the slow calls (engine work) show "typing…".
  const slow = spec.arguments.length > 0 || spec.name === 'more';
  await show(ctx, await (slow ? withTyping(ctx, () => call(core.attache, input)) : call(core.attache, input)));
}

async function more(ctx: Context, core: AdapterCore, guard: CommandGuard): Promise<void> {
  await run(ctx, core, guard, command('more'), '');
}

/** "Sources": the citations of the last reply, or the corpus documents when there is none. */
async function sources(ctx: Context, core: AdapterCore): Promise<void> {
  const citations = await core.attache.lastCitations({ conversation: conversationId(ctx) });
  await sendHtml(
    ctx,
    citations.length > 0 ? renderCitations(citations) : renderDocuments(await core.attache.sources()),
  );
}

/** Handlers for everything except digest subscriptions. */
export function chatCommands(core: AdapterCore, guard: CommandGuard): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], async (ctx) => {
    const greeting = ctx.msg?.text?.startsWith('/start') ?? false;
    const admin = core.feeds?.isAdmin(`telegram:${ctx.from?.id}`) ?? false;
    await sendHtml(ctx, [renderHelp(await core.attache.sources(), ctx.me.username, greeting, admin)]);
  });
  for (const bound of TELEGRAM_COMMANDS) {
    if (!bound.spec.call) continue;
    const spec = bound.spec;
    composer.command(bound.command, async (ctx) => {
      const text = commandArgument(ctx);
      if (spec.arguments[0]?.required && !text) return sendNotice(ctx, ASK_USAGE);
      await run(ctx, core, guard, spec, text);
    });
  }

  // Answering the query only stops the button's spinner; the content matters more than that call.
  const acknowledge = (ctx: Context, text?: string) =>
    ctx.answerCallbackQuery(text ? { text } : undefined).catch((error: unknown) => {
      core.logger.warn({ error: describeError(error) }, 'telegram: answerCallbackQuery failed');
    });
  composer.callbackQuery(MORE_BUTTON, async (ctx) => {
    await acknowledge(ctx);
    await more(ctx, core, guard);
  });
  composer.callbackQuery(SOURCES_BUTTON, async (ctx) => {
    await acknowledge(ctx);
    await sources(ctx, core);
  });
  composer.on('callback_query:data', (ctx) => acknowledge(ctx, 'This button is no longer active.'));
  return composer;
}

/** Unknown commands and free text: questions in private chats, mentions and replies in groups. */
export function questionHandlers(core: AdapterCore, guard: CommandGuard): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on(['message:text', 'channel_post:text'], async (ctx) => {
    const message = ctx.msg;
    if (message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) {
      // Unknown commands: answer only when they are clearly ours.
      if (isPrivateChat(ctx) || (isOwnCommand(ctx, message) && message.text.split(/\s/)[0]?.includes('@'))) {
        const name = (message.text.split(/\s/)[0] ?? '').slice(0, 40);
        await sendNotice(ctx, `I don't know ${name}. Type /help to see what I can do.`);
      }
      return;
    }
    // Channel posts reach us only as commands; plain posts are the channel's own content.
    if (ctx.channelPost) return;
    const question = questionText(ctx);
    if (!question) return sendNotice(ctx, isPrivateChat(ctx) ? ASK_USAGE : MENTION_USAGE);
    await run(ctx, core, guard, command('ask'), question);
  });
  return composer;
}
