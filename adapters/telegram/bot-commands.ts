/** The chat commands, questions and reply buttons, mapped to core calls. */
import { Composer, type Context } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { AdapterCore } from '../running-adapter.ts';
import { isOwnCommand, isPrivateChat, questionText } from './addressing.ts';
import { conversationId, sendHtml, sendNotice, sendReply, withTyping } from './chat-replies.ts';
import { lengthNotice } from './protection.ts';
import { renderDocuments, renderHelp } from './render-info.ts';
import { renderCitations } from './render-telegram.ts';
import { MORE_BUTTON, SOURCES_BUTTON } from './send-messages.ts';
import { describeError } from './telegram-errors.ts';

/** What setMyCommands announces (the menu next to the input field). */
export const BOT_COMMANDS: BotCommand[] = [
  { command: 'brief', description: 'A short cited briefing, optionally on a topic' },
  { command: 'ask', description: 'Ask a question (answered from the sources, with citations)' },
  { command: 'more', description: 'More on the last briefing or answer' },
  { command: 'sources', description: 'The articles I draw on' },
  { command: 'subscribe', description: 'Daily digest here: /subscribe HH:MM [Area/City]' },
  { command: 'unsubscribe', description: 'Stop the daily digest' },
  { command: 'digest', description: 'Show the daily digest subscription' },
  { command: 'help', description: 'What I do and how to use me' },
];

const ASK_USAGE = 'Ask me a question after /ask, for example: /ask What did Ryabkov say about concessions?';
const MENTION_USAGE = 'Ask me a question after the mention, for example: What did Ryabkov say about concessions?';

function commandArgument(ctx: Context): string {
  return typeof ctx.match === 'string' ? ctx.match.trim() : '';
}

async function answer(ctx: Context, core: AdapterCore, question: string): Promise<void> {
  const notice = lengthNotice(question);
  if (notice) return sendNotice(ctx, notice);
  const reply = await withTyping(ctx, () => core.attache.ask({ question, conversation: conversationId(ctx) }));
  await sendReply(ctx, reply);
}

async function brief(ctx: Context, core: AdapterCore, topic: string): Promise<void> {
  const notice = lengthNotice(topic, 'topic');
  if (notice) return sendNotice(ctx, notice);
  const conversation = conversationId(ctx);
  const reply = await withTyping(ctx, () => core.attache.brief(topic ? { topic, conversation } : { conversation }));
  await sendReply(ctx, reply);
}

async function more(ctx: Context, core: AdapterCore): Promise<void> {
  const reply = await withTyping(ctx, () => core.attache.more({ conversation: conversationId(ctx) }));
  await sendReply(ctx, reply);
}

/** "Sources": the citations of the last reply, or the corpus documents when there is none. */
async function sources(ctx: Context, core: AdapterCore, preferLastReply: boolean): Promise<void> {
  const citations = preferLastReply ? await core.attache.lastCitations({ conversation: conversationId(ctx) }) : [];
  await sendHtml(
    ctx,
    citations.length > 0 ? renderCitations(citations) : renderDocuments(await core.attache.sources()),
  );
}

/** Handlers for everything except digest subscriptions. */
export function chatCommands(core: AdapterCore): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], async (ctx) => {
    const greeting = ctx.msg?.text?.startsWith('/start') ?? false;
    await sendHtml(ctx, [renderHelp(await core.attache.sources(), ctx.me.username, greeting)]);
  });
  composer.command('brief', (ctx) => brief(ctx, core, commandArgument(ctx)));
  composer.command('ask', async (ctx) => {
    const question = commandArgument(ctx);
    if (!question) return sendNotice(ctx, ASK_USAGE);
    await answer(ctx, core, question);
  });
  composer.command('more', (ctx) => more(ctx, core));
  composer.command('sources', (ctx) => sources(ctx, core, false));

  // Answering the query only stops the button's spinner; the content matters more than that call.
  const acknowledge = (ctx: Context, text?: string) =>
    ctx.answerCallbackQuery(text ? { text } : undefined).catch((error: unknown) => {
      core.logger.warn({ error: describeError(error) }, 'telegram: answerCallbackQuery failed');
    });
  composer.callbackQuery(MORE_BUTTON, async (ctx) => {
    await acknowledge(ctx);
    await more(ctx, core);
  });
  composer.callbackQuery(SOURCES_BUTTON, async (ctx) => {
    await acknowledge(ctx);
    await sources(ctx, core, true);
  });
  composer.on('callback_query:data', (ctx) => acknowledge(ctx, 'This button is no longer active.'));
  return composer;
}

/** Unknown commands and free text: questions in private chats, mentions and replies in groups. */
export function questionHandlers(core: AdapterCore): Composer<Context> {
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
    await answer(ctx, core, question);
  });
  return composer;
}
