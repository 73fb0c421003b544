import type { Capabilities } from '../../../src/core/platform.js';
import type { Form, Reply } from '../../../src/core/reply.js';
import type { Outbox } from '../../../src/core/outbox.js';
import type { Router } from '../../../src/core/router.js';

/** One message as the fake platform received it, in the same shape for every adapter. */
export interface SeenReply {
  /** Seen by the asker alone (ephemeral, or a terminal nobody else reads). */
  private: boolean;
  /** Every visible text of the message, joined. */
  text: string;
  actions: { label: string }[];
  /** The form the platform was asked to open (Slack modal, Discord modal). */
  form?: Form;
  /** The message replaced the one whose button was pressed. */
  replaced?: boolean;
}

/**
 * Drives one real adapter against its fake platform. Adding a platform to the contract suite is
 * one file implementing this, plus one line in adapters.contract.test.ts.
 */
export interface AdapterDriver {
  name: string;
  /** The platform name requests and promises carry, when it is not `name` (two transports of one platform). */
  platform?: string;
  capabilities: Capabilities;
  /** A person's address on this platform (the console has one operator). */
  person: string;
  /** A colleague the person can mention, as the platform types them; absent where nobody can be mentioned. */
  colleague?: { address: string; mention: string };
  /** Starts the adapter on `router`; answers the adapter as the outbox the bot sends through. */
  start(router: Router): Promise<Outbox>;
  stop(): Promise<void>;
  command(user: string, name: string, text: string): Promise<SeenReply[]>;
  press(user: string, seen: SeenReply, actionIndex: number): Promise<SeenReply[]>;
  submit(user: string, form: Form, answers: Record<string, string>): Promise<SeenReply[]>;
  directMessages(user: string): Promise<SeenReply[]>;
  edits(): Promise<SeenReply[]>;
  /** Calls the fake platform refused so far (a limit broken), checked after every case; absent where it refuses nothing. */
  refusals?(): string[];
}

export type { Reply };
