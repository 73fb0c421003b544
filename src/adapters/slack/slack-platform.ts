import { FULL_CHAT, type AddressBook, type Capabilities, type PersonRef, type ResolvedText } from '../../core/platform.js';

/** Slack's platform name, as stored with promises and registered at wiring time. */
export const SLACK = 'slack';

export const slackCapabilities: Capabilities = FULL_CHAT;

/** Slack users are U…/W…, channels C… (public) or G… (private). */
export const slackAddresses: AddressBook = {
  platform: SLACK,
  person: (raw) => (/^[UW][A-Z0-9]+$/.test(raw) ? raw : undefined),
  place: (raw) => (/^[CG][A-Z0-9]+$/.test(raw) ? raw : undefined),
};

const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g;

/** `<@U123|ann>` becomes `@ann` (or `@U123` without a name), and the person is listed. */
export function resolveSlackMentions(text: string): ResolvedText {
  const mentions: PersonRef[] = [];
  const resolved = text.replace(MENTION, (_, address: string, name: string | undefined) => {
    const typed = `@${name ?? address}`;
    mentions.push({ address, typed, ...(name ? { name } : {}) });
    return typed;
  });
  return { text: resolved, mentions };
}
