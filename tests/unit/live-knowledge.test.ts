import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LiveKnowledge } from '../../src/knowledge/live-knowledge.js';
import { caseScript, removeKnowledge, updateKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function live(dir: string): LiveKnowledge {
  const knowledge = new LiveKnowledge({ dir, clock: new ManualClock('2026-11-22T00:00:00Z'), timeZone: 'UTC', log: pino({ level: 'silent' }) });
  cleanups.push(() => knowledge.close(), () => removeKnowledge(dir));
  return knowledge;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live knowledge reload', () => {
  it('serves an edit after reload', async () => {
    const dir = writeKnowledge();
    const knowledge = live(dir);
    await knowledge.reload();
    updateKnowledge(dir, { scripts: [caseScript('parcel-late', 'en', { title: 'Parcel is late (v2)', version: 2 })] });
    await knowledge.reload();
    expect(knowledge.current.get('parcel-late', 'en')?.title).toBe('Parcel is late (v2)');
  });

  it('reports a broken edit and keeps serving the last good version of that file', async () => {
    const dir = writeKnowledge();
    const knowledge = live(dir);
    await knowledge.reload();
    writeFileSync(path.join(dir, 'scripts', 'parcel-late.en.yaml'), 'id: parcel-late\nlocale: en\ntitle: [broken\n');
    const report = await knowledge.reload();
    expect(report.diagnostics.some((d) => d.severity === 'error' && d.file === 'scripts/parcel-late.en.yaml')).toBe(true);
    expect(report.diagnostics.some((d) => d.message.startsWith('still serving the last good version'))).toBe(true);
    expect(knowledge.current.get('parcel-late', 'en')?.title).toBe('Test case parcel-late');
  });

  it('does not serve a file that was broken from the start', async () => {
    const dir = writeKnowledge({ raw: { 'scripts/new-case.en.yaml': 'id: new-case\n' } });
    const knowledge = live(dir);
    const report = await knowledge.reload();
    expect(report.scripts).toBe(1);
    expect(knowledge.current.has('new-case')).toBe(false);
  });

  it('reloads by itself when a file changes on disk', async () => {
    const dir = writeKnowledge();
    const knowledge = live(dir);
    await knowledge.reload();
    knowledge.watch(20);
    updateKnowledge(dir, { scripts: [caseScript('parcel-late', 'en', { title: 'Edited while running' })] });
    await until(() => knowledge.current.get('parcel-late', 'en')?.title === 'Edited while running');
  });
});
