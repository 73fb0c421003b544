import { describe, expect, it } from 'vitest';
import { degradeFor } from '../../src/core/degrade.js';
import { FULL_CHAT, TEXT_ONLY, type Capabilities } from '../../src/core/platform.js';
import type { Reply } from '../../src/core/reply.js';
import { pageOf, pagerBlocks } from '../../src/core/pager.js';
import { messagesFor } from '../../src/i18n/index.js';

const reminder = (): Reply => ({
  title: 'Promise due in 10 minutes',
  private: true,
  replacesOriginal: true,
  blocks: [
    { type: 'text', text: 'Call the customer back.' },
    {
      type: 'actions',
      actions: [
        { command: 'promise', id: 'done', value: 'K7Q2M', label: 'Done', style: 'primary', typed: '/promise done K7Q2M' },
        { command: 'script', id: 'helped', value: '{}', label: 'This helped', typed: '' },
        { command: 'promise', id: 'snooze', value: 'K7Q2M', label: 'Snooze', typed: '/promise snooze K7Q2M' },
      ],
    },
  ],
  form: { command: 'promise', id: 'create', title: 'New promise', submitLabel: 'Save', fields: [{ id: 'when', label: 'When' }] },
});

describe('degradeFor: a reply made fit for a surface by what it can do', () => {
  it('leaves a reply alone on a surface that can do everything', () => {
    expect(degradeFor(FULL_CHAT, reminder())).toEqual(reminder());
  });

  it('turns buttons into numbered lines of what to type, and drops a button with nothing to type', () => {
    const degraded = degradeFor(TEXT_ONLY, reminder());
    expect(degraded.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(degraded.blocks).toContainEqual({ type: 'text', text: '[1] Done  →  /promise done K7Q2M\n[2] Snooze  →  /promise snooze K7Q2M' });
    expect(JSON.stringify(degraded)).not.toContain('This helped');
  });

  it('drops a row whose buttons have nothing to type at all', () => {
    const feedbackOnly: Reply = { private: true, blocks: [{ type: 'text', text: 'a script' }, { type: 'actions', actions: [{ command: 'script', id: 'helped', value: '{}', label: 'This helped', typed: '' }] }] };
    expect(degradeFor(TEXT_ONLY, feedbackOnly).blocks).toEqual([{ type: 'text', text: 'a script' }]);
  });

  it('drops a form where forms cannot open (the blocks say what to type), and an edit where messages cannot change', () => {
    const noForms: Capabilities = { ...FULL_CHAT, forms: false, edits: false };
    const degraded = degradeFor(noForms, reminder());
    expect(degraded.form).toBeUndefined();
    expect(degraded.replacesOriginal).toBeUndefined();
    expect(degraded.blocks).toEqual(reminder().blocks);
  });

  it('keeps a paged list turnable by the surface\'s "more" command where Previous/Next became text', () => {
    const m = messagesFor('en');
    const nav = { command: 'promise', actionId: 'list-page', typed: (n: number) => `/promise list ${n}` };
    const list: Reply = { private: true, blocks: [{ type: 'list', items: ['a'] }, ...pagerBlocks(pageOf(Array.from({ length: 45 }, (_, i) => i), 2), nav, m)] };
    const degraded = degradeFor(TEXT_ONLY, list);
    expect(degraded.pager).toEqual({ command: 'promise', actionId: 'list-page', page: 2 });
    expect(degraded.blocks).toContainEqual({ type: 'text', text: '[1] Previous  →  /promise list 1\n[2] Next  →  /promise list 3' });
    expect(degradeFor(FULL_CHAT, list).pager).toBeUndefined();
  });
});
