import { renderFillIns } from '../../core/fill-ins.js';
import type { Block, Form, Reply, ReplyAction } from '../../core/reply.js';
import { splitText } from '../../core/split-text.js';
import { renderText } from '../console/render-text.js';

/** The Block Kit subset we send; kept structural so this module needs no Slack SDK types. */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackButton {
  type: 'button';
  action_id: string;
  value: string;
  text: { type: 'plain_text'; text: string; emoji: true };
  style?: 'primary' | 'danger';
}

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const SECTION_LIMIT = 3000;
const HEADER_LIMIT = 150;
const BUTTON_LIMIT = 75;
const FALLBACK_LIMIT = 3000;

/**
 * Slack's three control characters become entities, so no text a person typed or a script
 * holds can form `<!channel>`, `<@U…>` or a link; broadcast words get a word joiner so they
 * read the same but never notify.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1')
    .replace(/[*_~`]/g, literal);
}

/**
 * mrkdwn has no escape character. A date token with an invalid format always shows its
 * fallback text, unformatted, so `*`, `_`, `~` and backticks typed by a person read as
 * themselves instead of turning the rest of a note bold, italic, struck or code.
 */
function literal(char: string): string {
  return `<!date^0^{_}|${char}>`;
}

/** Slack sends slash-command text with &, < and > as entities; decoded once, they read as typed. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Action ids are `<command>:<action>:<n>`; n keeps them unique within one actions block. */
export function actionIdFor(action: ReplyAction, index: number): string {
  return `${action.command}:${action.id}:${index}`;
}

export function parseActionId(actionId: string): { command: string; id: string } | undefined {
  const m = /^([a-z0-9-]+):([a-z0-9-]+):\d+$/.exec(actionId);
  return m ? { command: m[1]!, id: m[2]! } : undefined;
}

/** Slack's documented limits for one message (chat.postMessage, response_url). */
export const SLACK_LIMITS = { blocks: 50, section: SECTION_LIMIT, header: HEADER_LIMIT, button: BUTTON_LIMIT, buttonsPerActions: 25, text: FALLBACK_LIMIT } as const;

/**
 * Reply → one or more Slack messages. Long sections are split at line boundaries, and a reply
 * of more than 50 blocks continues in further messages, so no text is ever cut off; the
 * adapter sends the extra messages as follow-ups. Each message's `text` (notifications,
 * screen readers) is the gist of what it shows.
 */
export function toSlackMessages(reply: Reply): SlackMessage[] {
  const title = reply.title ? plain(reply.title) : undefined;
  const body: SlackBlock[] = [];
  for (const block of reply.blocks) body.push(...toSlackBlocks(block));
  const pages: SlackBlock[][] = [];
  const firstHead = title ? titleBlocks(title) : [];
  let page: SlackBlock[] = [...firstHead];
  for (const block of body) {
    if (page.length >= SLACK_LIMITS.blocks) {
      pages.push(page);
      page = [];
    }
    page.push(block);
  }
  pages.push(page);
  const lines = renderText(reply).split('\n');
  return pages.map((blocks, i) => {
    if (i === 0) return { text: gist(lines.map(escapeMrkdwn)), blocks };
    const part = `(${i + 1}/${pages.length})`;
    return { text: gist([escapeMrkdwn(`${title ?? ''} ${part}`.trim()), ...slackPageLines(blocks)]), blocks };
  });
}

function titleBlocks(title: string): SlackBlock[] {
  if (title.length <= HEADER_LIMIT) return [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  return sections(`*${escapeMrkdwn(title)}*`);
}

/** The visible text of a continuation message's blocks, for its fallback gist. */
function slackPageLines(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'section' ? b.text.text.split('\n') : b.type === 'context' ? b.elements.map((e) => e.text) : []));
}

/**
 * The fallback `text`: the title and as many whole (already escaped) lines as fit, then how
 * many lines follow; an over-long first line is cut only where no entity or code point breaks.
 */
