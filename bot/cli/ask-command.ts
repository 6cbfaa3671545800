import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { renderReplyText } from '../../adapters/console/render-reply.ts';
import type { AttacheApi } from '../../core/api.ts';
import { type CliCommand, type CliContext, writeJson, writeLine } from './command.ts';
import { errorReply, reportError } from './report-error.ts';

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  question: z.string(),
  session: z.union([z.string(), z.number()]).optional(),
});

/** Answers one JSON line; a bad line becomes `{"id","error"}` and the batch goes on. */
async function answerLine(attache: AttacheApi, line: string, index: number): Promise<Record<string, unknown>> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: { code: 'bad_json', message: `Line ${index + 1} is not valid JSON.` } };
  }
  const parsed = batchLine.safeParse(raw);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    return {
      id,
      error: { code: 'bad_line', message: `Line ${index + 1}: "${field}" ${issue?.message ?? 'is invalid'}.` },
    };
  }
  const { question, session } = parsed.data;
  const conversation = `console:${session ?? `batch-${index}`}`;
  try {
    return { id: parsed.data.id, ...(await attache.ask({ question, conversation })) };
  } catch (error) {
    return { id: parsed.data.id, ...errorReply(error) };
  }
}

async function runBatch(context: CliContext): Promise<number> {
  const attache = (await context.app()).attache;
  const lines = createInterface({ input: context.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let index = 0;
  // Sequential on purpose: lines of one session must see the turns before them, and output keeps input order.
  for await (const line of lines) {
    if (line.trim() === '') continue;
    writeLine(context.stdout, JSON.stringify(await answerLine(attache, line, index)));
    index += 1;
  }
  return 0;
}

export const askCommand: CliCommand = {
  name: 'ask',
  usage: 'ask [--json] [--session ID] "<question>"  |  ask --jsonl < questions.jsonl',
  summary: 'answer a question, with citations; each run is a new conversation unless --session ID continues one',
  help: [
    '',
    '  --session ID  continue conversation ID, so follow-ups work across runs ("And who signed for the other side?");',
    '                without it, every run starts a fresh conversation',
    '  --json        print the Reply as JSON',
    '  --jsonl       batch: read {"id","question","session"?} lines on stdin, write one {"id", ...Reply} line each',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        session: { type: 'string' },
      },
    });
    if (values.jsonl) return runBatch(context);
    const json = values.json;
    try {
      // Without --session every run is a conversation of its own: a stranger's earlier question never
      // turns "she" in this one into someone else.
      const conversation = `console:${values.session ?? `cli-${randomUUID()}`}`;
      const reply = await (await context.app()).attache.ask({ question: positionals.join(' '), conversation });
      if (json) writeJson(context.stdout, reply);
      else writeLine(context.stdout, renderReplyText(reply));
      return 0;
    } catch (error) {
      return reportError(error, { json, stdout: context.stdout, stderr: context.stderr });
    }
  },
};
