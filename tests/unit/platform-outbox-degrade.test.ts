import { describe, expect, it } from 'vitest';
import { consoleCapabilities } from '../../src/adapters/console/console-platform.js';
import { slackCapabilities } from '../../src/adapters/slack/slack-platform.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { RecordingOutbox } from '../helpers/bot-context.js';

const reminder: Reply = {
  title: 'Promise due in 10 minutes',
  private: true,
  blocks: [
    { type: 'text', text: 'Reply to the customer now, even without a result.' },
    { type: 'actions', actions: [{ command: 'promise', id: 'done', value: 'p1', label: 'Done', style: 'primary', typed: '/promise done p1' }] },
  ],
  form: { command: 'promise', id: 'handoff-p1', title: 'Hand over', submitLabel: 'Hand over', fields: [{ id: 'to', label: 'Colleague', kind: 'person' }] },
};

function outboxes() {
  const outbox = new PlatformOutbox();
  const terminal = new RecordingOutbox();
  const chat = new RecordingOutbox();
  outbox.register('console', terminal, consoleCapabilities);
  outbox.register('slack', chat, slackCapabilities);
  return { outbox, terminal, chat };
}

describe('PlatformOutbox makes what the bot sends on its own fit each platform', () => {
  it('a reminder with buttons reaches the console (no buttons) as what to type, not raw', async () => {
    const { outbox, terminal } = outboxes();
    await outbox.sendDirect({ platform: 'console', userId: 'console' }, reminder);
    const got = terminal.sent[0]!.reply;
    expect(got.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(got.blocks)).toContain('[1] Done  →  /promise done p1');
    expect(got.form).toBeUndefined();
  });

  it('the same on a channel post and on an edit', async () => {
    const { outbox, terminal } = outboxes();
    const sent = await outbox.postToChannel({ platform: 'console', channel: 'leads' }, reminder);
    await outbox.update(sent, reminder);
    expect(terminal.sent[0]!.reply.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(terminal.updates[0]!.reply.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('a platform with buttons gets them unchanged', async () => {
    const { outbox, chat } = outboxes();
    await outbox.sendDirect({ platform: 'slack', userId: 'U1' }, reminder);
    expect(chat.sent[0]!.reply.blocks).toEqual(reminder.blocks);
  });
});
