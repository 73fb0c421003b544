import { rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crisisReply } from '../../commands/calm-replies.js';
import { CalmDesk } from '../../src/calm/desk.js';
import { ManualClock } from '../../src/core/clock.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { replyLocaleFor } from '../../src/calm/reply-locale.js';
import { action, actionsOf, calmBot, copyKnowledge, type CalmBot } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE, textOf } from '../helpers/router.js';

const CONTACT = 'Employee assistance line 400-000-0000 (24h)';

// Written from the issue and from how agents type in chat, not from the rules.
const SELF = [
  // zh-CN: direct, indirect, plans, means, burden, farewell
  '我想去死', '一死了之', '不想再活下去', '想从楼上跳下去', '想结束这一切', '我消失了也没人在乎', '好想睡过去不再醒来', '把药准备好了',
  '活着太累了，不想再坚持了', '最近一直在囤安眠药', '我把自己手臂划了好几道', '要是我明天不在了，你们会不会难过', '感觉自己是全家的负担',
  '下班路上好想冲进车流里', '每天都在想怎么自杀', '这个世界没有我会更好', '刚刚吞了一把药', '对不起，我先走一步了', '我觉得我不配活着',
  '想死的心都有了，这次不是说说而已',
  // zh-TW
  '我好想死喔', '活著好累，不想活了', '覺得自己是家人的負擔', '想從頂樓跳下去', '真的好想消失在這個世界上', '刀片已經準備好了',
  // typed by sound or with a homophone slip
  'bu xiang huo le', '不想或了',
  // en: direct, slang, typos, indirect, plans, means
  'I want to end it', "I don't want to be here anymore", 'nobody would miss me', 'I just want to sleep and never wake up', 'taking pills',
  'kms', 'im gonna unalive myself', 'suicdal thoughts again', 'i wnat to dei', 'everyone would be better off without me',
  "I've got the rope", "I'm standing on the roof right now", 'I looked up how many tylenol it takes', "I've been cutting again",
  "if I'm not at work tomorrow you know why", 'it would be easier if I just wasn\'t here', "I'm such a burden to everyone",
];
const THREAT = [
  '客户说要来公司找我', '那个客户说下班在门口堵我', '客户威胁说要弄死我', '最近总觉得有人跟踪我回家', '客户说他知道我住在哪个小区',
  '那個奧客說下班要堵我', '客人說要來門市找我算帳', '有人在公司楼下等我，我不敢下去',
  'the caller said he knows where I live', "he's waiting outside the store for me", 'a guy threatened to stab me',
  "customer said he'd come down here and beat me up", 'caller threatend to come shoot up the place', 'he told me to watch my back when I leave',
];
const ORDINARY = [
  // hyperbole
  '累死了', '笑死', '这通电话要了我的命', '气死我了这个客户', '想死你们了', '今天想死的心都有了', '烦得要死', '跳楼价甩卖的短信又被投诉了', '这班上得生不如死',
  '這通電話要了我的命', '累死了啦', 'this job is killing me', 'I could kill for a coffee', 'dying to go home', "I'm dead tired",
  "I'd rather die than work another Saturday", 'ugh kill me now', "my boss is going to kill me if I'm late again", 'the line went dead',
  'I want to disappear for a week', 'I could just disappear under my desk', "I can't do this anymore",
  // complaint and legal "threats" are pressure, not danger
  '客户说要投诉我', '客户说要起诉我们公司', '客户说你给我等着，我要去12315投诉', '客人說要投訴我', 'the customer threatened to sue',
  "he said he'd report me to my manager", "customer said he'd see me in court", "he said I'll regret this and that he'll complain to head office",
  // plain negations and ordinary bad days
  '我不会想不开的，放心', '我没想自杀，只是太累了', "I'm not suicidal, just exhausted", '好想辞职', '我想消失一会儿', '手机死机了',
  '客户明天来门店找我签合同', '下班了，大家我先走一步了', "I'm on the bridge shift tonight",
];
const CALLER_AT_RISK = ['客户说他要跳楼，我该怎么办', '客戶說他要跳樓', 'the caller said he was going to kill himself'];

let library: CalmLibrary;
beforeAll(async () => {
  library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
});

