import { isValidTimeZone } from './dates.js';
import type { Logger } from 'pino';
import type { Command, Suggestion } from './command.js';
import type { Locale } from '../i18n/locale.js';
import type { Platform, Request, Requester } from './request.js';
import { homeReply, type HomeSection } from './home.js';
import { degradeFor } from './degrade.js';
import { capabilitiesOf } from './platform.js';
import { privateReply, type Reply } from './reply.js';
import { messagesFor } from '../i18n/index.js';

export interface Router {
  readonly commands: readonly Command<any>[];
  handle(request: Request): Promise<Reply>;
  /** Autocomplete choices; a failure is logged and yields none, never an error to the person. */
  suggest(command: string, text: string, locale: Locale): Suggestion[];
  /** The person's start page (Slack App Home): every command's help plus their own sections. */
  home(user: Requester, platform: Platform): Promise<Reply>;
}

/**
 * Sends each request to its command behind an error boundary: a failure is logged with
 * its context (never the typed text) and the person gets a short localised apology.
 */
export interface RouterContext {
  log: Logger;
  /** The start page's own sections (open promises …), in order, under the intro. */
  homeSections?: readonly HomeSection[];
}

export function createRouter(commands: readonly Command<any>[], context: RouterContext): Router {
  const byName = new Map(commands.map((c) => [c.name, c]));

  async function dispatch(request: Request): Promise<Reply> {
    const command = byName.get(request.command);
    const m = messagesFor(request.user.locale);
    if (!command) {
      const known = commands.map((c) => `/${c.name}`).join(', ');
      return privateReply(undefined, [{ type: 'text', text: m.common.unknownCommand(request.command, known) }], 'warning');
    }
    if (request.kind === 'action') {
      if (!command.onAction) throw new Error(`/${command.name} has no actions`);
      return command.onAction(request);
    }
    const parsed = command.args.safeParse(command.toArgs(request.text));
    if (!parsed.success) return command.usage(request, parsed.error.issues);
    return command.run(parsed.data, request);
  }

  return {
    commands,
    async home(user, platform) {
      const page = homeReply(commands, user.locale);
      let at = 1;
      for (const [index, section] of (context.homeSections ?? []).entries()) {
        try {
          const blocks = await section(user, platform);
          if (blocks.length) page.blocks.splice(at, 0, ...blocks, { type: 'divider' });
          at += blocks.length ? blocks.length + 1 : 0;
        } catch (error) {
          context.log.error({ err: error, section: index }, 'home section failed');
        }
      }
      return page;
    },
    suggest(name, text, locale) {
      try {
        return byName.get(name)?.suggest?.(text, locale) ?? [];
      } catch (error) {
        context.log.error({ err: error, command: name }, 'suggestions failed');
        return [];
      }
    },
    async handle(request) {
      try {
        // Made fit for the surface the person used here, once, so no renderer special-cases one.
        return degradeFor(capabilitiesOf(request), await dispatch(withKnownZone(request)));
      } catch (error) {
        context.log.error(
          // No user id: for /calm even the fact that someone used it is private.
          { err: error, command: request.command, kind: request.kind, platform: request.platform },
          'command failed',
        );
        return privateReply(undefined, [{ type: 'text', text: messagesFor(request.user.locale).common.internalError }], 'error');
      }
    },
  };
}

/**
 * A zone the platform gave that this system does not know (a Slack profile zone missing from
 * ICU) must not reach the commands: times would fail to read and lists to show. It is dropped,
 * so the team's zone applies, and kept as `unknownTimeZone` so the reply can say so.
 */
function withKnownZone(request: Request): Request {
  const zone = request.user.timeZone;
  if (!zone || isValidTimeZone(zone)) return request;
  const { timeZone: _unknown, ...user } = request.user;
  return { ...request, user: { ...user, unknownTimeZone: zone } };
}

/** Splits a typed line such as `/script 限速` into command name and text; undefined if it is not a command. */
export function parseSlashLine(line: string): { command: string; text: string } | undefined {
  const m = /^\s*[/／]([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u.exec(line);
  if (!m) return undefined;
  return { command: m[1]!.toLowerCase(), text: (m[2] ?? '').trim() };
}
