import { z } from 'zod';
import { expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import type { Outbox } from '../../src/core/outbox.js';
import type { Capabilities, Platform } from '../../src/core/platform.js';
import { privateReply, type Reply } from '../../src/core/reply.js';
import type { Router } from '../../src/core/router.js';

/**
 * The adapter contract: what every chat adapter must do, checked at the protocol level against
 * each platform's local fake. A driver knows how to type a command, press a button and fill a
 * form on its platform, and reads back what the fake platform received, normalised.
 */

/** One message or card the platform received from the bot, as a person would see it. */
export interface SeenReply {
  /** Only the asker sees it (ephemeral, or their direct chat with the bot). */
  private: boolean;
  /** All visible text, markup entities turned back into characters. */
  text: string;
  actions: { label: string }[];
  form?: { fields: string[] };
  /** It replaced the message whose button was pressed. */
  replaced?: boolean;
}

export interface AdapterDriver {
  name: string;
  capabilities: Capabilities;
  /** Starts the adapter on its fake platform; resolves with its outbox and platform name. */
  start(router: Router): Promise<{ outbox: Outbox; platform: Platform }>;
  stop(): Promise<void>;
  /** A person's address on this platform, for the n-th test person. */
  person(n: number): string;
  /** Types `/name text` where only the person sees the answer; `{mention}` in text becomes the platform's mention of `mention`. */
  command(user: string, name: string, text: string, options?: { mention?: string }): Promise<SeenReply[]>;
  press(user: string, seen: SeenReply, actionIndex: number): Promise<SeenReply[]>;
  submit(user: string, seen: SeenReply, answers: Record<string, string>): Promise<SeenReply[]>;
  /** Direct messages the bot sent to this person on its own (outbox), oldest first. */
  directMessages(user: string): SeenReply[];
  /** Messages as they were edited in place (outbox.update, a replaced card), oldest first. */
  edits(): SeenReply[];
  /** Whatever the bot sent that breaks the platform's documented limits. */
  limitProblems(): string[];
}

const LONG_ITEMS = Array.from({ length: 400 }, (_, i) => `item-${i} 客户说包裹一直没到 the parcel never came`);

/** A command that exercises every part of the contract and nothing of the bot's features. */
export const probe = defineCommand({
  name: 'probe',
  summary: () => 'Contract probe',
  help: () => 'Type /probe and some text',
  argument: () => 'text',
  localName: () => 'probe',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, [{ type: 'text', text: 'Type /probe and some text.' }]),
  run: ({ text }, request): Reply => {
    if (text === 'long') return privateReply('Long', [{ type: 'list', label: 'Items', items: LONG_ITEMS }]);
    if (text.startsWith('who ')) return privateReply('Who', [{ type: 'text', text: `mentioned: ${(request.mentions ?? []).map((m) => m.address).join(',') || 'nobody'}; text: ${text}` }]);
    if (!text) {
      return {
        ...privateReply(undefined, [{ type: 'text', text: 'Type /probe and a note.' }]),
        form: { command: 'probe', id: 'note', title: 'A note', submitLabel: 'Save', fields: [{ id: 'note', label: 'Note', required: true }] },
      };
    }
    return privateReply('Probe', [
      { type: 'text', text: `echo: ${text}` },
      { type: 'actions', actions: [{ command: 'probe', id: 'press', value: '7', label: 'Press me', typed: '/probe pressed 7' }] },
    ]);
  },
  onAction: (request): Reply => {
    if (request.actionId === 'note') return privateReply('Saved', [{ type: 'text', text: `noted: ${(JSON.parse(request.value) as { note: string }).note}` }]);
    return { ...privateReply('Pressed', [{ type: 'text', text: `pressed ${request.value}` }], 'success'), replacesOriginal: true };
  },
});

const joined = (seen: SeenReply[]) => seen.map((s) => s.text).join('\n');

/** The cases every adapter passes; call inside a describe that has started the driver. */
export function adapterContract(get: () => { driver: AdapterDriver; outbox: Outbox; platform: Platform }): void {
  it('a command gets a reply only the person sees', async () => {
    const { driver } = get();
    const seen = await driver.command(driver.person(1), 'probe', 'hello there');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.private)).toBe(true);
    expect(joined(seen)).toContain('echo: hello there');
    expect(seen[0]!.actions.map((a) => a.label)).toEqual(['Press me']);
  });

  it('a button press comes back to its command and its answer replaces the message', async () => {
    const { driver } = get();
    const [reply] = await driver.command(driver.person(1), 'probe', 'press test');
    const answer = await driver.press(driver.person(1), reply!, 0);
    expect(joined(answer)).toContain('pressed 7');
    if (driver.capabilities.edits) expect(answer[0]!.replaced).toBe(true);
  });

  it('a form round trip (or, where forms cannot be shown, what to type)', async () => {
    const { driver } = get();
    const seen = await driver.command(driver.person(1), 'probe', '');
    if (!driver.capabilities.forms) {
      expect(joined(seen)).toContain('Type /probe and a note.');
      return;
    }
    const form = seen.find((s) => s.form);
    expect(form?.form?.fields).toEqual(['note']);
    const answer = await driver.submit(driver.person(1), form!, { note: 'call back at 3' });
    expect(joined(answer)).toContain('noted: call back at 3');
  });

  it('mentions reach the command as people, not as the platform’s syntax', async () => {
    const { driver } = get();
    const colleague = driver.person(2);
    const seen = await driver.command(driver.person(1), 'probe', 'who {mention} please', { mention: colleague });
    const text = joined(seen);
    expect(text).toContain(`mentioned: ${colleague};`);
    expect(text).not.toMatch(/<@|@_user_/);
  });

  it('a direct message from the outbox arrives with working buttons', async () => {
    const { driver, outbox, platform } = get();
    const user = driver.person(3);
    await outbox.sendDirect({ platform, userId: user }, privateReply('Reminder', [{ type: 'text', text: 'due soon' }, { type: 'actions', actions: [{ command: 'probe', id: 'press', value: '9', label: 'Done', typed: '/probe pressed 9' }] }]));
    const dm = driver.directMessages(user).at(-1)!;
    expect(dm.text).toContain('due soon');
    expect(dm.actions.map((a) => a.label)).toEqual(['Done']);
    expect(joined(await driver.press(user, dm, 0))).toContain('pressed 9');
  });

  it('a message the bot sent can be edited in place', async () => {
    const { driver, outbox, platform } = get();
    const sent = await outbox.sendDirect({ platform, userId: driver.person(3) }, privateReply('Breathing', [{ type: 'text', text: 'breathe in' }]));
    await outbox.update(sent, privateReply('Breathing', [{ type: 'text', text: 'breathe out' }]));
    expect(driver.edits().at(-1)!.text).toContain('breathe out');
  });

  it('a long reply keeps within the platform’s limits and loses no text', async () => {
    const { driver } = get();
    const seen = await driver.command(driver.person(1), 'probe', 'long');
    const text = joined(seen);
    expect(LONG_ITEMS.filter((item) => !text.includes(item))).toEqual([]);
    expect(driver.limitProblems()).toEqual([]);
  });
}
