import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/knowledge/check.js';
import { formatDiagnostic, type Diagnostic } from '../../src/knowledge/diagnostics.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { caseScript, lineIn, removeKnowledge, writeKnowledge, type FixtureFiles } from '../helpers/knowledge-fixture.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeKnowledge));
let lastDir = '';

async function diagnosticsFor(files: FixtureFiles, today = '2026-11-22'): Promise<string[]> {
  const dir = writeKnowledge(files);
  dirs.push(dir);
  lastDir = dir;
  const loaded = await loadKnowledgeFiles(dir);
  const all: Diagnostic[] = [...loaded.diagnostics, ...checkKnowledge(loaded.files, today)];
  return all.map(formatDiagnostic);
}

/** Line of `needle` in a file of the folder last written. */
const at = (file: string, needle: string) => `${file}:${lineIn(lastDir, file, needle)}`;

describe('knowledge schema: bad files get a clear message with file and line', () => {
  it('accepts a valid pair with no findings', async () => {
    expect(await diagnosticsFor({})).toEqual([]);
  });

  it('names a missing required field and points at its line', async () => {
    const broken = caseScript('parcel-late', 'en');
    delete broken.goal;
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN'), broken] });
    expect(out).toContain('scripts/parcel-late.en.yaml:1: error: goal: missing; this field is required');
    expect(out).toHaveLength(1);
  });

  it('rejects an unknown status with the allowed values, on the status line', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en', { status: 'published' })] });
    const line = out.find((l) => l.includes('status'));
    expect(line?.startsWith(`${at('scripts/parcel-late.en.yaml', 'status:')}: error: status: `)).toBe(true);
    expect(line).toMatch(/"draft"\|"approved"\|"retired"/);
  });

  it('flags a misspelt field as unknown', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en', { escalation: 'x' })] });
    expect(out.some((l) => l.includes('unknown field "escalation"'))).toBe(true);
  });

  it('explains the YAML colon trap instead of "expected string, received object"', async () => {
    const text = [
      'id: parcel-late', 'locale: en', 'kind: case', 'category: general-service', 'title: Late', 'aliases: [late]',
      'utterances: [where is it]', 'status: approved', 'approvedBy: Lead', 'approvedOn: 2026-01-10', 'reviewBy: 2027-01-10',
      'version: 1', 'appliesWhen: Late parcel.', 'goal: Reassure.', 'steps:', '  - Listen', '  - Options: a pack or a plan', '  - Follow up',
      'say: [Thank you for waiting., I will call back by 3 pm.]', 'neverSay: [Not my problem.]', 'escalate: After two days.',
    ].join('\n');
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN')], raw: { 'scripts/parcel-late.en.yaml': text } });
    expect(out).toContain(
      'scripts/parcel-late.en.yaml:17: error: steps.1: expected text but YAML read a "key: value" pair; put the line in quotes (a colon followed by a space starts a key in YAML)',
    );
  });

  it('reports a YAML syntax error with its line', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN')], raw: { 'scripts/parcel-late.en.yaml': 'id: parcel-late\ntitle: [unclosed\nlocale: en\n' } });
    expect(out.some((l) => /^scripts\/parcel-late\.en\.yaml:\d+: error: YAML syntax/.test(l))).toBe(true);
  });

  it('requires an approval record on approved scripts and a valid date', async () => {
    const out = await diagnosticsFor({
      scripts: [caseScript('parcel-late', 'zh-CN', { approvedBy: undefined }), caseScript('parcel-late', 'en', { reviewBy: '22/11/2027' })],
    });
    expect(out).toContain('scripts/parcel-late.zh-CN.yaml:1: error: approvedBy: an approved script needs approvedBy');
    expect(out).toContain(`${at('scripts/parcel-late.en.yaml', 'reviewBy:')}: error: reviewBy: use a date written YYYY-MM-DD`);
  });

  it('enforces 2 to 5 lines to say for a case', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN', { say: ['只有一句。'] }), caseScript('parcel-late', 'en')] });
    expect(out.some((l) => l.includes('zh-CN.yaml') && l.includes('say: give 2 to 5 lines to say'))).toBe(true);
  });

  it('requires the file name to match id and locale', async () => {
    const out = await diagnosticsFor({
      scripts: [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en')],
      raw: { 'scripts/other-name.en.yaml': JSON.stringify(caseScript('parcel-late', 'en')), 'scripts/notes.yaml': 'x: 1' },
    });
    expect(out.some((l) => l.startsWith('scripts/other-name.en.yaml:1: error: id and locale inside'))).toBe(true);
    expect(out.some((l) => l.startsWith('scripts/notes.yaml: error: file name must be <id>.<locale>.yaml'))).toBe(true);
  });
});

