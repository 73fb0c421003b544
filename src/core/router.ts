import type { Command, CommandContext, Suggestion } from './command.js';
import type { Locale } from './locale.js';
import type { Request } from './request.js';
import { privateReply, type Reply } from './reply.js';
import { messagesFor } from '../i18n/index.js';

export interface Router {
  readonly commands: readonly Command<any>[];
  handle(request: Request): Promise<Reply>;
  /** Autocomplete choices; a failure is logged and yields none, never an error to the person. */
  suggest(command: string, text: string, locale: Locale): Suggestion[];
}

/**
 * Sends each request to its command behind an error boundary: a failure is logged with
 * its context (never the typed text) and the person gets a short localised apology.
 */
export function createRouter(commands: readonly Command<any>[], context: CommandContext): Router {
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
      return command.onAction(request, context);
    }
    const parsed = command.args.safeParse(command.toArgs(request.text));
    if (!parsed.success) return command.usage(request, parsed.error.issues);
    return command.run(parsed.data, request, context);
  }

  return {
    commands,
    suggest(name, text, locale) {
      try {
        return byName.get(name)?.suggest?.(text, locale, context) ?? [];
      } catch (error) {
        context.log.error({ err: error, command: name }, 'suggestions failed');
        return [];
      }
    },
    async handle(request) {
      try {
        return await dispatch(request);
      } catch (error) {
        context.log.error(
          { err: error, command: request.command, kind: request.kind, platform: request.platform, user: request.user.id },
          'command failed',
        );
        return privateReply(undefined, [{ type: 'text', text: messagesFor(request.user.locale).common.internalError }], 'error');
      }
    },
  };
}

/** Splits a typed line such as `/script 限速` into command name and text; undefined if it is not a command. */
export function parseSlashLine(line: string): { command: string; text: string } | undefined {
  const m = /^\s*[/／]([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u.exec(line);
  if (!m) return undefined;
  return { command: m[1]!.toLowerCase(), text: (m[2] ?? '').trim() };
}