describe('CrisisDetector', () => {
  it.each(SELF)('notices the person may be at risk: %j', (text) => {
    expect(library.crisis.assess(text).kind).toBe('self');
  });

  it.each(THREAT)('notices a threat to the person: %j', (text) => {
    expect(library.crisis.assess(text).kind).toBe('threat');
  });

  it.each(ORDINARY)('leaves everyday words ordinary: %j', (text) => {
    expect(library.crisis.assess(text).kind).toBe('none');
  });

  it.each(CALLER_AT_RISK)('tells a caller at risk apart from the agent: %j', (text) => {
    expect(library.crisis.assess(text).kind).toBe('other');
  });

  // The safety net: a word of death, ending or self-harm said of oneself is enough, in phrasings no
  // concept rule names; hyperbole that explains the word stays ordinary unless the writer means it.
  it.each(['人间不值得', '活着好没意思', '最近心如死灰', '想找个没人的地方安静地离开', '我怕自己会做出什么傻事', "i'm done with life", 'not worth living anymore', 'honestly there is no way out', 'nobody cares if i live'])(
    'the safety net catches words of death or ending said of oneself: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('self');
    },
  );
  it.each(['手机电池要死了', '快被主管逼死了', '笑到死', '老板要杀了我', 'ugh kill me now', 'my boss is going to kill me', "i'm dead lol", 'took my meds this morning', 'jumping on the bridge call', 'he said he would get me fired'])(
    'the safety net leaves hyperbole and ordinary uses alone: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('none');
    },
  );
  // The writer meaning to hurt someone is a crisis of the writer (they need a person now), not a threat to them.
  it.each(['下班我去停车场堵那个组长，把他打进医院', '我真的会杀了那个客户，不是气话', '我想在他车上动点手脚', 'going to wait for that caller after work and hurt him', "i'm bringing a knife to work tomorrow, he'll pay", "i'm going to kill my lead, not joking"])(
    'notices the writer meaning to hurt someone: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('self');
    },
  );
  it.each(['气得我想杀了他', '今天这单搞得我想打人，哈哈哈算了', 'gonna kill my TL if he moves my break again', "i'm gonna kill my sister lol she ate my lunch", 'kms i sent it to the wrong customer lol', "i'm literally dead, third escalation today", 'my feet are dying after this shift'])(
    'leaves venting about people and mishaps ordinary: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('none');
    },
  );
  // A threat to the worker's own safety gets the safety answer (tell the lead, do not meet the customer alone) whether or
  // not it was already reported or escalated; only complaint, legal and reputational threats are ordinary (README).
  it('gives the safety answer to a threat against the worker even when it was already reported', () => {
    const bare = new CrisisDetector(undefined, null);
    expect(bare.assess('customer threatened to come down and beat me up, reported to my TL already').kind).toBe('threat');
    expect(bare.assess('the caller said he will wait for me after work, how do i escalate this').kind).toBe('threat');
    expect(bare.assess("guy threatened me on the phone earlier, already told my team lead and it's logged, I'm fine").kind).toBe('threat');
    expect(bare.assess('customer threatened to come down and beat me up').kind).toBe('threat');
    expect(bare.assess("my colleague said he'd stab me if i reported him again").kind).toBe('threat');
    expect(bare.assess("customer threatened me on the phone, I told my supervisor but I'm scared to go home").kind).toBe('threat');
  });
  it('keeps complaint, legal and reputational threats ordinary, reported or not', () => {
    const bare = new CrisisDetector(undefined, null);
    expect(bare.assess('customer threatened to report me to the regulator, told my TL already').kind).toBe('none');
    expect(bare.assess("he said he'll post the call recording online and name me, told my lead, they said it's fine").kind).toBe('none');
    expect(bare.assess('caller threatened legal action and a chargeback').kind).toBe('none');
  });
  // Leaving the job, a transfer, a new career: the learned model (which cannot see the reason) is not asked.
  it('does not ask the learned model where the message gives an ordinary reason (leaving, a transfer)', () => {
    const detector = new CrisisDetector();
    expect(detector.readByRules('last day before my transfer, thank you everyone and goodbye').asksModel).toBe(false);
    expect(detector.readByRules('thinking of changing career, maybe go back to school').asksModel).toBe(false);
    expect(detector.readByRules('thank you everyone and goodbye').asksModel).toBe(true);
  });
  // Words of danger about something else: grief told, a plant or a phone that died, a rope barrier, a weapon in a bag.
  it.each(['my grandma died last month and today the caller sounded just like her', 'my plants died while i was on nights', 'the rope barrier at gate 5 fell on a passenger', 'the passenger has a knife in his checked bag, security handled it', 'need to disappear for a smoke after that call', "don't want to live in this city anymore, rent is crazy"])(
    'leaves words of danger about something else ordinary: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('none');
    },
  );
  it.each(['i want to go be with my late mum', 'i gave my passwords to my sister, she will need them', 'left my bank pin with my flatmate in case something happens to me', 'i feel to finish myself yaar', 'better i mati lah'])(
    'notices goodbye signals and regional wordings: %j',
    (text) => {
      expect(new CrisisDetector().assess(text).kind).toBe('self');
    },
  );
  it('hyperbole is read literally when the writer says they mean it', () => {
    expect(new CrisisDetector().assess('快被主管逼死了，不是开玩笑').kind).toBe('self');
  });

  it('works from its built-in rules with no crisis file at all', () => {
    const bare = new CrisisDetector();
    expect(bare.test('I want to kill myself')).toBe(true);
    expect(bare.test('我不想活了')).toBe(true);
    expect(bare.assess('客户说要来公司找我').kind).toBe('threat');
    expect(bare.test('so angry')).toBe(false);
  });

  it('also looks for the phrases reviewers add to the crisis files, through the same hyperbole filter', () => {
    // A phrase with no word of death in it: the safety net catches 心如死灰 on its own now.
    const withPhrases = new CrisisDetector({ self: ['灯快灭了'], threat: ['在车库等我'] });
    expect(withPhrases.assess('感觉我的灯快灭了').kind).toBe('self');
    expect(withPhrases.assess('他说在车库等我').kind).toBe('threat');
    // Without the phrase the rules say nothing (the learned model, a separate layer, may still weigh the metaphor).
    expect(new CrisisDetector({}, null).assess('感觉我的灯快灭了').kind).toBe('none');
    expect(new CrisisDetector().assess('最近心如死灰').kind).toBe('self');
  });
});

