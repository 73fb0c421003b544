import type { Recipient } from '../core/outbox.js';
import type { Locale } from '../i18n/locale.js';
import type { Diagnostic } from './diagnostics.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { SourceFile } from './load-files.js';
import type { ScriptFile } from './schema.js';

type Approval = Pick<ScriptFile, 'approvedBy' | 'approvedOn' | 'approvedByChat'>;

/** The approver's chat address and language, as the board recorded them with an approval. */
export interface ChatApprover extends Recipient {
  locale?: Locale;
}

/**
 * The chat address recorded for this script's approval, when it still belongs to it: the board
 * writes the approvedBy and approvedOn it approved with next to the address, so an approval
 * edited by hand afterwards (another name or day) leaves a stale address, which is not used.
 */
export function chatApprover(script: Approval): ChatApprover | undefined {
  const chat = script.approvedByChat;
  if (!chat || staleness(script)) return undefined;
  return { platform: chat.platform, userId: chat.userId, ...(chat.locale ? { locale: chat.locale } : {}) };
}

/** Why a script's approvedByChat no longer matches its approval, and where; undefined when it does (or there is none). */
function staleness({ approvedByChat: chat, approvedBy, approvedOn }: Approval): { why: string; field: string } | undefined {
  if (!chat) return undefined;
  if (!chat.approvedOn || !chat.approvedBy) return { why: 'does not say which approval it was recorded for', field: 'userId' };
  if (chat.approvedOn !== approvedOn) return { why: `was recorded for the approval on ${chat.approvedOn}, not ${approvedOn ?? 'none'}`, field: 'approvedOn' };
  if (chat.approvedBy !== approvedBy) return { why: `was recorded for ${chat.approvedBy}, not ${approvedBy ?? 'nobody'}`, field: 'approvedBy' };
  return undefined;
}

/** `knowledge check`: a warning for each script whose approvedByChat is stale (its review reminder goes to every approver). */
export function checkApprovalChat(scripts: readonly SourceFile<ScriptFile>[]): Diagnostic[] {
  return scripts.flatMap((s) => {
    const stale = staleness(s.value);
    if (!stale) return [];
    return [{
      severity: 'warning' as const,
      file: s.file,
      line: s.lineOf(['approvedByChat', stale.field]),
      message: `approvedByChat ${stale.why}; its review reminder goes to every approver. Re-approve on the board, or remove approvedByChat`,
    }];
  });
}

/**
 * The language of a review notice about this script version being retried from the outbox (which
 * keeps only the script): its approver's, while the board's record of them still holds.
 */
export function approverLocaleFor(knowledge: KnowledgeBase, script: { id: string; version: number }): Locale | undefined {
  const current = knowledge.get(script.id, 'zh-CN') ?? knowledge.get(script.id, 'en');
  return current?.version === script.version ? chatApprover(current)?.locale : undefined;
}
