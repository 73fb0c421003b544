import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FakeSlack, waitForCall } from '../helpers/fake-slack.js';
import { loadBase, scriptRouter } from '../helpers/router.js';

let slack: FakeSlack;
let adapter: SlackAdapter;
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadBase();
  slack = await new FakeSlack().start();
  slack.users = { UEN: { locale: 'en-US', tz: 'America/New_York' } };
  const log = pino({ level: 'silent' });
  adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-test', appToken: 'xapp-test', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' },
    router: scriptRouter({ knowledge: () => kb, clock: systemClock, log }),
    clock: systemClock,
    log,
  });
  await adapter.start();
  await slack.waitForConnection();
});

afterAll(async () => {
  await adapter?.stop();
  await slack?.stop();
});

async function waitForAck(id: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5000;
  while (!slack.acks.has(id)) {
    if (Date.now() > deadline) throw new Error(`envelope ${id} was not acknowledged`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return slack.acks.get(id)!;
}

describe('Slack over Socket Mode: envelopes on a local WebSocket', () => {
  it('opens the connection with the app token through apps.connections.open', async () => {
    const call = await waitForCall(slack, 'apps.connections.open');
    expect(call).toBeDefined();
    expect(adapter.mode).toBe('socket');
  });

  it('acknowledges a /script envelope and answers privately through the response URL', async () => {
    slack.sendEnvelope('env-1', 'slash_commands', {
      token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'UEN', user_name: 'uen', command: '/script',
      text: 'lucky number minimum spend', api_app_id: 'A1', response_url: slack.responseUrl('s1'), trigger_id: 't1',
    });
    await waitForAck('env-1');
    const posted = (await slack.waitForResponse('s1')) as { response_type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(posted.response_type).toBe('ephemeral');
    expect(posted.blocks[0]?.text?.text).toBe(kb.get('lucky-number-minimum-spend', 'en')!.title);
  });

  it('acknowledges a button press and opens the script', async () => {
    slack.sendEnvelope('env-2', 'interactive', {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'UEN', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy',
      container: { type: 'message', is_ephemeral: true }, trigger_id: 't2', channel: { id: 'C1' }, response_url: slack.responseUrl('s2'),
      actions: [{ type: 'button', action_id: 'script:open:1', block_id: 'b', value: 'en:parcel-delayed', action_ts: '1' }],
    });
    await waitForAck('env-2');
    const posted = (await slack.waitForResponse('s2')) as { blocks: { text?: { text: string } }[] };
    expect(posted.blocks[0]?.text?.text).toBe(kb.get('parcel-delayed', 'en')!.title);
  });
});
