import { escapeMarkdown } from 'discord.js';
import { renderFillIns } from '../../core/fill-ins.js';
import type { Block, Form, Reply, ReplyAction } from '../../core/reply.js';
import { splitText } from '../../core/split-text.js';

/** The Discord message shape we send (API JSON), kept structural so it is testable on its own. */
export interface DiscordMessage {
  /** Plain text, for the short apology when a command fails. */
  content?: string;
  embeds: DiscordEmbed[];
  components: { type: 1; components: DiscordButton[] }[];
  allowed_mentions: { parse: [] };
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields: { name: string; value: string; inline: false }[];
  footer?: { text: string };
}

interface DiscordButton {
  type: 2;
  style: 1 | 2 | 4;
  custom_id: string;
  label: string;
}

const COLOURS = { info: 0x2f6f8f, success: 0x2e8b57, warning: 0xd98e04, error: 0xc0392b } as const;
const LIMIT = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, label: 80, customId: 100 };

/** Custom ids are `<command>:<action>:<value>`; the value is the rest, so it may hold colons. */
export function customIdFor(action: ReplyAction): string {
  return `${action.command}:${action.id}:${action.value}`.slice(0, LIMIT.customId);
}

export function parseCustomId(customId: string): { command: string; id: string; value: string } | undefined {
  const m = /^([a-z0-9-]+):([a-z0-9-]+):(.*)$/s.exec(customId);
  return m ? { command: m[1]!, id: m[2]!, value: m[3]! } : undefined;
}

/** Discord's documented limits (API reference, "Embed Limits" and message components). */
export const DISCORD_LIMITS = { ...LIMIT, embedsTotal: 6000, embeds: 10, rows: 5, buttonsPerRow: 5 } as const;

type Field = DiscordEmbed['fields'][number];

/**
 * Reply → one or more Discord messages. Labelled blocks become fields (a value over 1,024
 * characters continues in "Label (cont.)" fields, split at line boundaries), unlabelled text
 * the description, context lines the footer. An embed holds at most 25 fields, a message at
 * most 10 embeds and 6,000 characters across them, and 25 buttons: whatever does not fit
 * continues in further embeds and messages, which the adapter sends as follow-ups, so no text
 * is ever cut. `allowed_mentions` parses nothing, so no text can ping anyone.
 */
export function toDiscordMessages(reply: Reply): DiscordMessage[] {
  const colour = COLOURS[reply.tone ?? 'info'];
  const description: string[] = [];
  const footer: string[] = [];
  const fields: Field[] = [];
  const buttons: DiscordButton[] = [];
  let title = reply.title ? literalMarkdown(reply.title) : undefined;
  if (title && title.length > LIMIT.title) {
    description.push(`**${title}**`);
    title = undefined;
  }
  for (const block of reply.blocks) {
    if (block.type === 'actions') {
      buttons.push(...block.actions.map((a) => ({ type: 2 as const, style: a.style === 'danger' ? (4 as const) : a.style === 'primary' ? (1 as const) : (2 as const), custom_id: customIdFor(a), label: clip(a.label, LIMIT.label) })));
    } else if (block.type === 'context') {
      footer.push(block.text); // embed footers are never parsed as markdown
    } else if (block.type !== 'divider') {
      const body = bodyOf(block);
      if ('label' in block && block.label) fields.push(...fieldsFor(literalMarkdown(block.label), body));
      else description.push(body);
    }
  }
  const embeds: DiscordEmbed[] = [];
  const descriptions = wholeParagraphs(description, LIMIT.description);
  const footers = footer.length ? splitText(footer.join('\n'), LIMIT.footer) : [];
  let embed: DiscordEmbed = { fields: [], color: colour, ...(title ? { title } : {}) };
  const fresh = () => {
    embeds.push(embed);
    embed = { fields: [], color: colour };
  };
  for (const [i, text] of descriptions.entries()) {
    if (i > 0) fresh();
    embed.description = text;
  }
  for (const field of fields) {
    if (embed.fields.length >= LIMIT.fields || embedSize(embed) + field.name.length + field.value.length > DISCORD_LIMITS.embedsTotal) fresh();
    embed.fields.push(field);
  }
  for (const [i, text] of footers.entries()) {
    if (i > 0 || embedSize(embed) + text.length > DISCORD_LIMITS.embedsTotal) fresh();
    embed.footer = { text };
  }
  embeds.push(embed);
  return pack(embeds, buttons);
}

