import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpInteractions } from '../../src/adapters/discord/http-interactions.js';
import { ServiceServer } from '../../src/http/service-server.js';
import { discordKeyPair, postInteraction } from '../helpers/discord-http.js';
import { LeadDirectory } from '../../src/core/leads.js';
import { leadCheckOf } from '../../src/web/start-board.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { boardHarness, type BoardHarness } from './board-harness.js';

const LEAD = '700000000000000077';
const AGENT = '700000000000000007';
const ROLE = '880000000000000088';

let h: BoardHarness | undefined;
let discord: FakeDiscord | undefined;
let adapter: DiscordAdapter | undefined;
let endpoint: ServiceServer | undefined;
afterEach(async () => {
  await adapter?.stop();
  await endpoint?.stop();
  await discord?.stop();
  await h?.stop();
});

describe('leads by DISCORD_LEADS_ROLE_ID on the board', () => {
  it('lets a member with the role sign in, asks Discord again on each request, and shuts out one whose role was taken away', async () => {
    discord = await new FakeDiscord().start();
    // The same lead rules as chat: no LEAD_IDS here, only the role, which Discord is asked about.
    const directory = new LeadDirectory({ leadIds: [], leadsChannels: [], addresses: (await import('../helpers/platforms.js')).builtInAddressBooks() });
    h = await boardHarness({ platform: 'discord', isLead: leadCheckOf(directory) });
    adapter = new DiscordAdapter({
      settings: { token: 'board.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), leadsRoleId: ROLE, leadRoleTtlMs: 0, defaultLocale: 'en', teamTimeZone: 'Asia/Shanghai' },
      router: h.router,
      log: pino({ level: 'silent' }),
    });
    await adapter.start();
    directory.addRole('discord', (userId) => adapter!.hasLeadRole(userId));
    discord.members.set(LEAD, [ROLE]);
    discord.members.set(AGENT, []);

    const ask = async (userId: string, roles: string[]) => {
      const interaction = interactionPayload({ type: 2, userId, locale: 'en-US', roles, data: { id: '802', name: 'board', type: 1, options: [] } });
      discord!.sendInteraction(interaction);
      return JSON.stringify((await discord!.waitForCallback(interaction.id)).body);
    };
    await signsInThenIsShutOut(ask);
  }, 30_000);
});

describe('leads by DISCORD_LEADS_ROLE_ID on the board, Discord in HTTP interactions mode', () => {
  it('lets a member whose interaction carries the role sign in, notices the role taken away, and a replica that saw no command finds the guild itself', async () => {
    discord = await new FakeDiscord().start();
    const directory = new LeadDirectory({ leadIds: [], leadsChannels: [], addresses: (await import('../helpers/platforms.js')).builtInAddressBooks() });
    h = await boardHarness({ platform: 'discord', isLead: leadCheckOf(directory) });
    const keys = discordKeyPair();
    const log = pino({ level: 'silent' });
    const replica = () =>
      new DiscordHttpInteractions({
        settings: { publicKey: keys.publicKeyHex, token: 'board.discord.token', apiUrl: discord!.apiUrl, leadIds: new Set(), leadsRoleId: ROLE, leadRoleTtlMs: 0, defaultLocale: 'en', teamTimeZone: 'Asia/Shanghai' },
        router: h!.router,
        clock: h!.clock,
        log,
        server: endpoint!,
        deliveries: { firstDelivery: async () => true },
      });
    endpoint = new ServiceServer({ port: 0, host: '127.0.0.1', log });
    const http = replica();
    http.start();
    const url = `http://127.0.0.1:${(await endpoint.start()).port}${DISCORD_INTERACTIONS_PATH}`;
    directory.addRole('discord', (userId) => http.hasLeadRole(userId));
    discord.members.set(LEAD, [ROLE]);

    const ask = async (userId: string, roles: string[]) =>
      JSON.stringify((await postInteraction(url, interactionPayload({ type: 2, userId, locale: 'en-US', roles, data: { id: '802', name: 'board', type: 1, options: [] } }), { privateKey: keys.privateKey, at: h!.clock.now() })).body);
    await signsInThenIsShutOut(ask);

    // Another replica behind the same URL, which no command has reached: it asks Discord which guilds the bot is in.
    discord.members.set(LEAD, [ROLE]);
    const other = replica();
    expect(await other.hasLeadRole(LEAD)).toBe(true);
    expect(await other.hasLeadRole(AGENT)).toBe(false);
    expect(discord.requests.some((r) => r.method === 'GET' && r.path === '/users/@me/guilds')).toBe(true);
  }, 30_000);
});

/**
 * An agent asking for the board is refused; the lead with the role gets a link, signs in, and the
 * board asks Discord about the role; once the role is taken away the next request is refused,
 * with no new sign-in needed to notice.
 */
async function signsInThenIsShutOut(ask: (userId: string, roles: string[]) => Promise<string>): Promise<void> {
  expect(await ask(AGENT, [])).toContain('for team leads');
  const token = /\/board\/sign-in\?token=([\w-]+)/.exec(await ask(LEAD, [ROLE]))?.[1];
  expect(token).toBeDefined();
  const signIn = await fetch(`${h!.base}/board/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: token! }) });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  expect((await fetch(`${h!.base}/board`, { headers: { cookie } })).status).toBe(200);
  expect(discord!.requests.some((r) => r.method === 'GET' && r.path === `/guilds/400000000000000004/members/${LEAD}`)).toBe(true);
  discord!.members.set(LEAD, []);
  expect((await fetch(`${h!.base}/board`, { headers: { cookie } })).status).toBe(403);
}
