import { renderFillIns } from '../../core/fill-ins.js';
import type { Block, Form, Reply, ReplyAction, Tone } from '../../core/reply.js';
import { splitText } from '../../core/split-text.js';

/**
 * The Feishu/Lark message card subset we send (card JSON 1.0, which messages, ephemeral cards,
 * PATCH updates and callback answers all accept), kept structural so it needs no SDK types.
 */
export interface FeishuCard {
  config: { wide_screen_mode: true; update_multi: true };
  header?: { title: PlainText; template: string };
  elements: CardElement[];
}

interface PlainText {
  tag: 'plain_text';
  content: string;
}

export type CardElement =
  | { tag: 'div'; text: { tag: 'lark_md'; content: string } }
  | { tag: 'hr' }
  | { tag: 'note'; elements: PlainText[] }
  | { tag: 'action'; actions: CardButton[] }
  | { tag: 'form'; name: string; elements: (CardInput | CardPersonPicker | CardButton)[] };

export interface CardButton {
  tag: 'button';
  text: PlainText;
  type: 'primary' | 'danger' | 'default';
  value: ButtonValue;
  action_type?: 'form_submit';
  name?: string;
}

interface CardInput {
  tag: 'input';
  name: string;
  label: PlainText;
  label_position: 'top';
  required: boolean;
  input_type: 'text' | 'multiline_text';
  max_length: number;
  placeholder?: PlainText;
  default_value?: string;
}

interface CardPersonPicker {
  tag: 'select_person';
  name: string;
  required: boolean;
  placeholder: PlainText;
}

/** What a button carries back in its callback: the owning command, its action id and value. */
export interface ButtonValue {
  c: string;
  a: string;
  v: string;
}

/**
 * The limits we hold every card to. Feishu refuses a card message whose request body is over
 * 30 KB; the card JSON budget leaves room for the envelope (receive_id, msg_type, uuid). The
 * element, text and label limits are ours, chosen well inside what the clients lay out, so a
 * card never fails or gets cut on a phone: whatever does not fit continues in another card.
 */
export const FEISHU_LIMITS = {
  cardBytes: 28_000,
  elements: 50,
  text: 2_000,
  title: 100,
  buttonsPerRow: 5,
  buttonLabel: 40,
  inputLength: 1_000,
  fieldLabel: 100,
  placeholder: 100,
} as const;

const TEMPLATE: Record<Tone, string> = { info: 'blue', success: 'green', warning: 'orange', error: 'red' };

/**
 * lark_md reads `<at id=all>`, `<font>`, links, `**`, `~~` and `:EMOJI:` codes from card text. Text a
 * person typed or a script holds is made literal with the HTML character references Feishu's
 * card markdown documents for this: `<`, `>`, `&` and every markdown character become entities,
 * so the text reads as typed and can never form a mention (let alone @all), a link or styling.
 * Broadcast words get a word joiner as a second guard.
 */
export function escapeLarkMd(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`[\]#|\\:]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@(all|everyone|here|所有人)/gi, '@\u2060$1');
}

/** Plain-text fields are never parsed, but keep broadcast words inert there too. */
function plain(text: string, max: number): PlainText {
  const inert = text.replace(/@(all|everyone|here|所有人)/gi, '@\u2060$1');
  return { tag: 'plain_text', content: clip(inert, max) };
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function fillIn(label: string): string {
  return `<font color='orange'>**[${escapeLarkMd(label)}]**</font>`;
}

export function buttonValue(action: ReplyAction): ButtonValue {
  return { c: action.command, a: action.id, v: action.value };
}

/** A callback's value back into command, action id and value; undefined for a value we did not draw. */
export function parseButtonValue(value: unknown): ButtonValue | undefined {
  const v = typeof value === 'string' ? safeJson(value) : value;
  if (!v || typeof v !== 'object') return undefined;
  const { c, a, v: val } = v as Record<string, unknown>;
  if (typeof c !== 'string' || typeof a !== 'string' || !/^[a-z0-9-]+$/.test(c) || !/^[a-z0-9-]+$/.test(a)) return undefined;
  return { c, a, v: typeof val === 'string' ? val : '' };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function button(action: ReplyAction): CardButton {
  return {
    tag: 'button',
    text: plain(action.label, FEISHU_LIMITS.buttonLabel),
    type: action.style ?? 'default',
    value: buttonValue(action),
  };
}

function div(content: string): CardElement {
  return { tag: 'div', text: { tag: 'lark_md', content } };
}

/** A labelled body as div elements of at most FEISHU_LIMITS.text characters each, split at line ends. */
function divs(label: string | undefined, body: string): CardElement[] {
  const text = label ? `**${escapeLarkMd(label)}**\n${body}` : body;
  return splitText(text, FEISHU_LIMITS.text).map(div);
}

function elementsOf(block: Block): CardElement[] {
  switch (block.type) {
    case 'text':
      return divs(block.label, escapeLarkMd(block.text));
    case 'quote':
      // A say-line reads as a quote: a bar before every line, a pasted note's lines included.
      return divs(
        block.label,
        block.lines
          .flatMap((l) => (block.fillIns ? renderFillIns(l, escapeLarkMd, fillIn) : escapeLarkMd(l)).split('\n'))
          .map((l) => `<font color='grey'>▎</font>${l}`)
          .join('\n'),
      );
    case 'list':
      return divs(
        block.label,
        block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : block.marker === 'cross' ? '✗' : '•'} ${escapeLarkMd(item)}`).join('\n'),
      );
    case 'context':
      return splitText(block.text, FEISHU_LIMITS.text).map((piece) => ({ tag: 'note', elements: [plain(piece, FEISHU_LIMITS.text)] }));
    case 'divider':
      return [{ tag: 'hr' }];
    case 'actions': {
      const rows: CardElement[] = [];
      for (let i = 0; i < block.actions.length; i += FEISHU_LIMITS.buttonsPerRow) {
        rows.push({ tag: 'action', actions: block.actions.slice(i, i + FEISHU_LIMITS.buttonsPerRow).map(button) });
      }
      return rows;
    }
  }
}