/**
 * Paragraphs (one a block) joined into texts of at most `max` characters, a paragraph never cut
 * across two embeds unless it alone is over `max`; then it is split at its line ends.
 */
function wholeParagraphs(paragraphs: readonly string[], max: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    const joined = current ? `${current}\n\n${paragraph}` : paragraph;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current) texts.push(current);
    const pieces = splitText(paragraph, max);
    current = pieces.pop()!;
    texts.push(...pieces);
  }
  if (current) texts.push(current);
  return texts;
}

/** Embeds into messages of at most 10 embeds and 6,000 characters; buttons ride on the last messages, 25 per message. */
function pack(embeds: DiscordEmbed[], buttons: DiscordButton[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    if (current.length && (current.length >= DISCORD_LIMITS.embeds || size + n > DISCORD_LIMITS.embedsTotal)) {
      messages.push(message(current, []));
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  const perMessage = DISCORD_LIMITS.rows * DISCORD_LIMITS.buttonsPerRow;
  const groups: DiscordButton[][] = [];
  for (let i = 0; i < buttons.length; i += perMessage) groups.push(buttons.slice(i, i + perMessage));
  messages.push(message(current, groups.shift() ?? []));
  for (const group of groups) messages.push(message([], group));
  return messages;
}

function message(embeds: DiscordEmbed[], buttons: DiscordButton[]): DiscordMessage {
  const rows = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) rows.push({ type: 1 as const, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  return { embeds, components: rows, allowed_mentions: { parse: [] } };
}

/** The characters Discord counts toward an embed's 6,000. */
export function embedSize(embed: DiscordEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** A field whose value is over 1,024 characters continues in "Label (cont.)" fields. */
function fieldsFor(label: string, body: string): Field[] {
  let name = label;
  let value = body;
  if (name.length > LIMIT.fieldName) {
    value = `**${name}**\n${value}`;
    name = '…';
  }
  return splitText(value, LIMIT.fieldValue).map((piece, i) => ({ name: i === 0 ? name : continued(name), value: piece, inline: false as const }));
}

function continued(name: string): string {
  const suffix = ' (cont.)';
  return name.length + suffix.length <= LIMIT.fieldName ? `${name}${suffix}` : name;
}

/**
 * Reply text is literal: markdown a person typed (a note `[Reset password](https://evil.example)`,
 * `**`, `||`, a leading `#`) shows as typed instead of becoming a link, styling or a heading.
 * Only the renderer's own markup (quote marks, fill-in bold) is markdown.
 */
export function literalMarkdown(text: string): string {
  return escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
}

function bodyOf(block: Exclude<Block, { type: 'actions' | 'context' | 'divider' }>): string {
  switch (block.type) {
    case 'text':
      return literalMarkdown(block.text);
    case 'quote':
      return block.lines
        .flatMap((l) => (block.fillIns ? renderFillIns(l, literalMarkdown, (label) => `**[${literalMarkdown(label)}]**`) : literalMarkdown(l)).split('\n'))
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : block.marker === 'cross' ? '✗' : '•'} ${literalMarkdown(item)}`).join('\n');
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A form as a Discord modal (API JSON): one text input per row, custom_id routing back to the command. */
export function toDiscordModal(form: Form) {
  return {
    custom_id: `${form.command}:${form.id}:`,
    title: clip(form.title, 45),
    components: form.fields.slice(0, 5).map((field) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: field.id,
          label: clip(field.label, 45),
          style: field.multiline ? 2 : 1,
          required: field.required !== false,
          ...(field.placeholder ? { placeholder: clip(field.placeholder, 100) } : {}),
          ...(field.initial ? { value: field.initial } : {}),
        },
      ],
    })),
  };
}
