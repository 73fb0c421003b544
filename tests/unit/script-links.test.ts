import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadBase } from '../helpers/router.js';

const root = new URL('../../', import.meta.url).pathname;
/** Where the bot and its docs point people to a case by id: bot messages, /calm content, the README. */
const SOURCES = [
  ...readdirSync(`${root}src/i18n`).map((f) => `src/i18n/${f}`),
  ...readdirSync(`${root}knowledge/calm`).map((f) => `knowledge/calm/${f}`),
  ...readdirSync(`${root}commands`).filter((f) => f.endsWith('.ts')).map((f) => `commands/${f}`),
  'README.md',
];
const CASE_LINK = /\/script ([a-z0-9]+(?:-[a-z0-9]+)+)/g;

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadBase();
});

describe('/script <id> named in a message or the README', () => {
  it('opens a shipped case (a renamed case would leave an agent in a crisis with "no match")', () => {
    const links = SOURCES.flatMap((file) => [...readFileSync(`${root}${file}`, 'utf8').matchAll(CASE_LINK)].map((m) => ({ file, id: m[1]! })));
    expect(links.map((l) => l.id)).toEqual(expect.arrayContaining(['caller-threatens-self-harm', 'customer-threatens-staff']));
    for (const { file, id } of links) expect(kb.has(id), `${file}: /script ${id}`).toBe(true);
  });
});
