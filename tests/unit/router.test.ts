import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import { privateReply } from '../../src/core/reply.js';
import { createRouter, parseSlashLine } from '../../src/core/router.js';
import { renderText } from '../../src/adapters/console/render-text.js';
import { degradeFor } from '../../src/core/degrade.js';
import { TEXT_ONLY } from '../../src/core/platform.js';
import { messagesFor } from '../../src/i18n/index.js';

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { log: pino({ level: 'info' }, stream), lines };
}

const exploding = defineCommand({
  name: 'explode',
  summary: () => 'always fails',
  help: () => 'do not use',
  argument: () => 'anything',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, []),
  run: () => {
    throw new Error('database on fire');
  },
});

const user = { id: 'U1', locale: 'en' as const, isLead: false };

describe('router', () => {
  it('turns a failing command into a short localised reply and logs the error without the typed text', async () => {
    const { log, lines } = capturedLog();
    const router = createRouter([exploding], { log });
    const reply = await router.handle({ kind: 'command', platform: 'console', user, command: 'explode', text: 'customer 13812345678 said', localeExplicit: false });
    expect(renderText(reply)).toContain('Something went wrong on our side');
    const logged = lines.join('');
    expect(logged).toContain('database on fire');
    expect(logged).toContain('"command":"explode"');
    expect(logged).not.toContain('13812345678');
  });

  it('answers an unknown command with the known ones', async () => {
    const { log } = capturedLog();
    const router = createRouter([exploding], { log });
    const reply = await router.handle({ kind: 'command', platform: 'console', user: { ...user, locale: 'zh-CN' }, command: 'scirpt', text: '', localeExplicit: false });
    expect(renderText(reply)).toBe('没有 /scirpt 这个命令。可以试试\uff1a/explode。');
  });

  it('puts the start-page sections registered at wiring under the intro, in order, and leaves out one that fails', async () => {
    const { log, lines } = capturedLog();
    const router = createRouter([exploding], {
      log,
      homeSections: [
        (who, platform) => [{ type: 'text', text: `first for ${who.id} on ${platform}` }],
        () => {
          throw new Error('section on fire');
        },
        async () => [{ type: 'text', text: 'second' }],
      ],
    });
    const page = await router.home(user, 'feishu');
    const texts = page.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []));
    expect(texts.slice(0, 3)).toEqual([messagesFor('en').home.intro, 'first for U1 on feishu', 'second']);
    expect(texts.at(-1)).toBe('do not use');
    expect(lines.join('')).toContain('section on fire');
  });

  it.each([
    ['/script 限速', { command: 'script', text: '限速' }],
    ['  /Script   unlimited throttled ', { command: 'script', text: 'unlimited throttled' }],
    ['/script', { command: 'script', text: '' }],
    ['script 限速', undefined],
    ['/ script', undefined],
  ])('parses %j', (line, expected) => expect(parseSlashLine(line)).toEqual(expected));
});

describe('plain-text rendering', () => {
  it('renders every block kind, with actions as what to type once degraded for a terminal', () => {
    const text = renderText(degradeFor(TEXT_ONLY, {
      title: 'Parcel late',
      private: true,
      blocks: [
        { type: 'text', label: 'Goal', text: 'Reassure' },
        { type: 'list', label: 'Steps', items: ['Listen', 'Check'], ordered: true },
        { type: 'quote', label: 'Say', lines: ['Thank you for waiting.'] },
        { type: 'list', label: 'Never say', items: ['Not my job.'], marker: 'cross' },
        { type: 'context', text: 'Approved' },
        { type: 'actions', actions: [{ command: 'script', id: 'open', value: 'en:x', label: 'Other case', typed: '/script x' }] },
      ],
    }));
    expect(text).toBe(
      ['== Parcel late ==', 'Goal:', '  Reassure', 'Steps:', '  1. Listen', '  2. Check', 'Say:', '  > Thank you for waiting.', 'Never say:', '  ✗ Not my job.', '(Approved)', '[1] Other case  →  /script x'].join('\n'),
    );
  });
});
