import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext } from '../helpers/bot-context.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';

const SECRET = 'restart-signing-secret';
const dir = mkdtempSync(path.join(tmpdir(), 'slack-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startAdapter(slack: FakeSlack) {
  const outbox = new PlatformOutbox();
  const bot = await botContext({ leadIds: ['ULEAD'], outbox });
  const adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-restart', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['ULEAD']), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(bot.context),
    clock: bot.clock,
    log: pino({ level: 'silent' }),
    deliveriesFile: path.join(dir, 'slack-deliveries.json'),
  });
  const url = `http://127.0.0.1:${(await adapter.start()).port}/slack/events`;
  outbox.register('slack', adapter);
  return { url, stop: async () => (await adapter.stop(), await bot.close()) };
}

describe('a Slack redelivery after a restart', () => {
  it('does not send a second /calm reset note to the lead', async () => {
    const slack = await new FakeSlack().start();
    slack.users = { UAGENT: { locale: 'en-US', tz: 'UTC', real_name: 'Mei Chen' } };
    try {
      const first = await startAdapter(slack);
      await postSigned(first.url, SECRET, slashCommandBody({ command: '/calm', text: 'so angry', userId: 'UAGENT', responseUrl: slack.responseUrl('menu') }));
      const menu = (await slack.waitForResponse('menu')) as { blocks: unknown };
      const blocks = (typeof menu.blocks === 'string' ? JSON.parse(menu.blocks) : menu.blocks) as { elements?: { action_id: string; value: string }[] }[];
      const reset = blocks.flatMap((b) => b.elements ?? []).find((b) => b.action_id?.startsWith('calm:reset'));
      expect(reset, JSON.stringify(blocks)).toBeDefined();
      const press = blockActionBody({ userId: 'UAGENT', actionId: reset!.action_id, value: reset!.value, responseUrl: slack.responseUrl('pressed'), triggerId: 'trigger-reset-1' });
      await postSigned(first.url, SECRET, press);
      await slack.waitForResponse('pressed');
      const notes = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'ULEAD').length;
      expect(notes()).toBe(1);
      await first.stop();

      const second = await startAdapter(slack);
      expect((await postSigned(second.url, SECRET, press)).status).toBe(200);
      // The redelivery is acknowledged; give the handler the time a press takes, then check nothing went out.
      await postSigned(second.url, SECRET, slashCommandBody({ command: '/calm', text: '', userId: 'UAGENT', responseUrl: slack.responseUrl('after') }));
      await slack.waitForResponse('after');
      expect(notes()).toBe(1);
      await second.stop();
    } finally {
      await slack.stop();
    }
  }, 30_000);
});
