import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { CalmDesk } from '../../src/calm/desk.js';
import { checkCalm, loadCalmFiles } from '../../src/calm/load-calm.js';
import { ManualClock } from '../../src/core/clock.js';
import { formatDiagnostic } from '../../src/knowledge/diagnostics.js';
import { looksTraditional } from '../../src/text/chinese-script.js';
import { copyKnowledge, FEELING_IDS } from '../helpers/calm-bot.js';
import { writeKnowledge } from '../helpers/knowledge-fixture.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

const temp: string[] = [];
afterEach(() => temp.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { log: pino({ level: 'trace' }, stream), lines };
}

describe('shipped calm content (knowledge/calm/)', () => {
  it('loads and validates without errors or warnings', async () => {
    const { files, diagnostics } = await loadCalmFiles(SHIPPED_KNOWLEDGE);
    const all = [...diagnostics, ...checkCalm(files, '2026-12-01')];
    expect(all.map(formatDiagnostic)).toEqual([]);
    expect(files.broken).toEqual([]);
  });

  it('has every feeling of the menu in zh-CN and en, each with at least 3 prompts and resolvable practices', async () => {
    const { files } = await loadCalmFiles(SHIPPED_KNOWLEDGE);
    const library = CalmLibrary.build(files);
    expect(library.feelings('en').map((f) => f.id)).toEqual([...FEELING_IDS]);
    for (const locale of ['zh-CN', 'en'] as const) {
      const authored = files.feelings.filter((f) => f.value.locale === locale).map((f) => f.value.id).sort();
      expect(authored).toEqual([...FEELING_IDS].sort());
      for (const id of FEELING_IDS) {
        const feeling = library.feeling(id, locale)!;
        expect(feeling.prompts.length, `${id}.${locale}`).toBeGreaterThanOrEqual(3);
        const named = files.feelings.find((f) => f.value.id === id && f.value.locale === locale)!.value.practices;
        expect(feeling.practices.map((p) => p.id), `${id}.${locale} practices`).toEqual(named);
      }
    }
  });

  it('has a breathing practice for the guided minute and crisis text in both locales', async () => {
    const library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      expect(library.breathing(locale)?.breath).toBeDefined();
      expect(library.crisisMessage(locale)?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('derives zh-TW from zh-CN (Traditional script, same ids and prompt counts)', async () => {
    const library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
    const tw = library.feeling('insulted-or-blamed', 'zh-TW')!;
    const cn = library.feeling('insulted-or-blamed', 'zh-CN')!;
    expect(tw.label).not.toBe(cn.label);
    expect(looksTraditional(tw.label + tw.prompts.map((p) => p.reframe).join(''))).toBe(true);
    expect(tw.prompts).toHaveLength(cn.prompts.length);
    expect(library.feelings('zh-TW').map((f) => f.id)).toEqual(library.feelings('zh-CN').map((f) => f.id));
  });
});

describe('checking calm files', () => {
  it('names file and line for a schema error and a missing twin', async () => {
    const dir = copyKnowledge();
    temp.push(dir);
    const file = path.join(dir, 'calm', 'hurt.en.yaml');
    const text = readFileSync(file, 'utf8');
    // Only two prompts left: below the minimum of three.
    const lines = text.split('\n');
    const promptsAt = lines.findIndex((l) => l.startsWith('prompts:'));
    const kept = [...lines.slice(0, promptsAt + 1), ...lines.slice(promptsAt + 1).filter((l) => l.startsWith('  ') || l === '').slice(0, 4)];
    writeFileSync(file, `${kept.join('\n')}\n`);
    rmSync(path.join(dir, 'calm', 'drained.zh-CN.yaml'));

    const { files, diagnostics } = await loadCalmFiles(dir);
    const all = [...diagnostics, ...checkCalm(files, '2026-12-01')].map(formatDiagnostic);
    expect(all).toContainEqual(expect.stringMatching(/^calm\/hurt\.en\.yaml:\d+: error: prompts: .*at least 3 prompts/));
    expect(all).toContainEqual(expect.stringMatching(/^calm\/drained\.en\.yaml:1: error: "drained" has no zh-CN twin/));
  });

  it('reports an unknown practice, a wrong id and a bad file name', async () => {
    const dir = copyKnowledge();
    temp.push(dir);
    const calm = path.join(dir, 'calm');
    writeFileSync(path.join(calm, 'overwhelmed.en.yaml'), readFileSync(path.join(calm, 'overwhelmed.en.yaml'), 'utf8').replace('  - five-senses', '  - five-sense'));
    writeFileSync(path.join(calm, 'hurt.zh-CN.yaml'), readFileSync(path.join(calm, 'hurt.zh-CN.yaml'), 'utf8').replace('id: hurt', 'id: hurted'));
    writeFileSync(path.join(calm, 'notes.yaml'), 'x: 1\n');
    const { files, diagnostics } = await loadCalmFiles(dir);
    const all = [...diagnostics, ...checkCalm(files, '2026-12-01')].map(formatDiagnostic);
    expect(all).toContainEqual(expect.stringMatching(/^calm\/overwhelmed\.en\.yaml:\d+: error: unknown practice "five-sense"/));
    expect(all).toContainEqual(expect.stringMatching(/^calm\/hurt\.zh-CN\.yaml:1: error: id "hurted" must match the file name/));
    expect(all).toContainEqual(expect.stringMatching(/^calm\/notes\.yaml: error: file name must be/));
  });

  it('skips a knowledge folder without calm/ (the script fixtures) and warns on overdue reviews', async () => {
    const bare = writeKnowledge();
    temp.push(bare);
    const loaded = await loadCalmFiles(bare);
    expect(loaded.files.present).toBe(false);
    expect([...loaded.diagnostics, ...checkCalm(loaded.files, '2026-12-01')]).toEqual([]);

    const { files } = await loadCalmFiles(SHIPPED_KNOWLEDGE);
    const late = checkCalm(files, '2030-01-01');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((d) => d.severity === 'warning' && /review was due/.test(d.message))).toBe(true);
  });
});

describe('CalmDesk with broken content', () => {
  const open = (knowledgeDir: string, log = pino({ level: 'silent' })) =>
    CalmDesk.open({ knowledgeDir, clock: new ManualClock('2026-12-01T02:00:00Z'), timeZone: 'Asia/Shanghai', statsEnabled: false, log });

  it('opens without a calm folder, logs why, and serves no content instead of crashing', async () => {
    const bare = writeKnowledge();
    temp.push(bare);
    const { log, lines } = capturedLog();
    const desk = await open(bare, log);
    expect(desk.library).toBeUndefined();
    expect(desk.isCrisis('I want to kill myself')).toBe(true);
    expect(lines.join('')).toContain('no calm folder');
    await desk.close();
  });

  it('keeps serving the last good version of a file that breaks, and logs file and line', async () => {
    const dir = copyKnowledge();
    temp.push(dir);
    const { log, lines } = capturedLog();
    const desk = await open(dir, log);
    const before = desk.library!.feeling('hurt', 'en')!.label;
    writeFileSync(path.join(dir, 'calm', 'hurt.en.yaml'), 'id: hurt\nlocale: en\nlabel: [unclosed\n');
    const report = await desk.reload();
    expect(report.feelings).toBe(9);
    expect(desk.library!.feeling('hurt', 'en')!.label).toBe(before);
    const logged = lines.join('');
    expect(logged).toMatch(/calm content: calm\/hurt\.en\.yaml:\d+: error: YAML syntax/);
    expect(logged).toContain('still serving the last good version');
    await desk.close();
  });

  it('picks up an edited calm file when watching', async () => {
    const dir = copyKnowledge();
    temp.push(dir);
    const desk = await open(dir);
    desk.watch(20);
    const file = path.join(dir, 'calm', 'drained.en.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^label: .*$/m, 'label: Running on empty'));
    const deadline = Date.now() + 5000;
    while (desk.library!.feeling('drained', 'en')!.label !== 'Running on empty') {
      if (Date.now() > deadline) throw new Error('the edit was not picked up');
      await new Promise((r) => setTimeout(r, 20));
    }
    await desk.close();
  });
});
