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
  /** Interactive (prompt, greeting) on a TTY; one reply per line when piped. */
  interactive: boolean;
  conversation: string;
}

const HELP = [
  'Attaché answers questions about diplomatic news from its corpus, citing every claim.',
  '  /brief [topic]  a short briefing, e.g. /brief Geneva talks',
  '  /more           more on the last briefing or answer',
  '  /timeline [topic] dated events in order, each cited',
  '  /why            how the last reply came about (passages, engine, corpus)',
  '  /sources        the documents in the corpus',
  '  /help           this help',
  '  anything else   a question, e.g. What did Ryabkov say about concessions?',
].join('\n');

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

/** The console chat: reads lines until end of input, answering each. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { attache, input, output, interactive, conversation } = options;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: interactive });
  const prompt = () => {
    if (interactive) output.write('\n> ');
  };
  if (interactive) output.write(`${HELP}\n`);
  prompt();
  for await (const line of rl) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    output.write(`${await handleConsoleLine(line, attache, conversation)}\n`);
    if (!interactive) output.write('\n');
    prompt();
  }
}
