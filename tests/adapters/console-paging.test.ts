import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { loadBase, botRouter } from '../helpers/router.js';

let bot: BotContext;
let input: PassThrough;
let printed = '';
let adapter: ConsoleAdapter;

async function type(line: string, expected: string | RegExp): Promise<string> {
  const from = printed.length;
  input.write(`${line}\n`);
  const deadline = Date.now() + 5000;
  const fresh = () => printed.slice(from);
  while (!(typeof expected === 'string' ? fresh().includes(expected) : expected.test(fresh()))) {
    if (Date.now() > deadline) throw new Error(`never printed ${String(expected)} after ${line}:\n${fresh()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return fresh();
}

beforeAll(async () => {
  const kb = await loadBase();
  bot = await botContext({ knowledge: () => kb });
  input = new PassThrough();
  const output = new PassThrough();
  output.on('data', (d) => (printed += String(d)));
  adapter = new ConsoleAdapter({
    router: botRouter(bot.context),
    input,
    output,
    locale: 'en',
    timeZone: 'Asia/Shanghai',
    log: pino({ level: 'silent' }),
    banner: () => ['console ready'],
    onClose: () => undefined,
  });
  adapter.start();
});

afterAll(async () => {
  adapter.close();
  await bot.close();
});

describe('typed paging in the console', () => {
  it('says there is nothing to page before a long list is shown', async () => {
    await type('page 2', 'no long list on screen');
  });

  it('turns a long list to page N, and shows what to type for the next', async () => {
    await type('/script', 'Showing 1–20 of');
    expect(printed).toContain('→  /script page 2');
    const second = await type('page 2', 'Showing 21–');
    expect(second).toContain('/script page 1');
    await type('/calm', '/calm');
    await type('page 2', 'no long list on screen');
  });

  it('turns to the next or previous page when "more", "next" or "prev" is typed (it had said commands start with a slash)', async () => {
    await type('/script', 'Showing 1–20 of');
    await type('more', 'Showing 21–40');
    await type('next', 'Showing 41–');
    await type('下一页', 'Showing 41–');
    await type('previous', 'Showing 21–40');
    await type('上一頁', 'Showing 1–20');
  });
});
