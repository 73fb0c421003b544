import { Writable, PassThrough } from 'node:stream';
import pino from 'pino';
import { ConsoleAdapter } from '../../../../src/adapters/console/console-adapter.js';
import { CONSOLE_OPERATOR, consoleCapabilities } from '../../../../src/adapters/console/console-platform.js';
import type { AdapterDriver, SeenReply } from '../driver.js';
import { settled } from '../settle.js';

/** The console: lines typed on its input, one printed message per write on its output. */
export function consoleDriver(): AdapterDriver {
  const printed: string[] = [];
  const input = new PassThrough();
  let adapter: ConsoleAdapter | undefined;
  const ACTION = /^\s*\[\d+\] (.+?)  →  (.+)$/;
  const DM = /^\[→ (\S+) #\d+\]\n/;
  const EDIT = /^\[#\d+ updated\]\n/;
  const seen = (text: string): SeenReply => ({
    private: true,
    text,
    actions: text.split('\n').flatMap((l) => (ACTION.test(l) ? [{ label: ACTION.exec(l)![1]!, typed: ACTION.exec(l)![2]! }] : [])),
  });
  async function type(line: string): Promise<SeenReply[]> {
    const from = printed.length;
    input.write(`${line}\n`);
    await settled(() => printed.length, from);
    return printed.slice(from).filter((p) => !DM.test(p) && !EDIT.test(p)).map(seen);
  }
  return {
    name: 'console',
    capabilities: consoleCapabilities,
    person: CONSOLE_OPERATOR,
    async start(router) {
      const output = new Writable({ write: (chunk, _enc, done) => { printed.push(String(chunk)); done(); } });
      adapter = new ConsoleAdapter({ router, input, output, locale: 'en', timeZone: 'UTC', isLead: true, log: pino({ level: 'silent' }), banner: () => [], onClose: () => undefined });
      adapter.start();
      return adapter;
    },
    async stop() {
      adapter?.close();
    },
    command: (_user, name, text) => type(`/${name} ${text}`.trim()),
    // A button cannot be pressed in a terminal: the person types what the button shows.
    press: (_user, shown, index) => type((shown.actions[index] as { typed?: string } | undefined)?.typed ?? `(no action ${index})`),
    submit: () => Promise.reject(new Error('the console declares no forms')),
    directMessages: async (user) => printed.filter((p) => DM.exec(p)?.[1] === user).map((p) => seen(p.replace(DM, ''))),
    edits: async () => printed.filter((p) => EDIT.test(p)).map((p) => seen(p.replace(EDIT, ''))),
  };
}