export function gist(lines: string[]): string {
  const room = FALLBACK_LIMIT - 24; // keeps space for the "… (+N)" line
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fitsWhole = used + line.length + 1 <= (i === lines.length - 1 ? FALLBACK_LIMIT : room);
    if (!fitsWhole) {
      if (!out.length) out.push(splitText(line, room)[0]!);
      out.push(`… (+${lines.length - i})`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

function toSlackBlocks(block: Block): SlackBlock[] {
  const labelled = (label: string | undefined, body: string) => sections(label ? `*${escapeMrkdwn(label)}*\n${body}` : body);
  switch (block.type) {
    case 'text':
      return labelled(block.label, escapeMrkdwn(block.text));
    case 'quote':
      // Every line of a multi-line quote (a pasted note) stays inside the quote.
      return labelled(
          block.label,
          block.lines
            .flatMap((l) => (block.fillIns ? renderFillIns(l, escapeMrkdwn, slackFillIn) : escapeMrkdwn(l)).split('\n'))
            .map((l) => `>${l}`)
            .join('\n'),
        );
    case 'list':
      return labelled(
          block.label,
          block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : block.marker === 'cross' ? '✗' : '•'} ${escapeMrkdwn(item)}`).join('\n'),
        );
    case 'context':
      return splitText(escapeMrkdwn(block.text), SECTION_LIMIT).map((piece) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: piece }] }));
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return chunk(block.actions, SLACK_LIMITS.buttonsPerActions).map((actions, n) => ({
          type: 'actions',
          elements: actions.map((action, k) => ({ i: n * SLACK_LIMITS.buttonsPerActions + k, action })).map(({ action, i }) => ({
            type: 'button',
            action_id: actionIdFor(action, i),
            value: action.value,
            text: { type: 'plain_text', text: clip(plain(action.label), BUTTON_LIMIT), emoji: true },
            ...(action.style ? { style: action.style } : {}),
          })),
        }));
  }
}

// Slack only starts code at a word boundary, and Chinese has no spaces: zero-width spaces give it one.
function slackFillIn(label: string): string {
  return `\u200b\`[${escapeMrkdwn(label)}]\`\u200b`;
}

/** A section over 3000 characters becomes several sections, split at line boundaries. */
function sections(text: string): SlackBlock[] {
  return splitText(text, SECTION_LIMIT).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/** Plain-text fields are not parsed for mentions, but keep broadcast words inert there too. */
function plain(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A form as a Slack modal view; callback_id routes the submission back to its command. */
export function toSlackModal(form: Form, privateMetadata = '') {
  return {
    type: 'modal' as const,
    callback_id: `${form.command}:${form.id}`,
    private_metadata: privateMetadata,
    title: { type: 'plain_text' as const, text: clip(plain(form.title), 24) },
    submit: { type: 'plain_text' as const, text: clip(plain(form.submitLabel), 24) },
    blocks: form.fields.map((field) => ({
      type: 'input' as const,
      block_id: field.id,
      optional: field.required === false,
      label: { type: 'plain_text' as const, text: clip(plain(field.label), 2000) },
      element:
        field.kind === 'person'
          ? { type: 'users_select' as const, action_id: field.id }
          : {
              type: 'plain_text_input' as const,
              action_id: field.id,
              multiline: field.multiline ?? false,
              ...(field.placeholder ? { placeholder: { type: 'plain_text' as const, text: clip(plain(field.placeholder), 150) } } : {}),
              ...(field.initial ? { initial_value: field.initial } : {}),
            },
    })),
  };
}

export function parseFormCallbackId(callbackId: string): { command: string; id: string } | undefined {
  const m = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(callbackId);
  return m ? { command: m[1]!, id: m[2]! } : undefined;
}

/** Submitted modal values as { fieldId: text }; a people picker gives the chosen user's id. */
export function formValues(state: Record<string, Record<string, { value?: string | null; selected_user?: string | null }>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    for (const action of Object.values(actions)) values[blockId] = action.value ?? action.selected_user ?? '';
  }
  return values;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
