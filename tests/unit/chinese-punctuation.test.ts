import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

/** An ASCII ; : , ! ? or a full stop between Chinese words (or after 》）): a typing slip a reader sees at once. */
const ASCII_IN_CHINESE = /[\p{Script=Han}》）][;:,!?.][ \t]*[\p{Script=Han}《（]/u;

function zhCNFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return zhCNFiles(full);
    return /zh-CN\.yaml$/.test(e.name) || e.name === 'categories.yaml' ? [full] : [];
  });
}

describe('shipped Chinese text uses Chinese punctuation', () => {
  it('has no ASCII ; : , ! ? . between Chinese words in any zh-CN knowledge file', () => {
    const slips = zhCNFiles(SHIPPED_KNOWLEDGE).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(SHIPPED_KNOWLEDGE, file)}:${i + 1}`, line }))
        .filter(({ line }) => !/^\s*(match|aliases):/.test(line) && ASCII_IN_CHINESE.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(slips).toEqual([]);
  });
});
