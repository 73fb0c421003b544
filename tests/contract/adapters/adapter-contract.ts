import { z } from 'zod';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createCommands } from '../../../commands/index.js';
import { defineCommand } from '../../../src/core/command.js';
import { PlatformOutbox, type Outbox } from '../../../src/core/outbox.js';
import { privateReply, type Reply } from '../../../src/core/reply.js';
import { createRouter } from '../../../src/core/router.js';
import { botContext, type BotContext } from '../../helpers/bot-context.js';
import type { AdapterDriver, SeenReply } from './driver.js';

/** 300 numbered sections: more than any platform shows in one message. */
export const LONG_SECTIONS = 300;
/** A section of three lines: a cut between messages (or embeds, cards) inside one shows as a section not whole in any message. */
const section = (i: number) => [`section ${String(i).padStart(3, '0')} begins`, 'of a very long answer that must arrive whole '.repeat(3).trim(), `section ${String(i).padStart(3, '0')} ends`].join('\n');
const longReply = (): Reply => privateReply('A very long answer', Array.from({ length: LONG_SECTIONS }, (_, i) => ({ type: 'text' as const, text: section(i) })));

/** A command that takes nothing and always gives `reply()`. */
const answering = (name: string, reply: () => Reply) =>
  defineCommand({ name, summary: () => name, help: () => `Type /${name}`, argument: () => '', args: z.object({}), toArgs: () => ({}), usage: () => privateReply(undefined, []), run: reply });

/** A command whose answer is longer than any platform's message, to check it is split, never cut. */
const longCommand = answering('long', longReply);

/** A button with something to type and one without: what each surface shows of them is up to degradeFor. */
const choiceCommand = answering('choice', () =>
  privateReply('Pick one', [
    { type: 'text', text: 'Or type /choice yes.' },
    { type: 'actions', actions: [{ command: 'choice', id: 'yes', value: 'y', label: 'Yes please', typed: '/choice yes' }, { command: 'choice', id: 'rate', value: 'r', label: 'Only a button', typed: '' }] },
  ]),
);

/** Echoes who the command was told was mentioned, to check the adapter resolved the platform's syntax. */
const whoCommand = defineCommand({
  name: 'who',
  summary: () => 'Who was mentioned',
  help: () => 'Type /who and mention someone',
  argument: () => 'text',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, []),
  run: ({ text }, request) => privateReply('Who', [{ type: 'text', text: `mentioned: ${(request.mentions ?? []).map((m) => m.address).join(',') || 'nobody'}; text: ${text}` }]),
});

const reminder = (title: string, id = 'p1'): Reply => ({
  title,
  private: true,
  blocks: [
    { type: 'text', text: 'Reply to the customer now, even without a result.' },
    { type: 'actions', actions: [{ command: 'promise', id: 'done', value: id, label: 'Done', style: 'primary', typed: `/promise done ${id}` }] },
  ],
});

const all = (seen: SeenReply[]) => seen.map((s) => s.text).join('\n');
/** Sections not shown whole inside one message: lost, or cut across messages, embeds or cards. */
const brokenSections = (seen: SeenReply[]) => Array.from({ length: LONG_SECTIONS }, (_, i) => i).filter((i) => !seen.some((s) => s.text.includes(section(i))));

/** The cases every adapter passes, run once per driver by adapters.contract.test.ts. */
export function adapterContract(driver: AdapterDriver): void {
  let bot: BotContext;
  let outbox: Outbox;
  const user = driver.person;
  const owner = { platform: driver.platform ?? driver.name, userId: user };

  beforeAll(async () => {
    bot = await botContext();
    const adapter = await driver.start(createRouter([...createCommands(bot.context), longCommand, whoCommand, choiceCommand], bot.context));
    // As main.ts wires it: what the bot sends on its own goes through the one outbox, which makes it
    // fit for the adapter's declared capabilities (the router does the same for answers).
    const platformOutbox = new PlatformOutbox();
    platformOutbox.register(owner.platform, adapter, driver.capabilities);
    outbox = platformOutbox;
  });

  afterAll(async () => {
    await driver.stop();
    await bot?.close();
  });

  // Whatever the case did (answers, DMs, edits), the platform refused none of the adapter's calls.
  afterEach(() => {
    expect(driver.refusals?.() ?? []).toEqual([]);
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

  it('sends a direct message with its buttons through the outbox, and its button works', async () => {
    const record = await promise('7731 router swap');
    await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, reminder('Promise due in 10 minutes', record.id));
    const dms = await driver.directMessages(user);
    const dm = dms.find((s) => s.text.includes('Promise due in 10 minutes'));
    expect(dm, all(dms)).toBeDefined();
    const done = dm!.actions.findIndex((a) => a.label === 'Done');
    expect(done, all(dms)).toBeGreaterThanOrEqual(0);
    await driver.press(user, dm!, done);
    expect((await bot.promises.find(record.id))?.status).toBe('done');
  });

  it(driver.capabilities.buttons ? 'shows every button as a button' : 'shows what to type for each button, and no button that has nothing to type', async () => {
    const seen = await driver.command(user, 'choice', '');
    const text = all(seen);
    expect(text).toContain('Pick one');
    if (driver.capabilities.buttons) {
      expect(seen.flatMap((s) => s.actions.map((a) => a.label))).toEqual(expect.arrayContaining(['Yes please', 'Only a button']));
    } else {
      expect(text).toContain('/choice yes');
      expect(text).not.toContain('Only a button');
    }
  });

  it('edits a sent message through outbox.update', async () => {
    const sent = await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, reminder('Promise due soon'));
    await outbox.update(sent, { ...reminder('Promise kept'), blocks: [{ type: 'text', text: 'Closed on time.' }] });
    const edits = await driver.edits();
    expect(all(edits)).toContain('Promise kept');
    expect(all(edits)).toContain('Closed on time.');
  });

  it(`splits a reply of ${LONG_SECTIONS} sections within the platform's limits, each section whole in one message`, async () => {
    expect(brokenSections(await driver.command(user, 'long', ''))).toEqual([]);
    await outbox.sendDirect({ platform: driver.platform ?? driver.name, userId: user }, longReply());
    expect(brokenSections(await driver.directMessages(user))).toEqual([]);
  });
}
