import { FULL_CHAT, type AddressBook, type Capabilities, type PersonRef, type ResolvedText } from '../../core/platform.js';

/** Discord's platform name, as stored with promises and registered at wiring time. */
export const DISCORD = 'discord';

export const discordCapabilities: Capabilities = FULL_CHAT;

const SNOWFLAKE = /^\d{15,22}$/;

/** Discord users and channels are snowflakes: long numbers. */
export const discordAddresses: AddressBook = {
  platform: DISCORD,
  person: (raw) => (SNOWFLAKE.test(raw) ? raw : undefined),
  place: (raw) => (SNOWFLAKE.test(raw) ? raw : undefined),
};

const MENTION = /<@!?(\d{15,22})>/g;

/** `<@123…>` (or the older `<@!123…>`) becomes `@123…`, and the person is listed. */
export function resolveDiscordMentions(text: string): ResolvedText {
  const mentions: PersonRef[] = [];
  const resolved = text.replace(MENTION, (_, address: string) => {
    const typed = `@${address}`;
    mentions.push({ address, typed });
    return typed;
  });
  return { text: resolved, mentions };
}
