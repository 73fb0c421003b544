import type { Capabilities } from './platform.js';
import type { Block, Reply, ReplyAction } from './reply.js';

/**
 * A platform-neutral reply made fit for one surface, in this one place, before its renderer sees
 * it, so no renderer and no command special-cases a platform:
 * - no buttons: each row of buttons becomes numbered lines saying what to type for the same
 *   effect (`[1] Next  →  /promise list 2`); a button with nothing to type (feedback) is dropped,
 *   since it could only be read, never used; a paged list keeps its `pager`, so the surface's
 *   own "more" command (the console's `page N`) turns it;
 * - no forms: the form is dropped, and the reply's blocks, which say what to type, stand;
 * - no edits: an answer meant to replace the pressed message arrives as a new one.
 * A surface that can do all of it gets the reply unchanged.
 * It is applied in exactly two places, so every message is degraded once: the router for answers
 * to a person's command or press, PlatformOutbox (src/core/outbox.ts) for what the bot sends on
 * its own. Adapters render what they are handed and never call it.
 */
export function degradeFor(can: Capabilities, reply: Reply): Reply {
  const { form, replacesOriginal, ...rest } = reply;
  const pager = can.buttons ? undefined : pagerOf(reply.blocks);
  return {
    ...rest,
    blocks: can.buttons ? reply.blocks : reply.blocks.flatMap(typedInstead),
    ...(form && can.forms ? { form } : {}),
    ...(replacesOriginal && can.edits ? { replacesOriginal } : {}),
    ...(pager ? { pager } : {}),
  };
}

/** The Previous/Next of a paged list, kept so a typed `page N`, "next" or "prev" can still turn it. */
function pagerOf(blocks: readonly Block[]): Reply['pager'] {
  const navs = blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])).filter((a) => a.turnsPage);
  const next = navs.find((a) => a.turnsPage === 'next');
  const nav = next ?? navs[0];
  if (!nav) return undefined;
  const page = next ? Number(next.value) - 1 : Number(nav.value) + 1;
  return { command: nav.command, actionId: nav.id, page };
}

/** The line a button stands for where it cannot be pressed. */
export function typedLine(action: ReplyAction, n: number): string {
  return `[${n}] ${action.label}  →  ${action.typed}`;
}

function typedInstead(block: Block): Block[] {
  if (block.type !== 'actions') return [block];
  const usable = block.actions.filter((a) => a.typed.trim());
  return usable.length ? [{ type: 'text', text: usable.map((a, i) => typedLine(a, i + 1)).join('\n') }] : [];
}
