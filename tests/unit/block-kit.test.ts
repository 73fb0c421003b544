import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, formValues, parseActionId, toSlackMessages, toSlackModal } from '../../src/adapters/slack/block-kit.js';

describe('Reply → Block Kit', () => {
  const message = toSlackMessages({
    title: 'Parcel late',
    private: true,
    blocks: [
      { type: 'text', label: 'Goal', text: 'Reassure <@U1> & <!here>' },
      { type: 'list', label: 'Steps', items: ['Listen', 'Check'], ordered: true },
      { type: 'quote', label: 'Say', lines: ['Thank you for waiting.'] },
      { type: 'list', label: 'Never say', items: ['Not my job.'], marker: 'cross' },
      { type: 'context', text: 'Approved' },
      { type: 'actions', actions: [{ command: 'script', id: 'open', value: 'en:x', label: 'y'.repeat(100), typed: '/script x' }] },
    ],
  })[0]!;

  it('renders title, labelled sections, quotes, lists, context and buttons', () => {
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'context', 'actions']);
    expect(message.blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Steps*\n1. Listen\n2. Check' } });
    expect(message.blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Say*\n>Thank you for waiting.' } });
    expect(message.blocks[4]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Never say*\n✗ Not my job.' } });
  });

  it('escapes mention syntax so nothing a script or a person typed can ping', () => {
    const raw = JSON.stringify(message);
    expect(raw).not.toContain('<@U1>');
    expect(raw).not.toContain('<!here>');
    expect(escapeMrkdwn('hi @channel & @Everyone')).toBe('hi @\u2060channel &amp; @\u2060Everyone');
  });

  it('keeps button text within Slack limits and ids it can route back', () => {
    const actions = message.blocks.at(-1);
    if (actions?.type !== 'actions') throw new Error('no actions');
    expect(actions.elements[0]!.text.text.length).toBeLessThanOrEqual(75);
    expect(parseActionId(actions.elements[0]!.action_id)).toEqual({ command: 'script', id: 'open' });
    expect(parseActionId('something-else')).toBeUndefined();
  });
});

describe('Form → Slack modal', () => {
  it('shows a person field as a people picker and reads back the chosen user id', () => {
    const view = toSlackModal({
      command: 'promise',
      id: 'handoff-k7q2m',
      title: 'Hand off',
      submitLabel: 'Save',
      fields: [{ id: 'to', label: 'Colleague', kind: 'person' }, { id: 'why', label: 'Why' }],
    });
    expect(view.callback_id).toBe('promise:handoff-k7q2m');
    expect(view.blocks.map((b) => b.element.type)).toEqual(['users_select', 'plain_text_input']);
    expect(formValues({ to: { to: { selected_user: 'U09ABC' } }, why: { why: { value: 'shift ends' } } })).toEqual({ to: 'U09ABC', why: 'shift ends' });
  });
});

describe('untrusted text stays text in Slack', () => {
  it('shows *, _, ~ and backticks in a note literally, and quotes every line of a multi-line note', async () => {
    const { toSlackMessages, decodeSlackEntities } = await import('../../src/adapters/slack/block-kit.js');
    const message = toSlackMessages({ private: true, blocks: [{ type: 'quote', lines: ['*urgent* call _back_ ~now~ `x`\nsecond line\n> third'] }] })[0]!;
    const text = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(text).not.toMatch(/(^|[^|])\*urgent\*/);
    expect(text).toContain('<!date^0^{_}|*>urgent<!date^0^{_}|*>');
    expect(text).toContain('<!date^0^{_}|`>');
    expect(text.split('\n')).toEqual([expect.stringMatching(/^>/), '>second line', '>&gt; third']);
    expect(decodeSlackEntities('4411 &lt;refund&gt; &amp;amp; more')).toBe('4411 <refund> &amp; more');
  });
});
