import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf, botRouter } from '../helpers/router.js';
import { typedOn } from '../helpers/platforms.js';

let bot: BotContext;
let router: Router;

beforeAll(async () => {
  bot = await botContext({ now: '2026-12-01T02:00:00Z' });
  router = botRouter(bot.context);
});

afterAll(async () => {
  await bot.close();
});

const words = fc.constantFrom('30m', '15:30', '半小时', '明天上午10点', 'in 2 hours', 'list', 'done', 'handoff', 'all', '<@U9>', 'cancel', 'tz', 'Asia/Shanghai', 'renegotiate', 'K7Q2M', '4411', 'refund', '回电', '', '   ', '@here', '<!channel>', '13812345678');
const typed = fc.oneof(fc.string({ maxLength: 80 }), fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('/promise on arbitrary input', () => {
  it('never fails: either records one valid promise or answers with a clear message, recording nothing', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const before = bot.fileStore.promiseStore.data.promises.length;
        const reply = await router.handle({
          kind: 'command',
          platform: 'slack',
          user: { id: 'U1', locale: 'en', timeZone: 'Asia/Shanghai', isLead: false },
          command: 'promise',
          ...typedOn('slack', text),
          localeExplicit: false,
        });
        expect(reply.tone).not.toBe('error');
        expect(textOf(reply).trim().length).toBeGreaterThan(0);
        const after = bot.fileStore.promiseStore.data.promises.length;
        if (/^Promise [2-9A-Z]{5} recorded$/.test(reply.title ?? '')) {
          expect(after).toBe(before + 1);
          const record = bot.fileStore.promiseStore.data.promises.at(-1)!;
          expect(Date.parse(record.dueAt)).toBeGreaterThan(bot.clock.now().getTime());
          expect(record.note.length).toBeGreaterThan(0);
        } else {
          expect(after).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
