import { describe, expect, it } from 'vitest';
import { guarded, leadsOnly, ownerOrLead, type Owner } from '../../src/core/guards.js';
import { privateReply } from '../../src/core/reply.js';
import type { CommandRequest } from '../../src/core/request.js';

const request = (id: string, isLead = false, platform = 'slack'): CommandRequest => ({ kind: 'command', platform, user: { id, locale: 'en', isLead }, command: 'thing', text: '', localeExplicit: false });
const things = new Map<string, Owner>([['T1', { platform: 'slack', userId: 'U1' }]]);
const refused = privateReply(undefined, [{ type: 'text', text: 'not yours' }], 'warning');
const lookups: string[] = [];
const ownerGuard = ownerOrLead<{ id?: string }>(
  async ({ id }) => {
    if (id) lookups.push(id);
    return id ? things.get(id) : undefined;
  },
  () => refused,
);
const change = guarded([ownerGuard], async ({ id }: { id?: string }) => privateReply(undefined, [{ type: 'text', text: `changed ${id}` }]));

describe('declarative guards', () => {
  it('ownerOrLead lets the owner and a lead through and refuses anyone else, the same person on another platform included', async () => {
    expect(await change({ id: 'T1' }, request('U1'))).not.toBe(refused);
    expect(await change({ id: 'T1' }, request('U9', true))).not.toBe(refused);
    expect(await change({ id: 'T1' }, request('U9'))).toBe(refused);
    expect(await change({ id: 'T1' }, request('U1', false, 'discord'))).toBe(refused);
  });

  it('ownerOrLead lets through what belongs to nobody it can find (the command says "not found" itself), and a lead without looking', async () => {
    expect(await change({ id: 'T404' }, request('U9'))).not.toBe(refused);
    expect(await change({}, request('U9'))).not.toBe(refused);
    lookups.length = 0;
    await change({ id: 'T1' }, request('U9', true));
    expect(lookups).toEqual([]);
  });

  it('guarded answers with the first refusal, in the order declared', async () => {
    const leads = leadsOnly<{ id?: string }>(() => true, () => privateReply(undefined, [{ type: 'text', text: 'leads only' }]));
    const both = guarded([leads, ownerGuard], async () => privateReply(undefined, []));
    expect((await both({ id: 'T1' }, request('U9'))).blocks).toEqual([{ type: 'text', text: 'leads only' }]);
  });
});
