import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('config from the environment', () => {
  it('runs on defaults with nothing set', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.KNOWLEDGE_DIR).toBe('./knowledge');
      expect(result.config.DEFAULT_LOCALE).toBe('zh-CN');
      expect(result.config.CONSOLE).toBe('auto');
      expect(result.config.KNOWLEDGE_WATCH).toBe(true);
    }
  });

  it('treats empty values as unset, so .env.example can be copied as it is', () => {
    const result = loadConfig({ TEAM_TIMEZONE: '', DEFAULT_LOCALE: '  ' });
    expect(result.ok && result.config.DEFAULT_LOCALE).toBe('zh-CN');
  });

  it('parses flags and locales', () => {
    const result = loadConfig({ KNOWLEDGE_WATCH: 'off', DEFAULT_LOCALE: 'zh-TW', TEAM_TIMEZONE: 'Asia/Hong_Kong' });
    expect(result.ok && result.config).toMatchObject({ KNOWLEDGE_WATCH: false, DEFAULT_LOCALE: 'zh-TW', TEAM_TIMEZONE: 'Asia/Hong_Kong' });
  });

  it('stops with one clear message naming each bad variable and its value', () => {
    const result = loadConfig({ TEAM_TIMEZONE: 'Mars/Olympus', DEFAULT_LOCALE: 'fr' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('TEAM_TIMEZONE="Mars/Olympus" is not an IANA time zone');
      expect(result.message).toContain('DEFAULT_LOCALE="fr" must be one of');
      expect(result.message).toContain('.env.example');
      expect(result.message).not.toContain('\n');
    }
  });
});

describe('digest schedule (PROMISE_DIGEST_CRON)', () => {
  it('takes five cron fields on either store, and says so for a six-field one', () => {
    expect(loadConfig({ PROMISE_DIGEST_CRON: '30 7 * * 1-5' }).ok).toBe(true);
    const withSeconds = loadConfig({ PROMISE_DIGEST_CRON: '0 0 8 * * *' });
    expect(withSeconds.ok).toBe(false);
    if (!withSeconds.ok) expect(withSeconds.message).toContain('PROMISE_DIGEST_CRON="0 0 8 * * *" takes five fields (minute hour day month weekday)');
  });

  it('takes only what both schedulers read alike, so a pattern the PostgreSQL job engine cannot read is a config error, not a failed start', async () => {
    const { parseCronItems } = await import('graphile-worker');
    const engineReads = (p: string) => {
      try {
        parseCronItems([{ task: 'digest', match: p, identifier: 'digest' }]);
        return true;
      } catch {
        return false;
      }
    };
    const good = ['0 8,16 * * *', '30 7 * * 1-5', '*/15 8-17 * * 1,3,5', '0 9 1 1-12 7', ' 0  8 * * * '];
    const bad = ['0 8 * * MON-FRI', '0 9-17/2 * * *', '0 8 * JAN *', '0 24 * * *', '0 8 0 * *', '0 8 * * 5-1', '*/0 * * * *', '0 8 * * ?', 'every day'];
    for (const p of good) expect([p, loadConfig({ PROMISE_DIGEST_CRON: p }).ok, engineReads(p.trim().split(/\s+/).join(' '))]).toEqual([p, true, true]);
    for (const p of bad) expect([p, loadConfig({ PROMISE_DIGEST_CRON: p }).ok]).toEqual([p, false]);
    const named = loadConfig({ PROMISE_DIGEST_CRON: '0 8 * * MON-FRI' });
    if (!named.ok) expect(named.message).toContain('PROMISE_DIGEST_CRON="0 8 * * MON-FRI" has "MON-FRI" as its weekday: use numbers 0-7');
    expect(engineReads('0 8 * * MON-FRI')).toBe(false);
  });
});

