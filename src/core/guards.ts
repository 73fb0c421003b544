import type { Reply } from './reply.js';
import type { ActionRequest, CommandRequest } from './request.js';

type AnyRequest = CommandRequest | ActionRequest;

/**
 * A check a command declares once and that runs before it (sapphire's preconditions): undefined
 * lets the request through, a Reply is the refusal the person sees instead.
 */
export type Guard<Args> = (args: Args, request: AnyRequest) => Reply | undefined;

/** Only leads (LEAD_IDS, a leads group or role, as the adapter says) may do what `covers` selects. */
export function leadsOnly<Args>(covers: (args: Args) => boolean, refusal: (request: AnyRequest) => Reply): Guard<Args> {
  return (args, request) => (covers(args) && !request.user.isLead ? refusal(request) : undefined);
}

/** `run` behind its guards: the first refusal answers, else `run` does. */
export function guarded<Args, R extends AnyRequest, Out>(guards: readonly Guard<Args>[], run: (args: Args, request: R) => Out): (args: Args, request: R) => Out | Reply {
  return (args, request) => {
    for (const guard of guards) {
      const refusal = guard(args, request);
      if (refusal) return refusal;
    }
    return run(args, request);
  };
}
