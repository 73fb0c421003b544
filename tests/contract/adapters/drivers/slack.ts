import pino from 'pino';
import { SlackAdapter } from '../../../../src/adapters/slack/slack-adapter.js';
import { slackCapabilities } from '../../../../src/adapters/slack/slack-platform.js';
import { systemClock } from '../../../../src/core/clock.js';
import type { Form } from '../../../../src/core/reply.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody, type RecordedCall } from '../../../helpers/fake-slack.js';
import type { AdapterDriver, SeenReply } from '../driver.js';
import { settled } from '../settle.js';

const SECRET = 'contract-signing-secret';
type Element = { type: string; action_id?: string; value?: string; text?: { text: string } };
type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: Element[] };
type Message = { text?: string; blocks?: Block[] | string; response_type?: string; replace_original?: boolean };
type Modal = { callback_id: string; title: { text: string }; submit?: { text: string }; private_metadata: string; blocks: { block_id: string; label: { text: string } }[] };

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** What Slack shows of a message: its blocks' text (or the fallback text) and its buttons. */
function seen(message: Message, isPrivate: boolean): SeenReply {
  const blocks = parsed<Block[] | undefined>(message.blocks) ?? [];
  // Slack refuses a message over its limits (invalid_blocks), so the fake refuses it too.
  if (blocks.length > 50 || blocks.some((b) => (b.text?.text.length ?? 0) > (b.type === 'header' ? 150 : 3000))) throw new Error(`Slack would refuse this message: ${blocks.length} blocks`);
  const texts = blocks.flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text?.text ?? (e as { text?: string }).text ?? '')]);
  const actions = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).map((e) => ({ label: e.text?.text ?? '', actionId: e.action_id!, value: e.value ?? '' }));
  return { private: isPrivate, text: blocks.length ? texts.join('\n') : String(message.text ?? ''), actions, ...(message.replace_original ? { replaced: true } : {}) };
}

function formOf(call: RecordedCall): { form: Form; channel: string } {
  const view = parsed<Modal>(call.body.view);
  const [command, id] = view.callback_id.split(':') as [string, string];
  const fields = view.blocks.map((b) => ({ id: b.block_id, label: b.label.text }));
  return { form: { command, id, title: view.title.text, submitLabel: view.submit?.text ?? '', fields }, channel: view.private_metadata };
}

/** Real Bolt over HTTP with signed requests, against a local Slack (tests/helpers/fake-slack.ts). */
export function slackDriver(): AdapterDriver {
  const slack = new FakeSlack();
  let adapter: SlackAdapter | undefined;
  let eventsUrl = '';
  let seq = 0;
  const formChannels = new Map<Form, string>();

  /** Posts a signed request; answers what reached the response URL and the Web API after it. */
  async function send(body: (responseUrl: string) => string): Promise<SeenReply[]> {
    const id = `r${++seq}`;
    const calls = slack.calls.length;
    const count = () => slack.responses.filter((r) => r.id === id).length + slack.calls.length - calls;
    const res = await postSigned(eventsUrl, SECRET, body(slack.responseUrl(id)));
    if (res.status !== 200) throw new Error(`Slack events answered ${res.status}`);
    await settled(count, 0);
    const responses = slack.responses.filter((r) => r.id === id).map((r) => seen(r.body as Message, r.body.response_type === 'ephemeral'));
    const later = slack.calls.slice(calls);
    const ephemerals = later.filter((c) => c.method === 'chat.postEphemeral').map((c) => seen(c.body as Message, true));
    const forms = later.filter((c) => c.method === 'views.open').map((c) => {
      const { form, channel } = formOf(c);
      formChannels.set(form, channel);
      return { private: true, text: form.title, actions: [], form } satisfies SeenReply;
    });
    return [...responses, ...ephemerals, ...forms];
  }

  return {
    name: 'slack',
    capabilities: slackCapabilities,
    person: 'UCONTRACT',
    colleague: { address: 'UCOLLEAGUE', mention: '<@UCOLLEAGUE|ann>' },
    async start(router) {
      await slack.start();
      slack.users = { UCONTRACT: { locale: 'en-US', tz: 'UTC' } };
      adapter = new SlackAdapter({
        settings: { botToken: 'xoxb-contract', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['UCONTRACT']), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router,
        clock: systemClock,
        log: pino({ level: 'silent' }),
      });
      eventsUrl = `http://127.0.0.1:${(await adapter.start()).port}/slack/events`;
      return adapter;
    },
    async stop() {
      await adapter?.stop();
      await slack.stop();
    },
    command: (user, name, text) => send((responseUrl) => slashCommandBody({ command: `/${name}`, text, userId: user, responseUrl })),
    press: (user, shown, index) => {
      const button = shown.actions[index] as unknown as { label: string; actionId: string; value: string };
      return send((responseUrl) => blockActionBody({ userId: user, actionId: button.actionId, value: button.value, responseUrl, label: button.label }));
    },
    submit: (user, form, answers) => {
      const values = Object.fromEntries(Object.entries(answers).map(([field, value]) => [field, { [field]: { type: 'plain_text_input', value } }]));
      const submission = {
        type: 'view_submission', team: { id: 'T1' }, user: { id: user, team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: `tv${++seq}`,
        view: { id: `V${seq}`, team_id: 'T1', type: 'modal', callback_id: `${form.command}:${form.id}`, private_metadata: formChannels.get(form) ?? 'C1', hash: 'h', blocks: [], title: { type: 'plain_text', text: form.title }, state: { values } },
      };
      return send(() => new URLSearchParams({ payload: JSON.stringify(submission) }).toString());
    },
    // conversations.open gives D1 for everyone in the fake, so a DM is a postMessage to the person or to D1.
    directMessages: async (user) => slack.calls.filter((c) => c.method === 'chat.postMessage' && (c.body.channel === user || c.body.channel === 'D1') && !c.failed).map((c) => seen(c.body as Message, true)),
    edits: async () => slack.calls.filter((c) => c.method === 'chat.update' && !c.failed).map((c) => seen(c.body as Message, true)),
  };
}
