import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/knowledge/check.js';
import { formatDiagnostic } from '../../src/knowledge/diagnostics.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { findFixedTime } from '../../src/knowledge/time-words.js';
import { caseScript, lineIn, removeKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeKnowledge));

describe('fixed time words in say-lines', () => {
  it.each([
    ['我明天下午五点前给您回电。', '明天'],
    ['周五前给您答复。', '周五'],
    ['您是上周三买的。', '上周'],
    ['星期六也可以办理。', '星期六'],
    ['礼拜天网点照常营业。', '礼拜天'],
    ['早上好，这里是客服热线。', '早上好'],
    ['我五点半再打给您。', '五点半'],
    ['下午3点前回复您。', '3点前'],
    ['您1号寄出的件。', '1号'],
    ['12月25日起生效。', '12月25日'],
    ['二十四小时内生效。', '二十四小时内'],
    ['退款三个工作日内到账。', '三个工作日内'],
  ])('zh-CN: flags %s', (line, found) => {
    expect(findFixedTime(line, 'zh-CN')).toBe(found);
  });

  it.each([
    ['I will call you by 5 pm today.', '5 pm'],
    ['Good morning, agent 12 speaking.', 'Good morning'],
    ['You bought it last Wednesday.', 'Wednesday'],
    ['It takes effect within 24 hours.', 'within 24 hours'],
    ['They will call within the hour.', 'within the hour'],
    ['Refunds arrive within three working days.', 'within three working days'],
    ['I will ring at 17:30 to check.', '17:30'],
    ['Speed returns on the 1st.', '1st'],
    ['We can talk tomorrow.', 'tomorrow'],
    ['Our shop is open until 8 p.m. most days.', '8 p.m.'],
  ])('en: flags %s', (line, found) => {
    expect(findFixedTime(line, 'en')).toBe(found);
  });

  it.each([
    ['我会在[答复时间]前给您回电。', 'zh-CN'],
    ['您的号码在[办理日期]开通，我慢一点说，一点一点核对。', 'zh-CN'],
    ['拨打10086或者说三点建议都可以，这个号码保留着。', 'zh-CN'],
    ['I will call you back by [reply time], [your name] speaking.', 'en'],
    ['May I have your name? Let me check your records now.', 'en'],
    ['It works on 4G and 5G, and the plan costs [amount] a month.', 'en'],
  ] as const)('leaves %s alone', (line, locale) => {
    expect(findFixedTime(line, locale)).toBeUndefined();
  });

  it('knowledge check reports a fixed time in a say-line as an error on its line', async () => {
    const dir = writeKnowledge({
      scripts: [
        caseScript('parcel-late', 'zh-CN', { say: ['感谢您的耐心等待。', '我明天下午五点前给您回电。'] }),
        caseScript('parcel-late', 'en', { say: ['Thank you for waiting.', 'I will call you back by [reply time].'] }),
      ],
    });
    dirs.push(dir);
    const loaded = await loadKnowledgeFiles(dir);
    const out = checkKnowledge(loaded.files, '2026-11-22').map(formatDiagnostic);
    const file = 'scripts/parcel-late.zh-CN.yaml';
    expect(out).toEqual([
      `${file}:${lineIn(dir, file, '明天下午五点前')}: error: say line has a fixed time "明天"; it is read out on any day, so use a fill-in the agent completes, e.g. [答复时间] (see knowledge/README.md)`,
    ]);
  });
});
