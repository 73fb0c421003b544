import { z } from 'zod';
import { Platform } from '../core/platform.js';
import { AuthoredLocale, Locale } from '../i18n/locale.js';
import { tidyChinese } from './tidy-chinese.js';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens, e.g. parcel-delayed');
const line = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date('use a date written YYYY-MM-DD');

export const ScriptStatus = z.enum(['draft', 'approved', 'retired']);
export type ScriptStatus = z.infer<typeof ScriptStatus>;

export const ScriptKind = z.enum(['case', 'guide']);
export type ScriptKind = z.infer<typeof ScriptKind>;

const scriptFields = {
  id: kebabId,
  locale: AuthoredLocale,
  category: kebabId,
  title: line,
  aliases: z.array(line).min(1, 'list at least one alias').max(15),
  utterances: z.array(line).min(1, 'list at least one thing customers say').max(12),
  status: ScriptStatus,
  approvedBy: line.optional(),
  /**
   * Where the approver is reached in chat (written by the board's approve button), in their language,
   * with the approvedBy/approvedOn it was recorded for: review reminders go there while those still
   * match (see approval-chat.ts).
   */
  approvedByChat: z
    .strictObject({ platform: Platform, userId: line, locale: Locale.optional(), approvedBy: line.optional(), approvedOn: isoDate.optional() })
    .optional(),
  approvedOn: isoDate.optional(),
  reviewBy: isoDate,
  version: z.number().int().positive(),
  appliesWhen: line,
  goal: line,
  steps: z.array(line).min(3, 'give at least 3 steps').max(8, 'keep it to 8 steps or fewer'),
  neverSay: z.array(line).min(1, 'list at least one line never to say').max(6),
  legal: line.optional(),
};

const CaseScript = z.strictObject({
  ...scriptFields,
  kind: z.literal('case'),
  say: z.array(line).min(2, 'give 2 to 5 lines to say').max(5, 'give 2 to 5 lines to say'),
  escalate: line,
});

const GuideScript = z.strictObject({
  ...scriptFields,
  kind: z.literal('guide'),
  say: z.array(line).min(2, 'give 2 to 12 lines to say').max(12, 'give 2 to 12 lines to say'),
  escalate: line.optional(),
});

/** One file in `scripts/`: a case or guide in one hand-written locale. */
export const ScriptFile = z
  .discriminatedUnion('kind', [CaseScript, GuideScript], {
    error: (issue) =>
      issue.code === 'invalid_union' ? 'kind must be "case" or "guide"' : undefined,
  })
  .transform((script) => (script.locale === 'zh-CN' ? tidyChinese(script) : script))
  .superRefine((script, ctx) => {
    if (script.status !== 'approved') return;
    if (!script.approvedBy) {
      ctx.addIssue({ code: 'custom', path: ['approvedBy'], message: 'an approved script needs approvedBy' });
    }
    if (!script.approvedOn) {
      ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'an approved script needs approvedOn' });
    } else if (script.approvedOn > script.reviewBy) {
      ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'reviewBy must not be before approvedOn' });
    }
  });
export type ScriptFile = z.infer<typeof ScriptFile>;

export const CategoryFile = z
  .array(
    z.strictObject({
      id: kebabId,
      name: z.strictObject({ 'zh-CN': line, en: line }),
    }),
  )
  .min(1, 'list at least one category');
export type CategoryFile = z.infer<typeof CategoryFile>;

export const PhraseSeverity = z.enum(['banned', 'nonstandard']);
export type PhraseSeverity = z.infer<typeof PhraseSeverity>;

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

export const PhrasebookFile = z
  .strictObject({
  locale: AuthoredLocale,
  entries: z
    .array(
      z
        .strictObject({
          id: kebabId,
          severity: PhraseSeverity,
          match: z.array(line).default([]),
          regex: regexSource.optional(),
          why: line,
          rewrite: line,
        })
        .refine((entry) => entry.match.length > 0 || entry.regex, {
          message: 'give at least one phrase under match, or a regex',
        }),
    )
    .min(1),
  })
  .transform((book) => (book.locale === 'zh-CN' ? tidyChinese(book) : book));
export type PhrasebookFile = z.infer<typeof PhrasebookFile>;
