import { describe, expect, it } from 'vitest';
import { LeadDirectory, platformOfId } from '../../src/core/leads.js';

describe('LeadDirectory', () => {
  const ids = ['U01LEAD', '123456789012345678', 'W02LEAD'];

  it('tells platforms apart by the shape of the id', () => {
    expect(['U01LEAD', 'C0LEADS', '123456789012345678', 'console', 'ben'].map(platformOfId)).toEqual(['slack', 'slack', 'discord', 'console', undefined]);
  });

  it('DMs the leads of the platform, adding those the platform lists (a Slack user group)', async () => {
    const leads = new LeadDirectory({ leadIds: ids, leadsChannels: [] });
    leads.addMembers('slack', async () => ['U03GROUP', 'U01LEAD']);
    expect((await leads.leadsOn('slack')).map((r) => r.userId)).toEqual(['U01LEAD', 'W02LEAD', 'U03GROUP']);
    expect((await leads.leadsOn('discord')).map((r) => r.userId)).toEqual(['123456789012345678']);
  });

  it('still reaches LEAD_IDS when the platform cannot list its group', async () => {
    const leads = new LeadDirectory({ leadIds: ids, leadsChannels: [] });
    leads.addMembers('slack', async () => {
      throw new Error('usergroups.users.list failed');
    });
    expect((await leads.leadsOn('slack')).map((r) => r.userId)).toEqual(['U01LEAD', 'W02LEAD']);
  });

  it('prefers the leads channel of that platform', async () => {
    const leads = new LeadDirectory({ leadIds: ids, leadsChannels: ['C0LEADS', '223456789012345678'] });
    expect(await leads.targetsOn('slack')).toEqual([{ platform: 'slack', channel: 'C0LEADS' }]);
    expect(await leads.targetsOn('discord')).toEqual([{ platform: 'discord', channel: '223456789012345678' }]);
  });

  it('on the console, the operator is the lead', async () => {
    expect(await new LeadDirectory({ leadIds: [], leadsChannels: [] }).leadsOn('console')).toEqual([{ platform: 'console', userId: 'console' }]);
  });
});
