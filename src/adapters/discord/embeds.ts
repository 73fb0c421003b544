import { escapeMarkdown } from 'discord.js';
import { renderFillIns } from '../../core/fill-ins.js';
import type { Block, Form, Reply, ReplyAction } from '../../core/reply.js';

/** The Discord message shape we send (API JSON), kept structural so it is testable on its own. */
export interface DiscordMessage {
  embeds: DiscordEmbed[];
  components: { type: 1; components: DiscordButton[] }[];
  allowed_mentions: { parse: [] };
}

interface DiscordEmbed {
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

/**
 * Reply → one embed with buttons. Labelled blocks become fields, unlabelled text the
 * description, context lines the footer. `allowed_mentions` parses nothing, so no text in a
 * reply can ping a person, a role, @here or @everyone.
 */
export function toDiscordMessage(reply: Reply): DiscordMessage {
  const embed: DiscordEmbed = { fields: [], color: COLOURS[reply.tone ?? 'info'] };
  if (reply.title) embed.title = clip(literalMarkdown(reply.title), LIMIT.title);
  const description: string[] = [];
  const footer: string[] = [];
  const buttons: DiscordButton[] = [];
  for (const block of reply.blocks) {
    if (block.type === 'actions') {
      buttons.push(...block.actions.map((a) => ({ type: 2 as const, style: a.style === 'danger' ? (4 as const) : a.style === 'primary' ? (1 as const) : (2 as const), custom_id: customIdFor(a), label: clip(a.label, LIMIT.label) })));
    } else if (block.type === 'context') {
      footer.push(block.text); // embed footers are never parsed as markdown
    } else if (block.type !== 'divider') {
      const body = bodyOf(block);
      if ('label' in block && block.label && embed.fields.length < LIMIT.fields) {
        embed.fields.push({ name: clip(literalMarkdown(block.label), LIMIT.fieldName), value: clip(body, LIMIT.fieldValue), inline: false });
      } else {
        description.push(body);
      }
    }
  }
  if (description.length) embed.description = clip(description.join('\n\n'), LIMIT.description);
  if (footer.length) embed.footer = { text: clip(footer.join('\n'), LIMIT.footer) };
  const rows = [];
  for (let i = 0; i < Math.min(buttons.length, 25); i += 5) rows.push({ type: 1 as const, components: buttons.slice(i, i + 5) });
  return { embeds: [embed], components: rows, allowed_mentions: { parse: [] } };
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
