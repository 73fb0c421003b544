import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { degradeFor } from '../../src/core/degrade.js';
import { TEXT_ONLY } from '../../src/core/platform.js';
import type { Reply } from '../../src/core/reply.js';
import { withFeedback } from '../../src/knowledge/usage-feedback.js';
import { UsageLog } from '../../src/knowledge/usage-log.js';
import { tempDir } from '../helpers/temp-dir.js';

const answer = (): Reply => ({ blocks: [{ type: 'text', text: 'say this' }], private: true });
const usageLog = () => UsageLog.open({ dataDir: tempDir('feedback-'), clock: new ManualClock('2026-12-01T08:00:00Z'), timeZone: 'UTC', log: pino({ level: 'silent' }) });
const labels = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.label) : []));

describe('"this helped" / "didn\'t help" on a /script answer', () => {
  it('are buttons wherever the surface can press them, in the reader\'s script', async () => {
    const usage = await usageLog();
    expect(labels(withFeedback(answer(), 'angry-abusive-customer', '客户骂人', 'en', usage))).toEqual(['This helped', 'Didn’t help']);
    expect(labels(withFeedback(answer(), 'angry-abusive-customer', '客户骂人', 'zh-CN', usage))).toEqual(['有帮助', '没帮助']);
    expect(labels(withFeedback(answer(), 'angry-abusive-customer', '客戶罵人', 'zh-TW', usage))).toEqual(['有幫助', '沒幫助']);
  });

  it('are left out where buttons could only be shown as text, whatever the platform is called', async () => {
    const usage = await usageLog();
    const reply = degradeFor(TEXT_ONLY, withFeedback(answer(), 'angry-abusive-customer', 'angry', 'en', usage));
    expect(reply.blocks).toEqual(answer().blocks);
  });

  it('are left out when usage is not recorded (no board)', () => {
    expect(withFeedback(answer(), 'angry-abusive-customer', 'angry', 'en', undefined).blocks).toEqual(answer().blocks);
  });
});
