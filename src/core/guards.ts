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

/**
 * `run` behind its guards: the first refusal answers, else `run` does. Guards that answer at once
 * are checked at once (no extra turn of the event loop before `run`); an async one is awaited.
 */
export function guarded<Args, R extends AnyRequest, Out>(guards: readonly Guard<Args>[], run: (args: Args, request: R) => Out): (args: Args, request: R) => Out | Reply | Promise<Awaited<Out> | Reply> {
  const from = (first: number, args: Args, request: R): Out | Reply | Promise<Awaited<Out> | Reply> => {
    for (let i = first; i < guards.length; i++) {
      const refusal = guards[i]!(args, request);
      if (refusal instanceof Promise) {
        return refusal.then(async (r): Promise<Awaited<Out> | Reply> => {
          if (r) return r;
          const answer: Awaited<Out> | Reply = await from(i + 1, args, request);
          return answer;
        });
      }
      if (refusal) return refusal;
    }
    return run(args, request);
  };
  return (args, request) => from(0, args, request);
}
