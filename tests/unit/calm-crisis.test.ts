import { rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crisisReply } from '../../commands/calm-replies.js';
import { CalmDesk } from '../../src/calm/desk.js';
import { ManualClock } from '../../src/core/clock.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { actionsOf, calmBot, copyKnowledge, type CalmBot } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE, textOf } from '../helpers/router.js';

const CONTACT = 'Employee assistance line 400-000-0000 (24h)';

const CRISIS_EN = ['I want to kill myself', 'honestly I just want to die', 'I am thinking about suicide', "I can't go on like this", 'I might hurt myself tonight', 'I feel suicidal', 'KILLING MYSELF'];
const CRISIS_ZH = ['我想死', '我真的不想活了', '活不下去了', '有时候想自杀', '想跳楼', '我会伤害自己'];
const CRISIS_TW = ['我不想活了，真的', '想自殺', '活不下去'];
const NOT_CRISIS = ['so angry', '被客户骂了', 'I am dying for a coffee break', 'the customer wants to cancel', '好累', 'killer queue today'];

let library: CalmLibrary;
beforeAll(async () => {
  library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
});

describe('CrisisDetector', () => {
  it.each([...CRISIS_EN, ...CRISIS_ZH, ...CRISIS_TW])('notices %j', (text) => {
    expect(library.crisis.test(text)).toBe(true);
  });

  it.each(NOT_CRISIS)('does not flag %j', (text) => {
    expect(library.crisis.test(text)).toBe(false);
  });

  it('still knows the plainest words with no crisis file at all', () => {
    const bare = new CrisisDetector();
    expect(bare.test('I want to kill myself')).toBe(true);
    expect(bare.test('我不想活了')).toBe(true);
    expect(bare.test('so angry')).toBe(false);
  });
});

describe('/calm with words that suggest danger', () => {
  let withContact: CalmBot;
  let without: CalmBot;
  beforeAll(async () => {
    withContact = await calmBot({ supportContact: CONTACT });
    without = await calmBot();
  });
  afterAll(async () => {
    await withContact.close();
    await without.close();
  });

  it('answers supportively in English with the configured contact, and nothing else', async () => {
    const reply = await withContact.ask('I want to kill myself', { locale: 'en' });
    const text = textOf(reply);
    expect(reply.private).toBe(true);
    expect(text).toContain(library.crisisMessage('en')![0]);
    expect(text).toContain(`Support: ${CONTACT}`);
    expect(text).toContain("I'm a bot, not a counsellor");
    // No feeling prompt, no practice, no breathing, no buttons.
    expect(reply.blocks.some((b) => b.type === 'quote' || b.type === 'list')).toBe(false);
    expect(actionsOf(reply)).toEqual([]);
  });

  it('answers in Chinese with the contact, whatever the user locale', async () => {
    const reply = await withContact.ask('我真的不想活了', { locale: 'en' });
    const text = textOf(reply);
    expect(text).toContain(library.crisisMessage('zh-CN')![0]);
    expect(text).toContain(`支持联系方式：${CONTACT}`);
    expect(actionsOf(reply)).toEqual([]);
  });

  it('answers in Traditional for Traditional text', async () => {
    const reply = await withContact.ask('想自殺', { locale: 'zh-CN' });
    expect(textOf(reply)).toContain(library.crisisMessage('zh-TW')![0]);
  });

  it('without a configured contact points to emergency services and someone trusted', async () => {
    const en = textOf(await without.ask('I feel suicidal', { locale: 'en' }));
    expect(en).toContain('call your local emergency number now, and reach out to someone you trust');
    expect(en).not.toContain('Support:');
    const zh = textOf(await without.ask('我想死', { locale: 'zh-CN' }));
    expect(zh).toContain('请立即拨打当地的紧急求助电话，并联系一个你信任的人');
  });

  it('checks before matching a feeling: crisis words among feeling words still get support', async () => {
    const reply = await without.ask('so angry and so tired I want to die', { locale: 'en' });
    expect(reply.title).toBe("You don't have to carry this alone");
    expect(actionsOf(reply)).toEqual([]);
  });

  it('starts no breathing minute and keeps no per-person memory', async () => {
    const before = without.calm.remembered;
    await without.ask('I want to kill myself', { locale: 'en', userId: 'U-crisis' });
    expect(without.calm.remembered).toBe(before);
    expect(without.calm.isBreathing({ platform: 'slack', userId: 'U-crisis' })).toBe(false);
    expect(without.outbox.sent).toEqual([]);
  });

  it('still answers when the crisis files are missing (built-in words and message)', async () => {
    const dir = copyKnowledge();
    try {
      rmSync(path.join(dir, 'calm', 'crisis.en.yaml'));
      rmSync(path.join(dir, 'calm', 'crisis.zh-CN.yaml'));
      const desk = await CalmDesk.open({ knowledgeDir: dir, dataDir: path.join(dir, 'data'), clock: new ManualClock(0), timeZone: 'UTC', statsEnabled: false, log: pino({ level: 'silent' }) });
      expect(desk.isCrisis('I want to kill myself')).toBe(true);
      expect(desk.library!.crisisMessage('en')).toBeUndefined();
      const reply = textOf(crisisReply(desk.library!.crisisMessage('en'), undefined, 'en'));
      expect(reply).toContain("Please reach out to a person right now");
      expect(reply).toContain('call your local emergency number');
      await desk.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
