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
  /** Leaves a one-line note for the next page (stored with the session); await it before redirecting. */
  flash: (message: string) => Promise<void>;
}
export type SignedInPage = (ctx: SignedInContext) => Promise<void> | void;
