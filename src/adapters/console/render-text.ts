import { renderFillIns } from '../../core/fill-ins.js';
import type { Block, Reply } from '../../core/reply.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/**
 * Plain-text rendering of a reply for a terminal or a pipe. What a terminal cannot do was taken
 * out before (src/core/degrade.ts: buttons became what to type); buttons left in show as labels.
 */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  if (reply.title) out.push(`== ${reply.title} ==`);
  for (const block of reply.blocks) out.push(...renderBlock(block));
  return terminalSafe(out.join('\n'));
}

function colonFor(label: string): string {
  return /[\p{Script=Han}]$/u.test(label) ? '\uff1a' : ':';
}

function renderBlock(block: Block): string[] {
  const labelled = (label: string | undefined, lines: string[]) => (label ? [`${label}${colonFor(label)}`, ...lines.map((l) => `  ${l}`)] : lines);
  switch (block.type) {
    case 'text':
      return block.label ? labelled(block.label, block.text.split('\n')) : block.text.split('\n');
    case 'quote':
      // Every line of a multi-line quote (a pasted note) stays inside the quote.
      return labelled(block.label, block.lines.flatMap((l) => (block.fillIns ? renderFillIns(l, (t) => t, (label) => `⟦${label}⟧`) : l).split('\n')).map((l) => `> ${l}`));
    case 'list':
      return labelled(
        block.label,
        block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : block.marker === 'cross' ? '✗' : '-'} ${item}`),
      );
    case 'context':
      return [`(${block.text})`];
    case 'actions':
      return [block.actions.map((a) => `[${a.label}]`).join(' ')];
    case 'divider':
      return ['--'];
  }
}
