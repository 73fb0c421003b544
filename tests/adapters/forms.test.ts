import pino from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { defineCommand } from '../../src/core/command.js';
import { privateReply } from '../../src/core/reply.js';
import { createRouter } from '../../src/core/router.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { FakeSlack, postSigned, slashCommandBody, waitForCall } from '../helpers/fake-slack.js';

/** A command that asks for its input in a form when typed bare, as /promise will. */
const note = defineCommand({
  name: 'note',
  summary: () => 'Take a note',
  help: () => 'Type /note and the note',
  argument: () => 'The note',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, []),
  run: ({ text }) =>
    text
      ? privateReply('Noted', [{ type: 'text', text }])
      : {
          ...privateReply(undefined, [{ type: 'text', text: 'Type /note and the note.' }]),
          form: { command: 'note', id: 'save', title: 'New note', submitLabel: 'Save', fields: [{ id: 'text', label: 'Note', multiline: true, placeholder: 'What to remember' }] },
        },
  onAction: (request) => privateReply('Noted', [{ type: 'text', text: (JSON.parse(request.value) as { text: string }).text }]),
});

const SECRET = 'forms-secret';
const log = pino({ level: 'silent' });
const router = createRouter([note], { log });
let slack: FakeSlack;
let discord: FakeDiscord;
let slackAdapter: SlackAdapter;
let discordAdapter: DiscordAdapter;
let eventsUrl: string;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  discord = await new FakeDiscord().start();
  slackAdapter = new SlackAdapter({
    settings: { botToken: 'xoxb-forms', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router,
    clock: systemClock,
    log,
  });
  eventsUrl = `http://127.0.0.1:${(await slackAdapter.start()).port}/slack/events`;
  discordAdapter = new DiscordAdapter({ settings: { token: 'forms.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' }, router, log });
  await discordAdapter.start();
});

afterAll(async () => {
  await slackAdapter?.stop();
  await discordAdapter?.stop();
  await slack?.stop();
  await discord?.stop();
});

describe('forms as modals', () => {
  it('Slack: opens the form with views.open and answers the submission privately where the command was typed', async () => {
    const body = slashCommandBody({ command: '/note', text: '', userId: 'UEN', responseUrl: slack.responseUrl('n1') });
    const trigger = new URLSearchParams(body).get('trigger_id');
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const open = await waitForCall(slack, 'views.open');
    const view = (typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view) as { callback_id: string; private_metadata: string; blocks: { block_id: string; element: { multiline: boolean } }[] };
    expect(open.body.trigger_id).toBe(trigger);
    expect(view).toMatchObject({ callback_id: 'note:save', private_metadata: 'C1' });
    expect(view.blocks[0]).toMatchObject({ block_id: 'text', element: { multiline: true } });

    const submission = {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'UEN', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: 'tv',
      view: { id: 'V1', team_id: 'T1', type: 'modal', callback_id: 'note:save', private_metadata: 'C1', hash: 'h1', blocks: [], title: { type: 'plain_text', text: 'New note' },
        state: { values: { text: { text: { type: 'plain_text_input', value: 'call back at 3' } } } } },
    };
    const res = await postSigned(eventsUrl, SECRET, new URLSearchParams({ payload: JSON.stringify(submission) }).toString());
    expect(res.status).toBe(200);
    const posted = await waitForCall(slack, 'chat.postEphemeral', (b) => b.user === 'UEN');
    expect(posted.body.channel).toBe('C1');
    expect(JSON.stringify(posted.body.blocks)).toContain('call back at 3');
  });

  it('Slack: answers a submission by DM when the private answer cannot be posted where the command was typed', async () => {
    slack.failNext('chat.postEphemeral', 'channel_not_found');
    const submission = {
      type: 'view_submission', team: { id: 'T1' }, user: { id: 'UDM', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: 'tv2',
      view: { id: 'V2', team_id: 'T1', type: 'modal', callback_id: 'note:save', private_metadata: 'CGONE', hash: 'h2', blocks: [], title: { type: 'plain_text', text: 'New note' },
        state: { values: { text: { text: { type: 'plain_text_input', value: 'parcel 7731 follow-up' } } } } },
    };
    const res = await postSigned(eventsUrl, SECRET, new URLSearchParams({ payload: JSON.stringify(submission) }).toString());
    expect(res.status).toBe(200);
    const dm = await waitForCall(slack, 'chat.postMessage', (b) => b.channel === 'UDM');
    expect(JSON.stringify(dm.body.blocks)).toContain('parcel 7731 follow-up');
  });

  it('Discord: shows the form as a modal and answers its submission privately', async () => {
    const command = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'en-US', data: { id: '801', name: 'note', type: 1, options: [] } });
    discord.sendInteraction(command);
    const modal = (await discord.waitForCallback(command.id)).body as unknown as { type: number; data: { custom_id: string; components: { components: { custom_id: string; style: number }[] }[] } };
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe('note:save:');
    expect(modal.data.components[0]!.components[0]).toMatchObject({ custom_id: 'text', style: 2 });

    const submit = interactionPayload({ type: 5, userId: '700000000000000007', locale: 'en-US', data: { custom_id: 'note:save:', components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'call back at 3' }] }] } });
    discord.sendInteraction(submit);
    const answered = (await discord.waitForCallback(submit.id)).body as unknown as { type: number; data: { flags: number; embeds: { description: string }[] } };
    expect(answered.type).toBe(4);
    expect(answered.data.flags).toBe(64);
    expect(answered.data.embeds[0]!.description).toBe('call back at 3');
  });
});
