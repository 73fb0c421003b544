import type { BotContext } from './bot-context.js';
import type { FakeDiscord } from './fake-discord.js';

/**
 * A hand-off slow enough to need Discord's deferral: the owner has ten open promises and Discord
 * takes 400 ms for every DM the colleague gets about them.
 */
export async function slowHandOffSetUp(bot: BotContext, discord: FakeDiscord, owner: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await bot.promises.create({ owner: { platform: 'discord', userId: owner, locale: 'en' }, dueAt: new Date(bot.clock.now().getTime() + (30 + i) * 60_000), note: `customer ${i}`, timeZone: 'UTC' });
  }
  discord.delays = [{ route: /^POST \/(users\/@me\/channels|channels\/\d+\/messages)$/, ms: 400 }];
}

/** The first request to the local Discord that matches, once it arrives (undefined after 20 s). */
export async function requestTo(discord: FakeDiscord, matches: (r: FakeDiscord['requests'][number]) => boolean): Promise<FakeDiscord['requests'][number] | undefined> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = discord.requests.find(matches);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}
