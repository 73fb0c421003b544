import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { Locale, type Locale as LocaleT } from '../../i18n/locale.js';
import { deliver, type ChannelTarget, type Outbox, type Recipient, type SentMessage } from '../../core/outbox.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../core/router.js';
import { parseSlashLine } from '../../core/router.js';
import { parsePage } from '../../core/pager.js';
import { messagesFor } from '../../i18n/index.js';
import { renderText } from './render-text.js';
import { CONSOLE, CONSOLE_OPERATOR, consoleAddresses, consoleCapabilities } from './console-platform.js';

/** Typed after a paged list, as a person asks for the next or the previous page. */
const NEXT_PAGE = /^(?:more|next|next\s+page|n|更多|下一?页|下一?頁)[.。!！]?$/i;
const PREVIOUS_PAGE = /^(?:prev|previous|back|previous\s+page|上一?页|上一?頁)[.。!！]?$/i;

export interface ConsoleOptions {
  router: Router;
  input: Readable;
  output: Writable;
  locale: LocaleT;
  timeZone: string;
  /** The person at the console may use leads-only commands (see LEAD_IDS in .env.example). */
  isLead?: boolean;
  log: Logger;
  /** Shown under the banner, e.g. how to connect a chat platform. */
  banner: (locale: LocaleT) => string[];
  /** Called once when the input ends or the person types /quit. */
  onClose: () => void;
}

/**
 * The local console: one person typing slash commands, answered exactly as in chat.
 * Lines are handled one at a time, in order, so piped input gets its replies in sequence.
 */
export class ConsoleAdapter implements Outbox {
  /** The platform name this adapter registers under, and how it reads its people. */
  readonly platform = CONSOLE;
  readonly addresses = consoleAddresses;
  readonly capabilities = consoleCapabilities;
  readonly #options: ConsoleOptions;
  #locale: LocaleT;
  #rl: Interface | undefined;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  #sent = 0;
  /** Messages sent on the bot's own by delivery key and target, for resend. */
  readonly #printedKeys = new Map<string, SentMessage>();
  /** The Previous/Next of the last paged list shown, so `page N` turns to another of its pages. */
  #pages: Reply['pager'];

  constructor(options: ConsoleOptions) {
    this.#options = options;
    this.#locale = options.locale;
  }

  start(): void {
    const { input, output } = this.#options;
    const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
    this.#rl = createInterface({ input, output, terminal: interactive, prompt: 'frontline> ' });
    this.#print(this.#options.banner(this.#locale).join('\n'));
    if (interactive) this.#rl.prompt();
    this.#rl.on('line', (line) => {
      this.#queue = this.#queue.then(() => this.#handle(line)).then(() => {
        if (interactive && !this.#closed) this.#rl?.prompt();
      });
    });
    this.#rl.on('close', () => {
      void this.#queue.then(() => this.#finish());
    });
  }

  close(): void {
    this.#rl?.close();
  }

  /** Messages the bot sends on its own (through PlatformOutbox, registered with `capabilities`) are printed, marked with who they are for. */
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.#printFor(to.userId, to.userId, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#printFor(to.channel, `#${to.channel}`, reply);
  }

  /** What this terminal already shows under the delivery key is not printed again. */
  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    const channel = 'userId' in to ? to.userId : to.channel;
    return (reply.deliveryKey && this.#printedKeys.get(`${reply.deliveryKey}@${channel}`)) || deliver(this, to, reply);
  }

  #printFor(channel: string, label: string, reply: Reply): SentMessage {
    const id = String(++this.#sent);
    this.#print(`[→ ${label} #${id}]\n${this.#render(reply)}\n`);
    const sent = { platform: CONSOLE, channel, id };
    if (reply.deliveryKey) this.#printedKeys.set(`${reply.deliveryKey}@${channel}`, sent);
    return sent;
  }

  async update(message: SentMessage, reply: Reply): Promise<void> {
    this.#print(`[#${message.id} updated]\n${this.#render(reply)}\n`);
  }

  /**
   * What the bot sends on its own arrives already made fit for a terminal: the one outbox
   * (PlatformOutbox) degrades it by `capabilities`, as the router does for answers, so it is
   * degraded once and this adapter only prints.
   */
  #render(reply: Reply): string {
    return renderText(reply);
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#options.onClose();
  }

  #print(text: string): void {
    this.#options.output.write(`${text}\n`);
  }

  async #handle(raw: string): Promise<void> {
    const line = raw.trim();
    if (!line) return;
    const m = messagesFor(this.#locale);
    const page = /^(?:page|p|第|页|頁)\s*\d/i.test(line) ? parsePage([line]) : undefined;
    if (page !== undefined) return this.#turnTo(page);
    const step = NEXT_PAGE.test(line) ? 1 : PREVIOUS_PAGE.test(line) ? -1 : 0;
    // Past either end, the list shows its first or last page again.
    if (step) return this.#turnTo((this.#pages?.page ?? 1) + step);
    const slash = parseSlashLine(line);
    if (!slash) return this.#print(m.console.notACommand);
    if (slash.command === 'quit' || slash.command === 'exit') {
      this.#print(m.console.bye);
      this.close();
      return;
    }
    if (slash.command === 'help') {
      const lines = this.#options.router.commands.map((c) => `  /${c.name.padEnd(22)} ${c.summary(m)}`).join('\n');
      return this.#print(m.console.help(lines));
    }
    if (slash.command === 'locale') {
      const parsed = Locale.safeParse(slash.text);
      if (!parsed.success) return this.#print(m.console.localeUsage);
      this.#locale = parsed.data;
      return this.#print(messagesFor(this.#locale).console.localeSet(this.#locale));
    }
    const reply = await this.#options.router.handle({
      kind: 'command',
      platform: CONSOLE,
      capabilities: consoleCapabilities,
      user: { id: CONSOLE_OPERATOR, locale: this.#locale, timeZone: this.#options.timeZone, isLead: this.#options.isLead ?? false },
      command: slash.command,
      text: slash.text,
      localeExplicit: false,
    });
    this.#show(reply);
  }

  /** An answer from the router, already made fit for a terminal (its buttons are what to type). */
  #show(reply: Reply): void {
    this.#pages = reply.pager;
    this.#print(`${renderText(reply)}\n`);
  }

  /** `page N` typed after a paged list: that page, as if its button had been pressed. */
  async #turnTo(page: number): Promise<void> {
    if (!this.#pages) return this.#print(messagesFor(this.#locale).console.noPages);
    const reply = await this.#options.router.handle({
      kind: 'action',
      platform: CONSOLE,
      capabilities: consoleCapabilities,
      user: { id: CONSOLE_OPERATOR, locale: this.#locale, timeZone: this.#options.timeZone, isLead: this.#options.isLead ?? false },
      command: this.#pages.command,
      actionId: this.#pages.actionId,
      value: String(page),
      localeExplicit: false,
    });
    this.#show(reply);
  }
}
