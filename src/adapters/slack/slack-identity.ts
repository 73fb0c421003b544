import type { webApi } from '@slack/bolt';
import { CredentialsRejected } from '../../core/credentials-rejected.js';

/** Answers to auth.test that no retry will fix: the token is wrong, revoked or its workspace is gone. */
const TOKEN_REJECTED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope', 'not_allowed_token_type']);

export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

/** The bot token was refused by Slack; the person running the bot has to replace it. */
export class SlackTokenRejected extends CredentialsRejected {}

export type IdentifyResult = { ok: true; identity: SlackIdentity } | { ok: false; reason: string };

/**
 * Asks Slack who the bot token belongs to. A refusal throws SlackTokenRejected with one line
 * for the operator; anything else (Slack down, network, rate limit) is "not reachable yet".
 */
export async function identifyBot(web: webApi.WebClient): Promise<IdentifyResult> {
  let answer: Awaited<ReturnType<webApi.WebClient['auth']['test']>>;
  try {
    answer = await web.auth.test();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const slackError = (error as { data?: { error?: string } }).data?.error;
    if (code === 'slack_webapi_platform_error' && slackError && TOKEN_REJECTED.has(slackError)) {
      throw new SlackTokenRejected(
        `Slack rejected SLACK_BOT_TOKEN (${slackError}). Copy a valid Bot User OAuth Token from the Slack app settings (OAuth & Permissions) and restart.`,
      );
    }
    return { ok: false, reason: slackError ?? (error instanceof Error ? error.message : String(error)) };
  }
  if (!answer.bot_id || !answer.user_id) {
    throw new SlackTokenRejected('SLACK_BOT_TOKEN is not a bot token (auth.test named no bot). Use the Bot User OAuth Token (xoxb-…).');
  }
  return { ok: true, identity: { botId: answer.bot_id, botUserId: answer.user_id } };
}

/** Seconds between start-up attempts while Slack cannot be reached: 2, 4, 8 … up to a minute. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(1, attempt));
}
