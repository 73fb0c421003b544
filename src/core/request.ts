import { z } from 'zod';
import { Locale } from '../i18n/locale.js';
import { Capabilities, PersonRef, Platform } from './platform.js';

export { Platform } from './platform.js';

export const Requester = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  locale: Locale,
  timeZone: z.string().optional(),
  /** A zone the platform gave that this system does not know; `timeZone` is then the team's, and replies say so. */
  unknownTimeZone: z.string().optional(),
  isLead: z.boolean().default(false),
});
export type Requester = z.infer<typeof Requester>;

const base = {
  platform: Platform,
  user: Requester,
  command: z.string().min(1),
  /** True when the person chose the locale for this request (e.g. `--locale`), so text must not override it. */
  localeExplicit: z.boolean().default(false),
  /** The platform's id for this delivery (Slack trigger_id, Discord interaction id), so a redelivery changes nothing twice. */
  deliveryId: z.string().optional(),
  /** What the surface the person used can show; absent means a full chat app. */
  capabilities: Capabilities.optional(),
  /** Colleagues the person mentioned (in the text or a form's answers), resolved by the adapter; the text holds their `typed` form. */
  mentions: z.array(PersonRef).optional(),
};

/** A slash command as typed: `/script 限速` becomes command `script`, text `限速`. */
export const CommandRequest = z.object({
  kind: z.literal('command'),
  ...base,
  text: z.string(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

/** A button press on a reply; `actionId` is owned by the command that drew the button. */
export const ActionRequest = z.object({
  kind: z.literal('action'),
  ...base,
  actionId: z.string().min(1),
  value: z.string(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const Request = z.discriminatedUnion('kind', [CommandRequest, ActionRequest]);
export type Request = z.infer<typeof Request>;
