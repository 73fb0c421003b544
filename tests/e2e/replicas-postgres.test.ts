import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody, type RecordedCall } from '../helpers/fake-slack.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { RunningProcess, slackPortOf } from '../helpers/process.js';

const server = testPostgresUrl('two bot replicas on PostgreSQL, one killed');
const SECRET = 'replicas-signing-secret';
const OWNER = 'UOWNER1';
const LEAD = 'ULEAD01';
const REMIND_BEFORE_MS = 20_000;
const ESCALATE_AFTER_MS = 6_000;

type Button = { action_id: string; value: string; text: { text: string } };
type Blocks = { type: string; text?: { text: string }; elements?: Button[] }[];
const blocksOf = (body: Record<string, unknown>): Blocks => (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as Blocks;
const textOf = (body: Record<string, unknown>): string => JSON.stringify(blocksOf(body) ?? []) + String(body.text ?? '');

/** When each Slack call was first seen by the test (the fake keeps no times), polled every 20 ms. */
function timeCalls(slack: FakeSlack): { seenAt: Map<RecordedCall, number>; stop(): void } {
  const seenAt = new Map<RecordedCall, number>();
  const timer = setInterval(() => {
    for (const call of slack.calls) if (!seenAt.has(call)) seenAt.set(call, Date.now());
  }, 20);
  return { seenAt, stop: () => clearInterval(timer) };
}

describe.runIf(server)('two replicas on PostgreSQL, Slack over HTTP, one SIGKILLed while reminders fall due', () => {
  let slack: FakeSlack;
  let db: { url: string; drop(): Promise<void> };
  const bots: RunningProcess[] = [];
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    slack.users = { [OWNER]: { locale: 'en-GB', tz: 'UTC' } };
    db = await createTestDatabase(server!);
  });
  afterAll(async () => {
    for (const bot of bots) bot.kill();
    await Promise.all(bots.map((b) => b.exited));
    await slack?.stop();
    await db?.drop();
  });

  const start = (name: string) => {
    const bot = new RunningProcess('node', ['dist/src/main.js'], {
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      CONSOLE: 'off',
      KNOWLEDGE_WATCH: 'off',
      TEAM_TIMEZONE: 'UTC',
      DEFAULT_LOCALE: 'en',
      LEAD_IDS: LEAD,
      PROMISE_REMIND_BEFORE: `${REMIND_BEFORE_MS / 1000}s`,
      PROMISE_ESCALATE_AFTER: `${ESCALATE_AFTER_MS / 1000}s`,
      JOB_VISIBILITY_TIMEOUT: '2s',
      REPLICA_NAME: name,
    });
    bot.child.stdin.end();
    bots.push(bot);
    return bot;
  };

  it('every heads-up, due reminder and escalation reaches its person once, on time, and Done through the survivor closes it', { timeout: 180_000 }, async () => {
    const [doomed, survivor] = [start('a'), start('b')];
    const [doomedPort, survivorPort] = await Promise.all([slackPortOf(doomed, 60_000), slackPortOf(survivor, 60_000)]);
    const times = timeCalls(slack);
    try {
      // Three promises made through the replica that will die, due in a minute.
      for (const n of [1, 2, 3]) {
        const body = slashCommandBody({ command: '/promise', text: `1m call back customer ${n}`, userId: OWNER, responseUrl: slack.responseUrl(`make${n}`) });
        expect((await postSigned(`http://127.0.0.1:${doomedPort}/slack/events`, SECRET, body)).status).toBe(200);
        await slack.waitForResponse(`make${n}`, 15_000);
      }
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const promises = (await client.query<{ id: string; due_at: Date }>(`SELECT id, due_at FROM promises WHERE status = 'open' ORDER BY id`)).rows;
      expect(promises).toHaveLength(3);
      const due = Math.max(...promises.map((p) => p.due_at.getTime()));
      const firstDue = Math.min(...promises.map((p) => p.due_at.getTime()));

      // Killed half-way between the heads-ups and the due reminders: no more beats, no goodbye.
      const killAt = firstDue - REMIND_BEFORE_MS / 2;
      await new Promise((r) => setTimeout(r, killAt - Date.now()));
      doomed.kill();
      await doomed.exited;
      const killedAt = Date.now();

      await new Promise((r) => setTimeout(r, due + ESCALATE_AFTER_MS + 8_000 - Date.now()));
      const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && !c.failed);
      for (const p of promises) {
        const dueAt = p.due_at.getTime();
        const about = (channel: string) => posts.filter((c) => c.body.channel === channel && textOf(c.body).includes(p.id));
        const toOwner = about(OWNER);
        const toLead = about(LEAD);
        // Heads-up and due reminder to the owner, the escalation to the lead: once each.
        expect(toOwner, `owner messages for ${p.id}: ${toOwner.map((c) => textOf(c.body)).join('\n')}`).toHaveLength(2);
        expect(toLead, `lead messages for ${p.id}`).toHaveLength(1);
        const [headsUp, dueReminder] = toOwner.map((c) => times.seenAt.get(c)!);
        const escalation = times.seenAt.get(toLead[0]!)!;
        expect(Math.abs(headsUp! - (dueAt - REMIND_BEFORE_MS))).toBeLessThan(2000);
        expect(Math.abs(dueReminder! - dueAt)).toBeLessThan(2000);
        expect(Math.abs(escalation - (dueAt + ESCALATE_AFTER_MS))).toBeLessThan(2000);
        // After the kill: the survivor sent these.
        expect(dueReminder).toBeGreaterThan(killedAt);
      }

      // The owner presses Done on a due reminder; the press reaches the survivor.
      const target = promises[0]!;
      const dueMessage = posts.filter((c) => c.body.channel === OWNER && textOf(c.body).includes(target.id)).at(-1)!;
      const done = blocksOf(dueMessage.body).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((b) => /done/i.test(b.text.text))!;
      expect(done).toBeDefined();
      const pressBody = blockActionBody({ userId: OWNER, actionId: done.action_id, value: done.value, label: done.text.text, responseUrl: slack.responseUrl('done'), dm: true });
      expect((await postSigned(`http://127.0.0.1:${survivorPort}/slack/events`, SECRET, pressBody)).status).toBe(200);
      const deadline = Date.now() + 15_000;
      let status = 'open';
      while (status === 'open' && Date.now() < deadline) {
        status = (await client.query<{ status: string }>('SELECT status FROM promises WHERE id = $1', [target.id])).rows[0]!.status;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('done');
      await client.end();
      expect(survivor.child.exitCode).toBeNull();
    } finally {
      times.stop();
    }
  });
});
