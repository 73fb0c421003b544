import type { Reply } from '../core/reply.js';
import type { Locale } from '../i18n/locale.js';
import { webStrings } from './web-strings.js';

/** The DM an approver gets 14 days before a script's review date, with the way to its page on the board. */
export function reviewNotice(locale: Locale, publicUrl: string, script: { id: string; title: string; version: number; reviewBy: string }): Reply {
  const s = webStrings(locale).chat;
  return {
    title: s.reviewTitle,
    blocks: [
      { type: 'text', text: s.reviewDue(script.title, script.version, script.reviewBy) },
      { type: 'context', text: `${publicUrl.replace(/\/+$/, '')}/board/knowledge/script?id=${encodeURIComponent(script.id)}` },
    ],
    private: true,
    tone: 'info',
  };
}
