import { describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { pinyinLoaded } from '../../src/text/pinyin.js';

// Idle memory: pinyin-pro (about 10 MB resident) loads with the first /script search or /calm
// message, not while the bot starts with the shipped knowledge and /calm content.
describe('pinyin-pro on first use', () => {
  it('is not loaded by building the shipped scripts and /calm content, and is by the first search and crisis check', async () => {
    const knowledge = KnowledgeBase.build((await loadKnowledgeFiles('knowledge')).files);
    const calm = CalmLibrary.build((await loadCalmFiles('knowledge')).files, null);
    expect(pinyinLoaded()).toBe(false);

    // A homophone typo (宽代 for 宽带) is found by sound, so the sound field is indexed on demand.
    expect(knowledge.search('宽代移机')[0]?.id).toBe('broadband-relocation-no-capacity');
    expect(pinyinLoaded()).toBe(true);
    expect(calm.crisis.test('wo bu xiang huo le')).toBe(true);
    expect(calm.crisis.test('客户说他不想活了')).toBe(true);
  });
});
