/**
 * The platform-neutral answer a command gives. Adapters render it: Slack as Block Kit,
 * Discord as an embed with buttons, the console as plain text. Labels on blocks become
 * section headings (Slack) or embed field names (Discord).
 */
export type Block =
  | { type: 'text'; text: string; label?: string }
  /** `fillIns`: the lines hold `[…]` fill-ins (src/core/fill-ins.ts) the renderer highlights. */
  | { type: 'quote'; lines: string[]; label?: string; fillIns?: boolean }
  | { type: 'list'; items: string[]; ordered?: boolean; label?: string; marker?: 'bullet' | 'cross' }
  | { type: 'context'; text: string }
  | { type: 'actions'; actions: ReplyAction[] }
  | { type: 'divider' };

export interface ReplyAction {
  /** Command that owns the action; the press comes back to it as an ActionRequest. */
  command: string;
  id: string;
  value: string;
  label: string;
  style?: 'primary' | 'danger';
  /** What to type for the same effect where buttons cannot be pressed (the console); '' = nothing, so degradeFor drops it there. */
  typed: string;
  /** Previous/Next of a paged list (value: the page number), so a typed `page N`, "next" or "prev" can turn it too. */
  turnsPage?: 'previous' | 'next';
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface FormField {
  id: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
  initial?: string;
  /** A colleague: Slack shows a people picker (the answer is their user id); elsewhere a text field. */
  kind?: 'text' | 'person';
}

/**
 * A short form the person fills in (a Slack modal, a Discord modal). Its submission comes back
 * to `command` as an ActionRequest with actionId `id` and, as value, the answers as JSON
 * ({ fieldId: text }). Where forms cannot be shown (the console) degradeFor drops the form and
 * the reply's blocks are shown instead, so they must say what to type.
 */
export interface Form {
  command: string;
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

export interface Reply {
  title?: string;
  blocks: Block[];
  /** Only the person who asked sees it (ephemeral in Slack and Discord). */
  private: boolean;
  tone?: Tone;
  form?: Form;
  /** For an answer to a button: replace the message the button was on (a reminder that is now done). */
  replacesOriginal?: boolean;
  /**
   * For a message the bot sends on its own: the same key on every attempt of the same message
   * (a reminder stage for one due time), so an adapter can tell a retry from a new message and
   * not post it twice when an earlier attempt landed after all.
   */
  deliveryKey?: string;
  /**
   * Set by degradeFor where Previous/Next became text: what a typed "more" command (the
   * console's `page N`, "next", "prev") turns, as if the page button had been pressed; `page` is the one shown.
   */
  pager?: { command: string; actionId: string; page: number };
}

export function privateReply(title: string | undefined, blocks: Block[], tone: Tone = 'info'): Reply {
  return { title, blocks, private: true, tone };
}
