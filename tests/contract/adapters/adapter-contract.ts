import { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCommands } from '../../../commands/index.js';
import { defineCommand } from '../../../src/core/command.js';
import type { Outbox } from '../../../src/core/outbox.js';
import { privateReply, type Reply } from '../../../src/core/reply.js';
import { createRouter } from '../../../src/core/router.js';
import { botContext, type BotContext } from '../../helpers/bot-context.js';
import type { AdapterDriver, SeenReply } from './driver.js';

/** 300 numbered sections: more than any platform shows in one message. */
export const LONG_SECTIONS = 300;
const section = (i: number) => `section ${String(i).padStart(3, '0')} ${'of a very long answer that must arrive whole '.repeat(3)}`;
const longReply = (): Reply => privateReply('A very long answer', Array.from({ length: LONG_SECTIONS }, (_, i) => ({ type: 'text' as const, text: section(i) })));

/** A command whose answer is longer than any platform's message, to check it is split, never cut. */
const longCommand = defineCommand({
  name: 'long',
  summary: () => 'A very long answer',
  help: () => 'Type /long',
  argument: () => '',
  localName: () => 'long',
  args: z.object({}),
  toArgs: () => ({}),
  usage: () => privateReply(undefined, []),
  run: () => longReply(),
});

/** Echoes who the command was told was mentioned, to check the adapter resolved the platform's syntax. */
const whoCommand = defineCommand({
  name: 'who',
  summary: () => 'Who was mentioned',
  help: () => 'Type /who and mention someone',
  argument: () => 'text',
  localName: () => 'who',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, []),
  run: ({ text }, request) => privateReply('Who', [{ type: 'text', text: `mentioned: ${(request.mentions ?? []).map((m) => m.address).join(',') || 'nobody'}; text: ${text}` }]),
});

const reminder = (title: string): Reply => ({
  title,
  private: true,
  blocks: [
    { type: 'text', text: 'Reply to the customer now, even without a result.' },
    { type: 'actions', actions: [{ command: 'promise', id: 'done', value: 'p1', label: 'Done', style: 'primary', typed: '/promise done p1' }] },
  ],
});

const all = (seen: SeenReply[]) => seen.map((s) => s.text).join('\n');
const missingSections = (text: string) => Array.from({ length: LONG_SECTIONS }, (_, i) => i).filter((i) => !text.includes(`section ${String(i).padStart(3, '0')}`));

/** The cases every adapter passes, run once per driver by adapters.contract.test.ts. */
export function adapterContract(driver: AdapterDriver): void {
  let bot: BotContext;
  let outbox: Outbox;
  const user = driver.person;
  const owner = { platform: driver.platform ?? driver.name, userId: user };

  beforeAll(async () => {
    bot = await botContext();
    outbox = await driver.start(createRouter([...createCommands(bot.context), longCommand, whoCommand], bot.context));
  });

  afterAll(async () => {
    await driver.stop();
    await bot?.close();
  });

  const promise = async (note: string, inMinutes = 30) =>
    (await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + inMinutes * 60_000), note, timeZone: 'UTC' })).record;

  it('answers a command privately', async () => {
    await promise('parcel 7731 call back');
    const seen = await driver.command(user, 'promise', 'list');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.private)).toBe(true);
    expect(all(seen)).toContain('parcel 7731 call back');
  });

  it.skipIf(!driver.colleague)('resolves mentions before the command sees them: people, not the platform\'s syntax', async () => {
    const colleague = driver.colleague!;
    const text = all(await driver.command(user, 'who', `${colleague.mention} please call back`));
    expect(text).toContain(`mentioned: ${colleague.address};`);
    expect(text).not.toContain(colleague.mention);
    expect(text).toContain('please call back');
  });

  it('round-trips a button press: Next on a long /promise list shows page 2, in place where messages can be edited', async () => {
    for (let i = 0; i < 24; i++) await promise(`paged promise ${String(i).padStart(2, '0')}`, 60 + i);
    const seen = await driver.command(user, 'promise', 'list');
    const message = seen.find((s) => s.actions.some((a) => a.label === 'Next'));
    expect(message, all(seen)).toBeDefined();
    expect(all(seen)).not.toContain('paged promise 23');
    const answer = await driver.press(user, message!, message!.actions.findIndex((a) => a.label === 'Next'));
    expect(all(answer)).toContain('paged promise 23');
    if (driver.capabilities.edits) expect(answer.some((s) => s.replaced)).toBe(true);
  });

  it(driver.capabilities.forms ? 'round-trips a form: bare /promise opens it, the submission records the promise' : 'shows what to type where it has no forms, and the typed form works', async () => {
    const seen = await driver.command(user, 'promise', '');
    if (driver.capabilities.forms) {
      const form = seen.find((s) => s.form)?.form;
      expect(form?.id).toBe('create');
      await driver.submit(user, form!, { when: '30m', note: '5521 replacement SIM' });
    } else {
      expect(seen.some((s) => s.form)).toBe(false);
      expect(all(seen)).toContain('/promise 30m 4411 refund check');
      await driver.command(user, 'promise', '30m 5521 replacement SIM');
    }
    expect((await bot.promises.openOf(owner)).map((p) => p.note)).toContain('5521 replacement SIM');
  });

  it('sends a direct message with its buttons through the outbox', async () => {
    await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, reminder('Promise due in 10 minutes'));
    const dms = await driver.directMessages(user);
    const dm = dms.find((s) => s.text.includes('Promise due in 10 minutes'));
    expect(dm, all(dms)).toBeDefined();
    expect(dm!.actions.map((a) => a.label)).toContain('Done');
  });

  it('edits a sent message through outbox.update', async () => {
    const sent = await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, reminder('Promise due soon'));
    await outbox.update(sent, { ...reminder('Promise kept'), blocks: [{ type: 'text', text: 'Closed on time.' }] });
    const edits = await driver.edits();
    expect(all(edits)).toContain('Promise kept');
    expect(all(edits)).toContain('Closed on time.');
  });

  it(`splits a reply of ${LONG_SECTIONS} sections within the platform's limits and loses none of it`, async () => {
    const answered = all(await driver.command(user, 'long', ''));
    expect(missingSections(answered)).toEqual([]);
    await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, longReply());
    expect(missingSections(all(await driver.directMessages(user)))).toEqual([]);
  });
}