/** How many elements Feishu counts: every module, and every button or field inside one. */
export function elementCount(card: FeishuCard): number {
  return card.elements.reduce((n, e) => n + 1 + (e.tag === 'action' ? e.actions.length : e.tag === 'form' ? e.elements.length : 0), 0);
}

export function cardBytes(card: FeishuCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function emptyCard(title: string | undefined, tone: Tone): FeishuCard {
  return {
    config: { wide_screen_mode: true, update_multi: true },
    ...(title ? { header: { title: plain(title, FEISHU_LIMITS.title), template: TEMPLATE[tone] } } : {}),
    elements: [],
  };
}

/**
 * Reply → one or more Feishu cards. Long text is split at line ends into several div modules,
 * and whatever would take a card past 50 elements or its byte budget continues in the next
 * card ("title (2/3)"), which the adapter sends after the first, so no text is ever cut. A
 * title too long for the header opens the body in bold instead.
 */
export function toFeishuCards(reply: Reply): FeishuCard[] {
  const tone = reply.tone ?? 'info';
  const title = reply.title;
  const longTitle = title !== undefined && title.length > FEISHU_LIMITS.title;
  const body: CardElement[] = [];
  if (longTitle) body.push(...divs(undefined, `**${escapeLarkMd(title)}**`));
  for (const block of reply.blocks) body.push(...elementsOf(block));

  const cards: FeishuCard[] = [];
  let card = emptyCard(longTitle ? undefined : title, tone);
  for (const element of body) {
    card.elements.push(element);
    if (card.elements.length > 1 && (elementCount(card) > FEISHU_LIMITS.elements || cardBytes(card) > FEISHU_LIMITS.cardBytes)) {
      card.elements.pop();
      cards.push(card);
      card = emptyCard(undefined, tone);
      card.elements.push(element);
    }
  }
  cards.push(card);
  if (cards.length > 1 && title && !longTitle) {
    for (const [i, c] of cards.entries()) if (i > 0) c.header = { title: plain(`${clip(title, FEISHU_LIMITS.title - 8)} (${i + 1}/${cards.length})`, FEISHU_LIMITS.title), template: TEMPLATE[tone] };
  }
  return cards;
}

/**
 * A form as a card with a form container: one input per field (a colleague is picked with
 * Feishu's person picker, whose answer is their open_id) and a submit button whose value routes
 * the answers back to the command, as `form_value` in the card callback.
 */
export function toFeishuFormCard(form: Form, tone: Tone = 'info'): FeishuCard {
  const card = emptyCard(form.title, tone);
  const fields = form.fields.map((field): CardInput | CardPersonPicker =>
    field.kind === 'person'
      ? { tag: 'select_person', name: field.id, required: field.required !== false, placeholder: plain(field.placeholder ?? field.label, FEISHU_LIMITS.placeholder) }
      : {
          tag: 'input',
          name: field.id,
          label: plain(field.label, FEISHU_LIMITS.fieldLabel),
          label_position: 'top',
          required: field.required !== false,
          input_type: field.multiline ? 'multiline_text' : 'text',
          max_length: FEISHU_LIMITS.inputLength,
          ...(field.placeholder ? { placeholder: plain(field.placeholder, FEISHU_LIMITS.placeholder) } : {}),
          ...(field.initial ? { default_value: field.initial.slice(0, FEISHU_LIMITS.inputLength) } : {}),
        },
  );
  const submit: CardButton = {
    tag: 'button',
    text: plain(form.submitLabel, FEISHU_LIMITS.buttonLabel),
    type: 'primary',
    action_type: 'form_submit',
    name: 'submit',
    value: { c: form.command, a: form.id, v: '' },
  };
  card.elements.push({ tag: 'form', name: 'form', elements: [...fields, submit] });
  return card;
}

/** A form submission's answers as { fieldId: text }; a person picker's answer is the chosen open_id. */
export function formAnswers(formValue: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(formValue)) {
    answers[name] = Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : value == null ? '' : String(value);
  }
  return answers;
}
