/**
 * A platform refused the bot's credentials (a revoked or invalid token). No retry fixes it: the
 * process stops with the message, one line saying which setting to replace.
 */
export class CredentialsRejected extends Error {
  override readonly name = 'CredentialsRejected';
}
