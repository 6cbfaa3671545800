import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleConsoleLine, runConsoleChat } from '../../adapters/console/console-chat.ts';
import { seededCore } from '../core/core-fixture.ts';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function core() {
  const c = await seededCore();
  close = () => c.database.close();
  return c;
}

describe('console chat', () => {
  it('maps commands and questions to the core', async () => {
    const { attache } = await core();
    const conversation = 'console:chat';
    expect(await handleConsoleLine('/help', attache, conversation)).toContain('/brief [topic]');
    expect(await handleConsoleLine('/sources', attache, conversation)).toMatch(/^5 documents in the corpus:/);
    const brief = await handleConsoleLine('/BRIEF   NATO', attache, conversation);
    expect(brief).toMatch(/\n• .+\[\d+\]/);
    expect(brief).toContain('Sources (as of');
    const more = await handleConsoleLine('/more', attache, conversation);
    expect(more).toMatch(/\[1\]/);
    const answer = await handleConsoleLine('Where will Russia meet the OSCE?', attache, conversation);
    expect(answer).toContain('Vienna');
    expect(await handleConsoleLine('/weather', attache, conversation)).toBe(
      'Unknown command /weather. Type /help for the commands.',
    );
  });

  it('shows input errors as a plain message', async () => {
    const { attache } = await core();
    const reply = await handleConsoleLine('y'.repeat(5000), attache, 'console:chat');
    expect(reply).toBe('The question is 5,000 characters long; please shorten it to at most 2,000.');
  });

  it('answers each piped line once, in order, with memory between them', async () => {
    const { attache } = await core();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    const input = Readable.from([
      'Who represented the US at the Geneva talks?\n',
      '\n',
      'Who did she have dinner with?\n',
      '/sources\n',
    ]);
    await runConsoleChat({ attache, input, output, interactive: false, conversation: 'console:piped' });
    const replies = written.trim().split(/\n\n(?=\S+[^\n]*\n\n|\d+ documents)/);
    expect(written).not.toContain('> ');
    expect(written.indexOf('Who represented the US at the Geneva talks?')).toBeLessThan(
      written.indexOf('Who did Wendy Sherman have dinner with?'),
    );
    expect(written).toContain('5 documents in the corpus:');
    expect(replies.length).toBeGreaterThanOrEqual(3);
  });

  it('calls afterFirstOutput once, after the first reply is written and before the next line is answered', async () => {
    const { attache } = await core();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    const seen: string[] = [];
    const input = Readable.from(['/help\n', '/sources\n']);
    const afterFirstOutput = () => seen.push(written);
    await runConsoleChat({
      attache,
      input,
      output,
      interactive: false,
      conversation: 'console:first',
      afterFirstOutput,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('/brief [topic]');
    expect(seen[0]).not.toContain('documents in the corpus');
    expect(written).toContain('5 documents in the corpus:');
  });

  it('interactively echoes what is typed, greets with how to quit, and leaves on /quit', async () => {
    const { attache } = await core();
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    const chat = runConsoleChat({ attache, input, output, interactive: true, conversation: 'console:tty' });
    // A terminal sends keystrokes and a carriage return, not lines.
    input.write('Where will Russia meet the OSCE?\r');
    await vi.waitFor(() => expect(written).toContain('Vienna'), { timeout: 15_000 });
    input.write('/quit\r');
    await chat;
    expect(written).toMatch(/\/quit .*Ctrl\+D/);
    // What the terminal shows, without readline's cursor-control sequences.
    const shown = written.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'), '');
    const typed = shown.indexOf('> Where will Russia meet the OSCE?');
    expect(typed).toBeGreaterThan(0);
    expect(typed).toBeLessThan(shown.indexOf('Vienna'));
    expect(written.trimEnd().endsWith('Goodbye.')).toBe(true);
  });
});
