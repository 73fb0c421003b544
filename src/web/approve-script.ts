import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { AuthoredLocale, type Locale } from '../i18n/locale.js';
import { checkKnowledge } from '../knowledge/check.js';
import { formatDiagnostic } from '../knowledge/diagnostics.js';
import { loadKnowledgeFiles, type SourceFile } from '../knowledge/load-files.js';
import { ScriptFile } from '../knowledge/schema.js';
import { readYaml } from '../knowledge/yaml-source.js';

export type Approval = { ok: true; version: number; reviewBy: string; files: string[] } | { ok: false; problems: string[] };

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Approves a draft, or re-approves a script, in both hand-written files (zh-CN and en): status
 * approved, approvedBy (and approvedByChat, where the approver is reached), approvedOn today, reviewBy today + the review interval, version + 1.
 * The edited files must pass the same checks as `knowledge check` (each file's schema, then the
 * rules across files) before anything is written; then both are replaced atomically, comments
 * and layout kept, and `reload` makes the running bot serve them.
 */
export async function approveScript(options: {
  dir: string;
  id: string;
  approver: string;
  /** The approving lead's chat address and language; their review reminder goes there. */
  approverChat: { platform: string; userId: string; locale: Locale };
  today: string;
  reviewDays: number;
  reload: () => Promise<unknown>;
}): Promise<Approval> {
  const { dir, id, today } = options;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return { ok: false, problems: [`"${id}" is not a script id`] };
  const loaded = await loadKnowledgeFiles(dir);
  const twins = loaded.files.scripts.filter((s) => s.value.id === id);
  if (!twins.length) return { ok: false, problems: [`no script "${id}"`] };
  const version = Math.max(...twins.map((t) => t.value.version)) + 1;
  const reviewBy = addDays(today, options.reviewDays);
  const edited = new Map<string, { text: string; source: SourceFile<ScriptFile> }>();
  const problems: string[] = [];
  for (const locale of AuthoredLocale.options) {
    const file = `scripts/${id}.${locale}.yaml`;
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch {
      problems.push(`${file} is missing`);
      continue;
    }
    const doc = parseDocument(text);
    doc.set('status', 'approved');
    doc.set('approvedBy', options.approver);
    // With the approval it belongs to, so a later hand edit of approvedBy/approvedOn shows it stale.
    const { platform, userId, locale: chatLocale } = options.approverChat;
    doc.set('approvedByChat', doc.createNode({ platform, userId, locale: chatLocale, approvedBy: options.approver, approvedOn: today }));
    doc.set('approvedOn', today);
    doc.set('reviewBy', reviewBy);
    doc.set('version', version);
    const next = doc.toString({ lineWidth: 0 });
    const parsed = readYaml(file, next, ScriptFile);
    problems.push(...parsed.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    if (parsed.value) edited.set(file, { text: next, source: { file, value: parsed.value, lineOf: parsed.lineOf } });
  }
  if (problems.length) return { ok: false, problems };
  const scripts = loaded.files.scripts.map((s) => edited.get(s.file)?.source ?? s);
  const across = checkKnowledge({ ...loaded.files, scripts }, today).filter((d) => d.severity === 'error' && edited.has(d.file));
  if (across.length) return { ok: false, problems: across.map(formatDiagnostic) };
  for (const [file, { text }] of edited) {
    const target = path.join(dir, file);
    const temp = `${target}.approving-${process.pid}`;
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  }
  await options.reload();
  return { ok: true, version, reviewBy, files: [...edited.keys()] };
}
