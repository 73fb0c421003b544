import { z } from 'zod';
import { AuthoredLocale } from '../i18n/locale.js';
import { tidyChinese } from '../knowledge/tidy-chinese.js';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens, e.g. about-to-snap');
const line = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date('use a date written YYYY-MM-DD');

/** The review record every calm file carries, as scripts do. */
const approval = {
  status: z.enum(['draft', 'approved', 'retired']),
  approvedBy: line.optional(),
  approvedOn: isoDate.optional(),
  reviewBy: isoDate,
  version: z.number().int().positive(),
};

function requireApproval(
  file: { status: string; approvedBy?: string; approvedOn?: string; reviewBy: string },
  ctx: z.RefinementCtx,
): void {
  if (file.status !== 'approved') return;
  if (!file.approvedBy) ctx.addIssue({ code: 'custom', path: ['approvedBy'], message: 'an approved file needs approvedBy' });
  if (!file.approvedOn) ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'an approved file needs approvedOn' });
  else if (file.approvedOn > file.reviewBy) {
    ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'reviewBy must not be before approvedOn' });
  }
}

const tidyIfChinese = <T extends { locale: AuthoredLocale }>(file: T): T =>
  file.locale === 'zh-CN' ? tidyChinese(file) : file;

/** A self-talk line and a reframe that belong together. */
export const CalmPrompt = z.strictObject({
  selfTalk: line.max(120, 'keep the self-talk line under 120 characters'),
  reframe: line.max(220, 'keep the reframe under 220 characters'),
});
export type CalmPrompt = z.infer<typeof CalmPrompt>;

/** `calm/<feeling>.<locale>.yaml`: one feeling on the /calm menu. */
export const FeelingFile = z
  .strictObject({
    id: kebabId,
    locale: AuthoredLocale,
    order: z.number().int().min(1),
    label: line.max(24, 'keep the menu label to 24 characters or fewer'),
    match: z.array(line).min(4, 'list at least 4 words or short phrases people type for this feeling').max(40),
    prompts: z.array(CalmPrompt).min(3, 'give at least 3 prompts so nobody gets the same one twice in a row').max(8),
    practices: z.array(kebabId).min(1, 'name at least one practice from practices.<locale>.yaml').max(4),
    ...approval,
  })
  .transform(tidyIfChinese)
  .superRefine(requireApproval);
export type FeelingFile = z.infer<typeof FeelingFile>;

export const PracticeKind = z.enum(['breathing', 'grounding', 'next-call-reset']);
export type PracticeKind = z.infer<typeof PracticeKind>;

/** Seconds per phase of one breath; the guided minute repeats it. */
export const BreathPattern = z
  .strictObject({
    inhale: z.number().int().min(2).max(8),
    hold: z.number().int().min(0).max(7).default(0),
    exhale: z.number().int().min(2).max(10),
  })
  .refine((p) => p.inhale + p.hold + p.exhale <= 20, { message: 'one breath should take 20 seconds or less' });
export type BreathPattern = z.infer<typeof BreathPattern>;

export const Practice = z
  .strictObject({
    id: kebabId,
    kind: PracticeKind,
    title: line.max(40),
    steps: z.array(line.max(160)).min(2).max(5, 'a one-minute practice has 5 steps or fewer'),
    breath: BreathPattern.optional(),
  })
  .refine((p) => p.kind !== 'breathing' || p.breath, { message: 'a breathing practice needs breath: {inhale, hold, exhale}' });
export type Practice = z.infer<typeof Practice>;

/** `calm/practices.<locale>.yaml`: the one-minute practices feelings refer to. */
export const PracticesFile = z
  .strictObject({ locale: AuthoredLocale, practices: z.array(Practice).min(3), ...approval })
  .transform(tidyIfChinese)
  .superRefine(requireApproval);
export type PracticesFile = z.infer<typeof PracticesFile>;

/**
 * `calm/crisis.<locale>.yaml`: what to say when words suggest a person may be in danger, and
 * extra phrases for the built-in rules (src/calm/crisis-rules.*.ts) to look for. `match` and
 * `message` are about the person themselves; `threatMatch` and `threatMessage` about a threat
 * to their safety from someone else (a caller, a customer).
 */
export const CrisisFile = z
  .strictObject({
    locale: AuthoredLocale,
    match: z.array(line).min(10, 'list at least 10 phrases; missing one is worse than a false alarm'),
    message: z.array(line).min(2).max(6),
    threatMatch: z.array(line).max(60).optional(),
    threatMessage: z.array(line).min(2).max(6).optional(),
    ...approval,
  })
  .transform(tidyIfChinese)
  .superRefine(requireApproval);
export type CrisisFile = z.infer<typeof CrisisFile>;
