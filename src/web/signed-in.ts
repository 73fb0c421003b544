import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session } from './sessions.js';

/** What a signed-in page gets: the request, the lead's session and, for POSTs, the CSRF-checked form. */
export interface SignedInContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  session: Session;
  /** For POSTs: the form, already checked for its CSRF token. */
  form?: URLSearchParams;
}
export type SignedInPage = (ctx: SignedInContext) => Promise<void> | void;
