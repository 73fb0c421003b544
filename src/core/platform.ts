import { z } from 'zod';

/**
 * A chat platform's name ('slack', 'discord', 'console', 'feishu' …). An open name: each adapter
 * brings its own and registers it at wiring time (main.ts); nothing in core lists them.
 */
export const Platform = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'is not a platform name (lowercase letters, digits, -)');
export type Platform = z.infer<typeof Platform>;

/**
 * What a platform can show. Each adapter declares its own once and puts it on every request, so a
 * command asks "can this surface edit a message?" instead of "is this the console?".
 */
export const Capabilities = z.object({
  /** Reply actions are pressable buttons (else degradeFor, src/core/degrade.ts, turns them into what to type). */
  buttons: z.boolean(),
  /** `Reply.form` opens a form (else degradeFor drops it and its blocks, saying what to type, stand). */
  forms: z.boolean(),
  /** A sent message can be changed in place (Outbox.update, replacesOriginal). */
  edits: z.boolean(),
  /** A private reply in a shared place is seen by the asker alone. */
  ephemeral: z.boolean(),
  /** The bot can open a direct conversation with a person on its own. */
  directMessages: z.boolean(),
});
export type Capabilities = z.infer<typeof Capabilities>;

/** A chat app with buttons, forms, edits, ephemeral answers and DMs (Slack, Discord, Feishu). */
export const FULL_CHAT: Capabilities = { buttons: true, forms: true, edits: true, ephemeral: true, directMessages: true };

/** Lines of text and nothing else (a terminal, a one-shot CLI). */
export const TEXT_ONLY: Capabilities = { buttons: false, forms: false, edits: false, ephemeral: false, directMessages: false };

/**
 * A colleague named in typed text. The adapter turns its platform's mention syntax into one of
 * these before the command sees the text, and leaves `typed` in the text where the mention was.
 */
export const PersonRef = z.object({
  /** The adapter's opaque address for the person (a Slack user id, a Feishu open_id …). */
  address: z.string().min(1),
  name: z.string().optional(),
  /** What now stands in the text in place of the mention, e.g. `@ann`. */
  typed: z.string().min(1),
});
export type PersonRef = z.infer<typeof PersonRef>;

/**
 * How an adapter reads the ids people write in settings (LEAD_IDS, LEADS_CHANNEL) and in
 * messages. Each answers undefined for an id that is not its platform's, so one list can hold
 * ids of several platforms.
 */
export interface AddressBook {
  platform: Platform;
  /** The address of a person written as `raw`, or undefined when it is not one of this platform's. */
  person(raw: string): string | undefined;
  /** The address of a place (channel, group chat) written as `raw`, or undefined. */
  place(raw: string): string | undefined;
  /**
   * A colleague typed in a message without a mention (a bare id): their address, or undefined when
   * the text cannot name one of this platform's people. `person` when absent.
   */
  colleague?(typed: string): string | undefined;
}

/** Text with the platform's mentions replaced by `@name`, and the people they named. */
export interface ResolvedText {
  text: string;
  mentions: PersonRef[];
}

/** What the request's surface can show (a full chat app when the adapter did not say). */
export function capabilitiesOf(request: { capabilities?: Capabilities | undefined }): Capabilities {
  return request.capabilities ?? FULL_CHAT;
}

/** The address books of the platforms this process serves, registered by each adapter at wiring time. */
export class AddressBooks {
  readonly #books = new Map<Platform, AddressBook>();

  constructor(books: readonly AddressBook[] = []) {
    for (const book of books) this.register(book);
  }

  register(book: AddressBook): void {
    this.#books.set(book.platform, book);
  }

  of(platform: Platform): AddressBook | undefined {
    return this.#books.get(platform);
  }

  /** Entries of a setting that no registered platform reads as a person (or place): typos, or ids of a platform not wired. */
  unclaimed(ids: readonly string[], kind: 'person' | 'place'): string[] {
    return ids.filter((id) => ![...this.#books.values()].some((book) => book[kind](id) !== undefined));
  }
}
