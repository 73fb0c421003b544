import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { removeKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';
import { loadBase, SHIPPED_KNOWLEDGE, testBot, textOf } from '../helpers/router.js';

describe('/script check with a known phrasebook', () => {
  let dir: string;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = writeKnowledge();
    kb = await loadBase(dir);
  });
  afterAll(() => removeKnowledge(dir));

  it('flags each banned or non-standard English phrase with why and the rewrite, in reading order', async () => {
    const reply = await testBot(kb).ask('script', 'check Sorry for the wait. You must restart the router.', 'zh-CN');
    expect(reply.title).toBe('2 phrases to change');
    const blocks = reply.blocks.filter((b) => b.type === 'text');
    expect(blocks.map((b) => b.type === 'text' && b.label)).toEqual(['“Sorry for the wait” · avoid', '“You must” · banned']);
    expect(textOf(reply)).toContain('Try: Thank you for waiting.');
  });

  it('matches English phrases as whole words only', async () => {
    const reply = await testBot(kb).ask('script', 'check I know the answer, nobody is at fault.', 'en');
    expect(reply.tone).toBe('success');
  });

  it('uses sentence-start patterns from the phrasebook', async () => {
    const flagged = await testBot(kb).ask('script', 'check Thanks. No, that is not possible.', 'en');
    expect(textOf(flagged)).toContain('“No” · banned');
  });

  it('answers a Chinese draft in Chinese with the Chinese rewrite', async () => {
    const reply = await testBot(kb).ask('script', 'check 让您久等了,你必须先重启路由器。', 'en');
    expect(reply.title).toBe('有 2 处用语建议修改');
    expect(textOf(reply)).toContain('建议改为：感谢您的耐心等待。');
    expect(textOf(reply)).toContain('“你必须” · 禁用语');
  });

  it('answers a Traditional draft in Traditional, quoting the words as written', async () => {
    const reply = await testBot(kb).ask('script', 'check 讓您久等了,不行的話再打來。', 'zh-CN');
    const text = textOf(reply);
    expect(text).toContain('「讓您久等了」');
    expect(text).toContain('感謝您的耐心等待');
    expect(text).not.toContain('不行');
  });

  it('flags 不行 only at the start of a sentence', async () => {
    const reply = await testBot(kb).ask('script', 'check 好的。不行的话我再帮您换一个办法。', 'zh-CN');
    expect(textOf(reply)).toContain('“不行” · 禁用语');
  });

  it('says the draft is clean when it is', async () => {
    const reply = await testBot(kb).ask('script', 'check 感谢您的耐心等待,我现在帮您查。', 'zh-CN');
    expect(reply.tone).toBe('success');
    expect(textOf(reply)).toContain('没有发现禁用语');
  });
});

describe('/script check with the shipped phrasebook, as a Taiwan agent writes', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase(SHIPPED_KNOWLEDGE);
  });

  it.each(['你找主管去。', '你去找主管吧。', '你找領導去。'])('flags %s (主管 is the Taiwan word for 领导)', async (draft) => {
    const reply = await testBot(kb).ask('script', `check ${draft}`, 'zh-TW');
    expect(reply.tone).not.toBe('success');
    expect(textOf(reply)).toContain('禁用語');
  });

  it('writes the rewrite hint with Chinese punctuation', async () => {
    const text = textOf(await testBot(kb).ask('script', 'check 你冷静一点！', 'zh-CN'));
    expect(text).toContain('建议改为：');
    expect(text).not.toMatch(/建议改为:/);
  });
});