describe('knowledge check: rules across files', () => {
  it('reports a missing locale twin', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN')] });
    expect(out).toContain('scripts/parcel-late.zh-CN.yaml:1: error: "parcel-late" has no en twin; add scripts/parcel-late.en.yaml');
  });

  it('reports twins that disagree on kind or category', async () => {
    const out = await diagnosticsFor({ scripts: [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en', { category: 'parcel-delivery' })] });
    expect(out).toContain(
      `${at('scripts/parcel-late.zh-CN.yaml', 'category:')}: error: category "general-service" differs from its twin scripts/parcel-late.en.yaml ("parcel-delivery")`,
    );
  });

  it('reports an alias that points at two cases, with both places', async () => {
    const out = await diagnosticsFor({
      scripts: [
        caseScript('parcel-late', 'zh-CN', { aliases: ['催件'] }),
        caseScript('parcel-late', 'en'),
        caseScript('parcel-lost', 'zh-CN', { aliases: ['丢件', '催件'] }),
        caseScript('parcel-lost', 'en', { aliases: ['lost parcel'] }),
      ],
    });
    expect(out).toContain(
      `${at('scripts/parcel-lost.zh-CN.yaml', '- 催件')}: error: alias "催件" is also an alias of "parcel-late" (${at('scripts/parcel-late.zh-CN.yaml', '- 催件')}); an alias must point at one case`,
    );
  });

  it('treats aliases that differ only in letter case or spacing as duplicates', async () => {
    const out = await diagnosticsFor({
      scripts: [
        caseScript('parcel-late', 'zh-CN', { aliases: ['催件'] }),
        caseScript('parcel-late', 'en', { aliases: ['Late Parcel'] }),
        caseScript('parcel-lost', 'zh-CN', { aliases: ['丢件'] }),
        caseScript('parcel-lost', 'en', { aliases: ['late parcel'] }),
      ],
    });
    expect(out.filter((l) => l.includes('is also an alias of'))).toHaveLength(1);
  });

  it('flags a banned phrase inside a say line, on that line, with the rewrite', async () => {
    const out = await diagnosticsFor({
      scripts: [
        caseScript('parcel-late', 'zh-CN', { say: ['感谢您的耐心等待。', '你必须先去网点签字。'] }),
        caseScript('parcel-late', 'en', { say: ['Sorry for the wait, I have it here.', 'I will call you by 3 pm.'] }),
      ],
    });
    expect(out).toContain(
      `${at('scripts/parcel-late.zh-CN.yaml', '你必须先去网点')}: error: say line uses banned phrase "你必须" (you-must); try: 如果您方便的话\uff0c请先重启一下设备。`,
    );
    expect(out).toContain(
      `${at('scripts/parcel-late.en.yaml', 'Sorry for the wait')}: warning: say line uses nonstandard phrase "Sorry for the wait" (sorry-for-the-wait); try: Thank you for waiting.`,
    );
  });

  it('does not check neverSay lines against the phrasebook', async () => {
    const out = await diagnosticsFor({
      scripts: [caseScript('parcel-late', 'zh-CN', { neverSay: ['你必须自己去取。'] }), caseScript('parcel-late', 'en')],
    });
    expect(out).toEqual([]);
  });

  it('warns about overdue reviews without making them errors', async () => {
    const out = await diagnosticsFor({}, '2027-02-01');
    expect(out).toEqual([
      `${at('scripts/parcel-late.en.yaml', 'reviewBy:')}: warning: review was due on 2027-01-10; it is still served, marked as due for review`,
      `${at('scripts/parcel-late.zh-CN.yaml', 'reviewBy:')}: warning: review was due on 2027-01-10; it is still served, marked as due for review`,
    ]);
  });

  it('reports an unknown category and a missing phrasebook', async () => {
    const out = await diagnosticsFor({
      scripts: [caseScript('parcel-late', 'zh-CN', { category: 'billing' }), caseScript('parcel-late', 'en', { category: 'billing' })],
      phrasebooks: [],
    });
    expect(out.filter((l) => l.includes('unknown category "billing"'))).toHaveLength(2);
    expect(out).toContain('phrasebook/en.yaml: error: the en phrasebook is missing');
  });
});

describe('knowledge check: a chat address left over from an approval edited by hand', () => {
  const chat = { platform: 'slack', userId: 'ULEAD', locale: 'zh-TW', approvedBy: 'Team lead', approvedOn: '2026-01-10' };
  const pair = (en: Record<string, unknown>, zh: Record<string, unknown> = { approvedByChat: chat }) => ({
    scripts: [caseScript('parcel-late', 'zh-CN', zh), caseScript('parcel-late', 'en', en)],
  });

  it('accepts the address, language and approval the board records, with no findings', async () => {
    expect(await diagnosticsFor(pair({ approvedByChat: chat }))).toEqual([]);
  });

  it('warns when approvedOn or approvedBy changed without it, and when it does not say which approval it is for', async () => {
    const redated = await diagnosticsFor(pair({ approvedByChat: chat, approvedBy: 'Team lead', approvedOn: '2026-03-02' }));
    expect(redated).toEqual([
      `${at('scripts/parcel-late.en.yaml', '  approvedOn:')}: warning: approvedByChat was recorded for the approval on 2026-01-10, not 2026-03-02; its review reminder goes to every approver. Re-approve on the board, or remove approvedByChat`,
    ]);
    const renamed = await diagnosticsFor(pair({ approvedByChat: chat, approvedBy: 'Quality lead' }));
    expect(renamed).toEqual([
      `${at('scripts/parcel-late.en.yaml', '  approvedBy:')}: warning: approvedByChat was recorded for Team lead, not Quality lead; its review reminder goes to every approver. Re-approve on the board, or remove approvedByChat`,
    ]);
    const unsaid = await diagnosticsFor(pair({ approvedByChat: { platform: 'slack', userId: 'ULEAD' } }));
    expect(unsaid).toEqual([
      `${at('scripts/parcel-late.en.yaml', '  userId:')}: warning: approvedByChat does not say which approval it was recorded for; its review reminder goes to every approver. Re-approve on the board, or remove approvedByChat`,
    ]);
  });

  it('rejects a language the bot does not speak', async () => {
    const out = await diagnosticsFor(pair({ approvedByChat: { ...chat, locale: 'fr' } }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/scripts\/parcel-late\.en\.yaml:\d+: error: approvedByChat\.locale/);
  });
});