describe('/calm answers in the language the person wrote in', () => {
  it.each([
    ['so tired of this', 'zh-CN', 'en'],
    ['今天好累', 'en', 'zh-CN'],
    ['今天好累', 'zh-TW', 'zh-TW'],
    ['活著好累', 'zh-CN', 'zh-TW'],
    ['活着好累', 'zh-TW', 'zh-CN'],
    ['bu xiang huo le', 'zh-CN', 'zh-CN'],
    ['😞', 'zh-TW', 'zh-TW'],
    ['今天被客户骂了 so angry', 'en', 'zh-CN'],
  ] as const)('%j from a %s user → %s', (text, userLocale, expected) => {
    expect(replyLocaleFor(text, userLocale)).toBe(expected);
  });
});

describe('/calm with words that suggest danger', () => {
  let withContact: CalmBot;
  let without: CalmBot;
  beforeAll(async () => {
    withContact = await calmBot({ supportContact: CONTACT, leadIds: ['ULEAD1'] });
    without = await calmBot();
  });
  afterAll(async () => {
    await withContact.close();
    await without.close();
  });

  it('answers with support, the configured contact and one consent button, never the feelings menu', async () => {
    const reply = await withContact.ask('I want to kill myself', { locale: 'en' });
    const text = textOf(reply);
    expect(reply.private).toBe(true);
    expect(reply.title).toBe("You don't have to carry this alone");
    expect(text).toContain(library.crisisMessage('en')![0]);
    expect(text).toContain(`Someone you can talk to now: ${CONTACT}`);
    expect(text).toContain('120 (ambulance) or 110 (police) in mainland China');
    expect(text).toContain("I'm a bot, not a counsellor");
    expect(reply.blocks.some((b) => b.type === 'quote' || b.type === 'list')).toBe(false);
    expect(actionsOf(reply).map((a) => [a.id, a.label, a.typed])).toEqual([['checkin', 'Tell my lead I need someone now', '/calm checkin']]);
  });

  it('reads right without a contact: no pointer to a contact that is not there', async () => {
    const en = textOf(await without.ask('I feel suicidal', { locale: 'en' }));
    expect(en).not.toMatch(/below|Someone you can talk to now|Support:/);
    expect(en).toContain('call emergency services now');
    expect(en).toContain('Please reach a person right now');
    const zh = textOf(await without.ask('我想死', { locale: 'zh-CN' }));
    expect(zh).not.toMatch(/下面|现在就可以联系/);
    expect(zh).toContain('请马上拨打急救电话');
  });

  it('answers in Chinese for Chinese words and in Traditional for Traditional, whatever the user locale', async () => {
    const zh = await withContact.ask('我真的不想活了', { locale: 'en' });
    expect(textOf(zh)).toContain(library.crisisMessage('zh-CN')![0]);
    expect(textOf(zh)).toContain(`现在就可以联系：${CONTACT}`);
    const tw = await withContact.ask('想自殺', { locale: 'zh-CN' });
    expect(textOf(tw)).toContain(library.crisisMessage('zh-TW')![0]);
    const en = await withContact.ask('i dont want to be here anymore', { locale: 'zh-CN' });
    expect(textOf(en)).toContain(library.crisisMessage('en')![0]);
  });

  it('answers a threat from a customer with safety steps and the same button, not the feelings menu', async () => {
    const reply = await withContact.ask('the caller said he knows where I live', { locale: 'en' });
    const text = textOf(reply);
    expect(reply.title).toBe('Your safety comes first');
    expect(text).toContain('Tell your team lead now');
    expect(text).toContain("Don't meet this customer alone");
    expect(text).toContain('Write down what was said');
    expect(text).toContain('call security or the police (110)');
    expect(text).toContain('/script customer-threatens-staff');
    expect(text).not.toContain(library.crisisMessage('en')![0]);
    expect(actionsOf(reply).map((a) => a.id)).toEqual(['checkin']);
    const zh = textOf(await withContact.ask('客户说要来公司找我', { locale: 'zh-CN' }));
    expect(zh).toContain('不要单独和这位客户见面');
    expect(zh).toContain('/script customer-threatens-staff');
  });

  it('points an agent whose caller is at risk to the script, with the same button', async () => {
    const reply = await withContact.ask('客户说他要跳楼，我该怎么办', { locale: 'zh-CN' });
    expect(reply.title).toBe('电话那头的人可能有危险');
    expect(textOf(reply)).toContain('/script caller-threatens-self-harm');
    expect(actionsOf(reply).map((a) => a.id)).toEqual(['checkin']);
  });

  it('a complaint threat gets the ordinary /calm answer', async () => {
    const reply = await withContact.ask('客户说要投诉我', { locale: 'zh-CN' });
    expect(reply.title).not.toBe('你的安全最重要');
    expect(actionsOf(reply).some((a) => a.id === 'checkin')).toBe(false);
  });

  it('checks before matching a feeling: crisis words among feeling words still get support', async () => {
    const reply = await without.ask('so angry and so tired I want to die', { locale: 'en' });
    expect(reply.title).toBe("You don't have to carry this alone");
    expect(actionsOf(reply).map((a) => a.id)).toEqual(['checkin']);
  });

  it('starts no breathing minute, sends nothing without consent and keeps no per-person memory', async () => {
    const before = without.calm.remembered;
    await without.ask('I want to kill myself', { locale: 'en', userId: 'U-crisis' });
    expect(without.calm.remembered).toBe(before);
    expect(without.calm.isBreathing({ platform: 'slack', userId: 'U-crisis' })).toBe(false);
    expect(without.outbox.sent).toEqual([]);
  });

  it('still answers when the crisis files are missing (built-in rules and message)', async () => {
    const dir = copyKnowledge();
    try {
      rmSync(path.join(dir, 'calm', 'crisis.en.yaml'));
      rmSync(path.join(dir, 'calm', 'crisis.zh-CN.yaml'));
      const desk = await CalmDesk.open({ knowledgeDir: dir, clock: new ManualClock(0), timeZone: 'UTC', statsEnabled: false, log: pino({ level: 'silent' }) });
      expect(desk.isCrisis('I want to kill myself')).toBe(true);
      expect(desk.library!.crisisMessage('en')).toBeUndefined();
      const reply = textOf(crisisReply('self', desk.library!.crisisMessage('en'), undefined, 'en'));
      expect(reply).toContain('Please reach a person right now');
      expect(reply).toContain('call emergency services now');
      const threat = textOf(crisisReply('threat', desk.library!.threatMessage('en'), undefined, 'en'));
      expect(threat).toContain("Don't meet this customer alone");
      await desk.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('/calm: "Tell my lead I need someone now"', () => {
  const bots: CalmBot[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.close();
  });
  async function setUp(leadIds: string[] = ['ULEAD1', 'ULEAD2']): Promise<CalmBot> {
    const bot = await calmBot({ leadIds });
    bots.push(bot);
    return bot;
  }

  it('on a press tells each lead, by the reset note path, who needs someone now and nothing else', async () => {
    const bot = await setUp();
    const typed = 'the customer at 13812345678 said he knows where I live and I want to die';
    const crisis = await bot.ask(typed, { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    expect(bot.outbox.sent).toEqual([]);

    const answer = await bot.press(action(crisis, 'checkin'), { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    expect(textOf(answer)).toContain("2 leads have been told you'd like someone with you now. Only your name went, nothing you wrote.");
    expect(textOf(answer)).toContain('call emergency services now');
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([
      { platform: 'slack', userId: 'ULEAD1' },
      { platform: 'slack', userId: 'ULEAD2' },
    ]);
    const note = bot.outbox.sent[0]!.reply;
    expect(note.title).toBe('Please check in on a team member now');
    expect(textOf(note)).toContain('Mei (UAGENT) asked for someone to check in with them now, in person or by a call. Nothing else was shared. Please reach them as soon as you can.');
    // (Without the delivery key, whose name holds "live".)
    for (const word of [typed, 'die', 'live', 'customer', '13812345678', 'crisis', 'safety', 'threat']) expect(JSON.stringify({ ...note, deliveryKey: undefined })).not.toContain(word);
  });

  it('is not held back by a reset note asked for a minute earlier, but is not repeated within minutes', async () => {
    const bot = await setUp(['ULEAD1']);
    await bot.ask('reset', { locale: 'en', userId: 'U2' });
    const first = await bot.ask('checkin', { locale: 'en', userId: 'U2' });
    expect(textOf(first)).toContain('Your lead has been told');
    const again = await bot.ask('checkin', { locale: 'en', userId: 'U2' });
    expect(textOf(again)).toContain('Your lead was told a few minutes ago');
    expect(bot.outbox.sent.map((s) => s.reply.title)).toEqual(['A 5-minute reset request', 'Please check in on a team member now']);
  });

  it('on the console the button is typed, in Chinese too, and the note goes to the console operator', async () => {
    const bot = await setUp([]);
    const crisis = await bot.ask('我不想活了', { locale: 'zh-CN', platform: 'console', userId: 'console' });
    // The router made the answer fit for a terminal: the button is the line saying what to type.
    expect(textOf(crisis)).toMatch(/\[1\] .+ {2}→ {2}\/calm checkin/);
    const answer = await bot.ask('需要人陪', { locale: 'zh-CN', platform: 'console', userId: 'console' });
    expect(textOf(answer)).toContain('已告诉你的组长');
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('console 希望现在有人去看看他/她');
  });

  it('with no lead set up says so and still points to people and emergency services', async () => {
    const bot = await setUp([]);
    const answer = await bot.ask('checkin', { locale: 'en' });
    expect(textOf(answer)).toContain('No team lead is set up');
    expect(textOf(answer)).toContain('call emergency services');
    expect(bot.outbox.sent).toEqual([]);
  });

  it('when nothing could be delivered says so, points to people, and lets the person try again', async () => {
    const bot = await setUp(['ULEAD1']);
    bot.outbox.failing = 1;
    const failed = await bot.ask('checkin', { locale: 'en', userId: 'U3' });
    expect(failed.tone).toBe('error');
    expect(textOf(failed)).toContain('Please go to your lead or a colleague now');
    const retried = await bot.ask('checkin', { locale: 'en', userId: 'U3' });
    expect(textOf(retried)).toContain('Your lead has been told');
  });
});
