import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.ts';
import { askCommand } from '../../bot/cli/ask-command.ts';
import { briefCommand } from '../../bot/cli/brief-command.ts';
import type { CliContext } from '../../bot/cli/command.ts';
import { seededCore } from '../core/core-fixture.ts';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function context(stdin: string): Promise<{ context: CliContext; out: () => string; err: () => string }> {
  const core = await seededCore();
  close = () => core.database.close();
  const collect = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    return { stream, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const app = { attache: core.attache } as unknown as App;
  const ctx = {
    app: () => app,
    stdin: Readable.from([stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  } as unknown as CliContext;
  return { context: ctx, out: stdout.text, err: stderr.text };
}

describe('ask --jsonl', () => {
  it('answers every line in order, sessions with memory, bad lines as errors without stopping', async () => {
    const lines = [
      { id: 'a', question: 'Who represented the US at the Geneva talks?', session: 's1' },
      { id: 'b', question: 'Where will Russia meet the OSCE?' },
      { id: 'c', question: 'Who did she have dinner with?', session: 's1' },
      'not json',
      { id: 7, question: '' },
      { id: 8 },
    ].map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
    const { context: ctx, out } = await context(`${lines.join('\n')}\n`);
    expect(await askCommand.run(['--jsonl'], ctx)).toBe(0);
    const results = out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c', null, 7, 8]);
    expect(results[2]).toMatchObject({ status: 'answered', title: 'Who did Wendy Sherman have dinner with?' });
    expect(JSON.stringify(results[1])).toContain('Vienna');
    expect(results[3]).toMatchObject({ error: { code: 'bad_json' } });
    expect(results[4]).toMatchObject({ error: { code: 'empty' } });
    expect(results[5]).toMatchObject({ error: { code: 'bad_line' } });
  });

  it('prints one JSON Reply for ask --json and brief --json', async () => {
    const ask = await context('');
    expect(await askCommand.run(['--json', 'How', 'many', 'troops', 'has', 'Russia', 'massed?'], ask.context)).toBe(0);
    expect(JSON.parse(ask.out())).toMatchObject({ kind: 'answer', status: 'answered', engine: 'extractive' });
    close?.();
    const brief = await context('');
    expect(await briefCommand.run(['--json'], brief.context)).toBe(0);
    expect(JSON.parse(brief.out())).toMatchObject({ kind: 'briefing', status: 'answered', asOf: '2022-01-11' });
  });

  it('reports an empty question as an input error', async () => {
    const { context: ctx, out } = await context('');
    expect(await askCommand.run(['--json', ' '], ctx)).toBe(2);
    expect(JSON.parse(out())).toEqual({ error: { code: 'empty', message: expect.stringContaining('empty') } });
  });
});

describe('ask', () => {
  it('starts a fresh conversation on every run without --session, and continues one with it', async () => {
    const { context: ctx, out } = await context('');
    const title = async (args: string[]) => {
      const before = out().length;
      expect(await askCommand.run(['--json', ...args], ctx)).toBe(0);
      return (JSON.parse(out().slice(before)) as { title: string }).title;
    };
    await title(['Who represented the US at the Geneva talks?']);
    expect(await title(['Who did she have dinner with?'])).toBe('Who did she have dinner with?');
    await title(['--session', 'mine', 'Who represented the US at the Geneva talks?']);
    expect(await title(['--session', 'mine', 'Who did she have dinner with?'])).toBe(
      'Who did Wendy Sherman have dinner with?',
    );
  });
});
