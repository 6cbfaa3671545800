import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { timelineReply } from '../../core/analysis/timeline.ts';
import { renderWhyText } from '../../core/analysis/why.ts';
import type { AttacheApi } from '../../core/api.ts';
import { userMessage } from '../../core/errors.ts';
import { renderReplyText, renderSourcesText } from './render-reply.ts';

export interface ConsoleChatOptions {
  attache: AttacheApi;
  input: Readable;
  output: Writable;
  /** Interactive (prompt, greeting, echo of what is typed) on a TTY; one reply per line when piped. */
  interactive: boolean;
  conversation: string;
}

const PROMPT = '> ';

const HELP = [
  'Attaché answers questions about diplomatic news from its corpus, citing every claim.',
  '  /brief [topic]  a short briefing, e.g. /brief Geneva talks',
  '  /more           more on the last briefing or answer',
  '  /timeline [topic] dated events in order, each cited',
  '  /why            how the last reply came about (passages, engine, corpus)',
  '  /sources        the documents in the corpus',
  '  /help           this help',
  '  /quit           leave (or press Ctrl+D or Ctrl+C)',
  '  anything else   a question, e.g. What did Ryabkov say about concessions?',
].join('\n');

const QUIT = new Set(['/quit', '/exit']);

/** Maps one console line to a core call and renders the result as text. */
export async function handleConsoleLine(line: string, attache: AttacheApi, conversation: string): Promise<string> {
  const text = line.trim();
  const [command = '', ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  try {
    switch (command.toLowerCase()) {
      case '/help':
        return HELP;
      case '/sources':
        return renderSourcesText(await attache.sources());
      case '/brief':
        return renderReplyText(await attache.brief({ conversation, ...(argument ? { topic: argument } : {}) }));
      case '/more':
        return renderReplyText(await attache.more({ conversation }));
      case '/timeline':
        return renderReplyText(
          timelineReply(await attache.timeline(argument ? { topic: argument } : {}), 'extractive'),
        );
      case '/why':
        return renderWhyText(await attache.why({ conversation }));
      default:
        if (command.startsWith('/')) return `Unknown command ${command}. Type /help for the commands.`;
        return renderReplyText(await attache.ask({ question: text, conversation }));
    }
  } catch (error) {
    return userMessage(error);
  }
}

/** The greeting of an interactive session: what this is, what it holds, how to use it and how to leave. */
async function greeting(attache: AttacheApi): Promise<string> {
  const count = (await attache.sources()).length;
  const holds = count === 0 ? 'The corpus is empty: ingest articles first.' : `The corpus holds ${count} documents.`;
  return `${HELP}\n\n${holds} Type a question or a command; /quit or Ctrl+D leaves.`;
}

/** The console chat: reads lines until end of input (or /quit), answering each. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { attache, input, output, interactive, conversation } = options;
  // Before readline starts: a line typed while the greeting is prepared must not be lost.
  const hello = interactive ? await greeting(attache) : '';
  // With an output stream and terminal mode, readline echoes what is typed and supports line editing;
  // piped, it only splits lines and writes nothing of its own.
  const rl = createInterface({
    input,
    ...(interactive ? { output, terminal: true, prompt: PROMPT } : { terminal: false }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Ctrl+C ends the chat like Ctrl+D does; the caller then shuts down in order.
  rl.on('SIGINT', () => rl.close());
  if (interactive) {
    output.write(`${hello}\n\n`);
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text !== '') output.write(`${await handleConsoleLine(text, attache, conversation)}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) output.write('Goodbye.\n');
}
