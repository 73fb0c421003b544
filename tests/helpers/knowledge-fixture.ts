import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from './temp-dir.js';

type Fields = Record<string, unknown>;

/** A valid case script in the given locale; override any field to make it invalid. */
export function caseScript(id: string, locale: 'zh-CN' | 'en', overrides: Fields = {}): Fields {
  const zh = locale === 'zh-CN';
  return {
    id,
    locale,
    kind: 'case',
    category: 'general-service',
    title: zh ? `测试场景 ${id}` : `Test case ${id}`,
    aliases: [zh ? `别名${id}` : `alias ${id}`],
    utterances: [zh ? '我的快递怎么还没到' : 'where is my parcel'],
    status: 'approved',
    approvedBy: 'Team lead',
    approvedOn: '2026-01-10',
    reviewBy: '2027-01-10',
    version: 1,
    appliesWhen: zh ? '客户催件。' : 'The customer chases a parcel.',
    goal: zh ? '客户知道下一步。' : 'The customer knows what happens next.',
    steps: zh ? ['倾听并记录', '确认情况', '约定时间回复'] : ['Listen and note', 'Confirm', 'Agree a reply time'],
    say: zh ? ['感谢您的耐心等待,我马上帮您查。', '我会在[答复时间]前给您回电。'] : ['Thank you for waiting, let me check now.', 'I will call you back by [reply time].'],
    neverSay: zh ? ['这不归我们管。'] : ['Not my department.'],
    escalate: zh ? '超过两天没有进展时转组长。' : 'Hand to the team lead after two days without progress.',
    ...overrides,
  };
}

export const PHRASEBOOKS = {
  'zh-CN': {
    locale: 'zh-CN',
    entries: [
      { id: 'sorry-for-the-wait', severity: 'nonstandard', match: ['让您久等了'], why: '强化了等待的感觉。', rewrite: '感谢您的耐心等待。' },
      { id: 'you-must', severity: 'banned', match: ['你必须', '您必须'], why: '像在命令客户。', rewrite: '如果您方便的话,请先重启一下设备。' },
      { id: 'starts-with-no', severity: 'banned', regex: '(?<=^|[。!?]\\s*)不(行|可以)', why: '以"不"开头会让客户觉得被拒绝。', rewrite: '我先看看有哪些办法可以帮到您。' },
    ],
  },
  en: {
    locale: 'en',
    entries: [
      { id: 'sorry-for-the-wait', severity: 'nonstandard', match: ['sorry for the wait'], why: 'It dwells on the wait.', rewrite: 'Thank you for waiting.' },
      { id: 'you-must', severity: 'banned', match: ['you must'], why: 'It sounds like an order.', rewrite: 'If you could restart the router, that would help.' },
      { id: 'starts-with-no', severity: 'banned', regex: '(?<=^|[.!?]\\s*)no\\b', why: 'Opening with no shuts the door.', rewrite: 'Here is what I can do.' },
    ],
  },
};

export const CATEGORIES = [
  { id: 'general-service', name: { 'zh-CN': '通用服务场景', en: 'Service situations' } },
  { id: 'parcel-delivery', name: { 'zh-CN': '快递', en: 'Parcel delivery' } },
];

export interface FixtureFiles {
  categories?: unknown;
  scripts?: Fields[];
  phrasebooks?: unknown[];
  /** Raw file contents by relative path, written last (for syntax errors and odd names). */
  raw?: Record<string, string>;
}

/** Writes a knowledge folder in a fresh temp dir and returns its path. */
export function writeKnowledge(files: FixtureFiles = {}): string {
  const dir = tempDir('frontline-kb-');
  updateKnowledge(dir, {
    categories: files.categories ?? CATEGORIES,
    scripts: files.scripts ?? [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en')],
    phrasebooks: files.phrasebooks ?? Object.values(PHRASEBOOKS),
    raw: files.raw,
  });
  return dir;
}

export function updateKnowledge(dir: string, files: FixtureFiles): void {
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  mkdirSync(path.join(dir, 'phrasebook'), { recursive: true });
  if (files.categories) writeFileSync(path.join(dir, 'categories.yaml'), stringify(files.categories));
  for (const s of files.scripts ?? []) writeFileSync(path.join(dir, 'scripts', `${s.id}.${s.locale}.yaml`), stringify(s));
  for (const p of (files.phrasebooks ?? []) as { locale: string }[]) writeFileSync(path.join(dir, 'phrasebook', `${p.locale}.yaml`), stringify(p));
  for (const [file, text] of Object.entries(files.raw ?? {})) writeFileSync(path.join(dir, file), text);
}

export function removeKnowledge(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** 1-based line of the first line in a written file that contains `needle`. */
export function lineIn(dir: string, file: string, needle: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}