describe('team working day (TEAM_DAY_END, TEAM_WORKDAYS)', () => {
  it('defaults to 18:00, Monday to Friday', () => {
    const result = loadConfig({});
    expect(result.ok && result.config).toMatchObject({ TEAM_DAY_END: { hour: 18, minute: 0 }, TEAM_WORKDAYS: [1, 2, 3, 4, 5] });
  });

  it('reads a day end and workdays as ranges or lists', () => {
    const result = loadConfig({ TEAM_DAY_END: '17:30', TEAM_WORKDAYS: '1-3,5, 6' });
    expect(result.ok && result.config).toMatchObject({ TEAM_DAY_END: { hour: 17, minute: 30 }, TEAM_WORKDAYS: [1, 2, 3, 5, 6] });
    const list = loadConfig({ TEAM_WORKDAYS: '1,2,3,4,5' });
    expect(list.ok && list.config.TEAM_WORKDAYS).toEqual([1, 2, 3, 4, 5]);
  });

  it('names what to type for a bad value', () => {
    const result = loadConfig({ TEAM_DAY_END: '6pm', TEAM_WORKDAYS: 'mon-fri' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('TEAM_DAY_END="6pm" use a 24-hour time such as 18:00');
      expect(result.message).toContain('TEAM_WORKDAYS="mon-fri" use ISO weekdays 1 (Monday) to 7 (Sunday)');
    }
    expect(loadConfig({ TEAM_WORKDAYS: '5-1' }).ok).toBe(false);
    expect(loadConfig({ TEAM_WORKDAYS: '0-8' }).ok).toBe(false);
    expect(loadConfig({ TEAM_DAY_END: '24:00' }).ok).toBe(false);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the config schema reads, each with its default', async () => {
    const { readFileSync } = await import('node:fs');
    const { ConfigSchema } = await import('../../src/config.js');
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => ({ key: m[1]!, value: m[2]! }));
    expect(documented.map((d) => d.key).sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
    const defaults = ConfigSchema.parse({});
    for (const { key, value } of documented) {
      if (value === '') continue;
      const parsed = ConfigSchema.parse({ [key]: value });
      expect(parsed[key as keyof typeof parsed], key).toEqual(defaults[key as keyof typeof defaults]);
    }
  });
});

describe('Slack settings', () => {
  it('needs an app token or a signing secret with the bot token, and says which', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('SLACK_BOT_TOKEN="…" is set, but Slack also needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  });

  it('never echoes a secret in an error', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xapp-wrong-kind-of-token', SLACK_SIGNING_SECRET: 'abcdefghijkl' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('SLACK_BOT_TOKEN="…" should start with xoxb-');
      expect(result.message).not.toContain('xapp-wrong-kind-of-token');
    }
  });

  it('reads HTTP mode settings and lead ids', async () => {
    const { slackMode } = await import('../../src/config.js');
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefghijkl', PORT: '8080', LEAD_IDS: 'U1, U2' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(slackMode(result.config)).toBe('http');
      expect(result.config.PORT).toBe(8080);
      expect(result.config.LEAD_IDS).toEqual(['U1', 'U2']);
    }
  });
});

describe('settings hygiene', () => {
  it('warns about a misspelt or unknown setting that looks like ours, naming the likely one', () => {
    const result = loadConfig({ PROMISE_REMIND_BEFOR: '15m', SLACK_BOT_TOKN: 'xoxb-1', FRONTLINE_MODE: 'x', PATH: '/usr/bin', HOME: '/root' });
    expect(result.ok && result.warnings).toEqual([
      'FRONTLINE_MODE is not a setting this bot reads (see .env.example); it is ignored.',
      'PROMISE_REMIND_BEFOR is not a setting this bot reads; did you mean PROMISE_REMIND_BEFORE?',
      'SLACK_BOT_TOKN is not a setting this bot reads; did you mean SLACK_BOT_TOKEN?',
    ]);
  });

  it('has no warnings for the settings in .env.example', () => {
    const result = loadConfig({ PROMISE_REMIND_BEFORE: '15m', TEAM_TIMEZONE: 'Asia/Taipei' });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('bounds durations: a reminder a week ahead or no escalation delay is a typo', () => {
    const result = loadConfig({ PROMISE_REMIND_BEFORE: '168h', PROMISE_ESCALATE_AFTER: '0m' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('PROMISE_REMIND_BEFORE="168h" must be more than 0 and at most 24h');
      expect(result.message).toContain('PROMISE_ESCALATE_AFTER="0m" must be more than 0 and at most 24h');
    }
  });
});

describe('Feishu settings', () => {
  const app = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'abcdefghijklmnopqrstuvwxyz012345' };

  it('uses the long connection with the app credentials alone, and the request URL once a token or key is set', async () => {
    const { feishuMode } = await import('../../src/config.js');
    const plain = loadConfig(app);
    expect(plain.ok && feishuMode(plain.config)).toBe('long-connection');
    expect(plain.ok && plain.config.FEISHU_DOMAIN).toBe('feishu');
    const http = loadConfig({ ...app, FEISHU_ENCRYPT_KEY: 'key-0123456789', FEISHU_DOMAIN: 'lark' });
    expect(http.ok && feishuMode(http.config)).toBe('http');
    expect(http.ok && http.config.FEISHU_DOMAIN).toBe('lark');
    const none = loadConfig({});
    expect(none.ok && feishuMode(none.config)).toBeUndefined();
  });

  it('needs both credentials, says which one is missing, and never echoes a secret or key', () => {
    const missing = loadConfig({ FEISHU_APP_ID: app.FEISHU_APP_ID });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toContain('FEISHU_APP_SECRET="" is missing');
    const short = loadConfig({ ...app, FEISHU_ENCRYPT_KEY: 'k-sec' });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.message).toContain('FEISHU_ENCRYPT_KEY="…" is too short');
      expect(short.message).not.toContain('k-sec');
    }
    const badId = loadConfig({ ...app, FEISHU_APP_ID: 'app-1' });
    expect(badId.ok).toBe(false);
  });

  it('accepts Feishu open_ids as LEAD_IDS and a chat id as the leads chat', () => {
    const result = loadConfig({ ...app, LEAD_IDS: 'ou_7d8a6e6df7621556ce0d21922b676706ccs, U012ABC', FEISHU_LEADS_CHAT_ID: 'oc_5ad11d72b830411d72b836c20' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.LEAD_IDS).toEqual(['ou_7d8a6e6df7621556ce0d21922b676706ccs', 'U012ABC']);
  });
});
