import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderWhyText } from '../../core/analysis/why.ts';
import type { AttacheApi } from '../../core/api.ts';
import { COMMANDS, type CommandResult, command } from '../../core/commands/command-table.ts';
import { userMessage } from '../../core/errors.ts';
import { renderReplyText, renderSourcesText } from './render-reply.ts';

export interface ConsoleChatOptions {
  attache: AttacheApi;
  input: Readable;
  output: Writable;
  /** Interactive (prompt, greeting, echo of what is typed) on a TTY; one reply per line when piped. */
  interactive: boolean;
  conversation: string;
  /**
   * Called once the first output is written (the greeting, or the first reply when piped): for work that should
   * not delay it, such as loading the language data the next question needs.
   */
  afterFirstOutput?: () => void;
}

const PROMPT = '> ';

/** Commands the console offers: the table's conversation commands (digests and feeds belong to chats and the CLI). */
const CONSOLE_COMMANDS = COMMANDS.filter((c) => c.call && c.name !== 'ask');

const HELP = [
  'Attaché answers questions about diplomatic news from its corpus, citing every claim.',
  ...CONSOLE_COMMANDS.map((c) => {
    const usage = [`/${c.name}`, ...c.arguments.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`))].join(' ');
    return `  ${usage.padEnd(18)} ${c.help}`;
  }),
  `  ${'/help'.padEnd(18)} this help`,
  `  ${'/quit'.padEnd(18)} leave (or press Ctrl+D or Ctrl+C)`,
  `  ${'anything else'.padEnd(18)} a question, e.g. What did Ryabkov say about concessions?`,
].join('\n');

const QUIT = new Set(['/quit', '/exit']);

/** A command's result as terminal text. */
function show(result: CommandResult): string {
  if (result.kind === 'documents') return renderSourcesText(result.documents);
  if (result.kind === 'why') return renderWhyText(result.report);
  return renderReplyText(result.reply);
}

/** Maps one console line to a core call of the command table and renders the result as text. */
export async function handleConsoleLine(line: string, attache: AttacheApi, conversation: string): Promise<string> {
  const text = line.trim();
  const [name = '', ...rest] = text.split(/\s+/);
  try {
    if (name.toLowerCase() === '/help') return HELP;
    // Anything that is not a command is a question.
    const typed = name.startsWith('/');
    const spec = typed ? CONSOLE_COMMANDS.find((c) => `/${c.name}` === name.toLowerCase()) : command('ask');
    if (!spec?.call) return `Unknown command ${name}. Type /help for the commands.`;
    return show(await spec.call(attache, { conversation, text: typed ? rest.join(' ') : text }));
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
  let first = true;
  const write = (text: string) => {
    output.write(text);
    if (first) options.afterFirstOutput?.();
    first = false;
  };
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
    write(`${hello}\n\n`);
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text !== '') write(`${await handleConsoleLine(text, attache, conversation)}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) output.write('Goodbye.\n');
}
