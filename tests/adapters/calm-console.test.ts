import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { botRouter } from '../helpers/router.js';

let bot: BotContext;
let input: PassThrough;
let printed = '';
let adapter: ConsoleAdapter;

/** Types a line and waits until the console has printed something new that matches. */
async function type(line: string, expected: string | RegExp): Promise<void> {
  const from = printed.length;
  input.write(`${line}\n`);
  const deadline = Date.now() + 5000;
  const seen = () => {
    const fresh = printed.slice(from);
    return typeof expected === 'string' ? fresh.includes(expected) : expected.test(fresh);
  };
  while (!seen()) {
    if (Date.now() > deadline) throw new Error(`never printed ${String(expected)} after ${line}:\n${printed.slice(from)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  const outbox = new PlatformOutbox();
  bot = await botContext({ outbox });
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
  outbox.register(adapter.platform, adapter, adapter.capabilities);
  adapter.start();
});

afterAll(async () => {
  adapter.close();
  await bot.close();
});

describe('/calm in the console', () => {
  it('shows the menu with what to type for each feeling', async () => {
    await type('/calm', '== How are you right now? ==');
    expect(printed).toContain('→  /calm about-to-snap');
    expect(printed).toContain('→  /calm dreading-next-call');
  });

  it('answers typed words, with every action reachable by typing', async () => {
    await type('/calm so angry', '== About to snap ==');
    expect(printed).toMatch(/Another one {2}→ {2}\/calm about-to-snap/);
    expect(printed).toMatch(/Breathe with me \(1 min\) {2}→ {2}\/calm breathe/);
    expect(printed).toContain('Ask my lead for a 5-minute reset  →  /calm reset');
    expect(printed).toContain('Back to the menu  →  /calm');
  });

  it('prints the breathing minute phase by phase, and /calm stop ends it', async () => {
    await type('/calm breathe', 'The breathing minute prints below');
    expect(printed).toMatch(/\[→ console #\d+\]\n== Breathe with me · 1 minute ==\nBreathe in… \d s/);
    const from = printed.length;
    await bot.timers.advance(4_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(printed.slice(from)).toMatch(/\[#\d+ updated\]\n== Breathe with me · 1 minute ==\n(Hold|Breathe out slowly)/);
    await type('/calm stop', 'Stopped the breathing minute.');
    expect(printed).toContain('Stopped. Come back to /calm any time.');
  });

  it('prints the reset note for the console operator', async () => {
    await type('/calm reset', 'Sent to your lead.');
    expect(printed).toMatch(/\[→ console #\d+\]\n== A 5-minute reset request ==\nconsole asks for a 5-minute reset/);
  });
});
