import type { Diagnostic } from './diagnostics.js';
import { readGitBaseline } from './git-baseline.js';
import type { SourceFile } from './load-files.js';
import { ScriptFile } from './schema.js';
import { readYaml } from './yaml-source.js';

// The approval record changes with a version; it is not content a reader sees.
const RECORD_FIELDS = new Set(['version', 'status', 'approvedBy', 'approvedByChat', 'approvedOn', 'reviewBy']);

/**
 * A shipped (approved) script whose say-lines differ from the committed version must carry a
 * higher `version`: an error. Other content changed without a new version is a warning; a
 * version that went down is an error. `committed` maps a file to its committed text; files
 * not in it are new and pass.
 */
export function checkVersionBumps(
  scripts: readonly SourceFile<ScriptFile>[],
  committed: ReadonlyMap<string, string>,
  baseLabel: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of scripts) {
    const text = committed.get(source.file);
    if (text === undefined) continue;
    const before = readYaml(source.file, text, ScriptFile).value;
    if (!before || before.status !== 'approved') continue;
    const now = source.value;
    const at = { file: source.file, line: source.lineOf(['version']) };
    if (now.version < before.version) {
      out.push({ severity: 'error', ...at, message: `version went down from ${before.version} (in ${baseLabel}) to ${now.version}; versions only go up` });
    } else if (now.version === before.version) {
      const raise = `raise version to ${now.version + 1}`;
      if (!sameJson(now.say, before.say)) {
        out.push({ severity: 'error', ...at, message: `say lines changed since ${baseLabel} but version is still ${now.version}; ${raise}` });
      } else if (!sameJson(content(now), content(before))) {
        out.push({ severity: 'warning', ...at, message: `content changed since ${baseLabel} but version is still ${now.version}; ${raise}` });
      }
    }
  }
  return out;
}

/** The check against git, or a one-line reason it was skipped (a tarball, no git, no commits). */
export async function checkVersionBumpsInGit(
  dir: string,
  scripts: readonly SourceFile<ScriptFile>[],
): Promise<{ diagnostics: Diagnostic[]; info: string }> {
  const baseline = await readGitBaseline(dir, scripts.map((s) => s.file));
  if (!baseline.ok) return { diagnostics: [], info: `version check skipped: ${baseline.reason}` };
  return {
    diagnostics: checkVersionBumps(scripts, baseline.texts, baseline.label),
    info: `version check: compared with ${baseline.label}`,
  };
}

function content(script: ScriptFile): Record<string, unknown> {
  return Object.fromEntries(Object.entries(script).filter(([key]) => !RECORD_FIELDS.has(key)));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
