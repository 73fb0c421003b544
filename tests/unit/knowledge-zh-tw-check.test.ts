import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTaiwanRenderings } from '../../src/knowledge/check-zh-tw.js';
import { copyKnowledge } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

describe('knowledge check: zh-TW renderings', () => {
  it('passes on the shipped knowledge', () => {
    expect(checkTaiwanRenderings(SHIPPED_KNOWLEDGE)).toEqual([]);
  });

  it('reports a known mistranslation with the file and line of the zh-CN text', () => {
    const dir = copyKnowledge();
    const glossary = path.join(dir, 'locale/zh-TW.yaml');
    // 宽带 becomes 寬頻; declaring 寬頻 a mistranslation must flag every line that has 宽带.
    appendFileSync(glossary, '  - text: 寬頻\n    instead: 寬頻網路\n    why: test entry\n');
    const found = checkTaiwanRenderings(dir);
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    expect(first.severity).toBe('error');
    expect(first.message).toContain('"寬頻"');
    const zhCN = readFileSync(path.join(dir, first.file), 'utf8').split('\n');
    expect(zhCN[first.line! - 1]).toContain('宽带');
  });

  it('reports an invalid glossary', () => {
    const dir = copyKnowledge();
    const glossary = path.join(dir, 'locale/zh-TW.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace('terms:\n', 'terms:\n  - mainland: 套餐\n    taiwan: 套裝\n    why: twice\n'));
    const found = checkTaiwanRenderings(dir);
    expect(found.some((d) => d.file === 'locale/zh-TW.yaml' && /listed twice/.test(d.message))).toBe(true);
  });
});
