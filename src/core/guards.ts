import type { Reply } from './reply.js';
import type { ActionRequest, CommandRequest, Platform } from './request.js';

type AnyRequest = CommandRequest | ActionRequest;

/**
 * A check a command declares once and that runs before it (sapphire's preconditions): undefined
 * lets the request through, a Reply is the refusal the person sees instead.
 */
export type Guard<Args> = (args: Args, request: AnyRequest) => Reply | undefined | Promise<Reply | undefined>;

/** Who something belongs to, as the platform addresses them. */
export interface Owner {
  platform: Platform;
  userId: string;
}

/** Only leads (LEAD_IDS, a leads group or role, as the adapter says) may do what `covers` selects. */
export function leadsOnly<Args>(covers: (args: Args) => boolean, refusal: (request: AnyRequest) => Reply): Guard<Args> {
  return (args, request) => (covers(args) && !request.user.isLead ? refusal(request) : undefined);
}

/**
 * Only the owner of what `ownerOf` finds (a promise), or a lead acting for the team, may change
 * it. Nothing found (no such thing, or args that change nothing of anyone's) lets the request
 * through: the command answers that itself.
 */
export function ownerOrLead<Args>(ownerOf: (args: Args) => Owner | undefined | Promise<Owner | undefined>, refusal: (args: Args, request: AnyRequest) => Reply): Guard<Args> {
  return async (args, request) => {
    if (request.user.isLead) return undefined;
    const owner = await ownerOf(args);
    const own = !owner || (owner.platform === request.platform && owner.userId === request.user.id);
    return own ? undefined : refusal(args, request);
  };
}

/** `run` behind its guards: the first refusal answers, else `run` does. */
export function guarded<Args, R extends AnyRequest, Out>(guards: readonly Guard<Args>[], run: (args: Args, request: R) => Out): (args: Args, request: R) => Promise<Awaited<Out> | Reply> {
  return async (args, request): Promise<Awaited<Out> | Reply> => {
    for (const guard of guards) {
      const refusal = await guard(args, request);
      if (refusal) return refusal;
    }
    const answer: Awaited<Out> = await run(args, request);
    return answer;
  };
}
