import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { renderText } from '../../src/adapters/console/render-text.js';
import { botContext } from '../helpers/bot-context.js';
import { botRouter } from '../helpers/router.js';

/** Every path to a leaf of a message tree, with the kind of value found there. */
function shape(tree: unknown, path = ''): string[] {
  if (Array.isArray(tree)) return [`${path}:array(${tree.length})`, ...tree.flatMap((v, i) => shape(v, `${path}[${i}]`))];
  if (typeof tree === 'function') return [`${path}:function`];
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([k, v]) => shape(v, `${path}.${k}`));
  return [`${path}:${typeof tree}`];
}

describe('the derived zh-TW catalog', () => {
  it('has exactly the shape of the zh-CN catalog (arrays stay arrays)', () => {
    expect(shape(messagesFor('zh-TW'))).toEqual(shape(zhCN));
    expect(Array.isArray(messagesFor('zh-TW').promise.usageLines)).toBe(true);
  });

  it('converts array items and function results', () => {
    const tw = messagesFor('zh-TW').promise;
    expect(tw.usageLines[0]).toContain('時間');
    expect(tw.recordedTitle('K7Q2M')).toBe('承諾 K7Q2M 已記下');
  });
});

describe('/promise in zh-TW', () => {
  it('shows the usage instead of the internal-error apology, and the console can print it', async () => {
    const bot = await botContext();
    const router = botRouter(bot.context);
    const user = { id: 'U1', locale: 'zh-TW' as const, timeZone: 'Asia/Taipei', isLead: false };
    const usage = await router.handle({ kind: 'command', platform: 'console', user, command: 'promise', text: '', localeExplicit: false });
    const past = await router.handle({ kind: 'command', platform: 'console', user, command: 'promise', text: '00:01 4411 回電', localeExplicit: false });
    await bot.close();
    expect(past.tone).toBe('warning');
    expect(renderText(past)).toContain('例子');
    expect(usage.tone).not.toBe('error');
    expect(() => renderText(usage)).not.toThrow();
    expect(renderText(usage)).toContain('/promise 30m 4411');
  });
});

describe('zh-TW message functions', () => {
  it('convert their own words but keep their arguments as given', () => {
    const tw = messagesFor('zh-TW');
    expect(tw.script.alternateButton('權限不足')).toBe('權限不足');
    expect(tw.script.noMatch('寬頻')).toContain('「寬頻」');
    expect(tw.promise.teamOwner('Lin', 3, 1)).toBe('Lin：3 條未完成，1 條已逾時');
  });
});
