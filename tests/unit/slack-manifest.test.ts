import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commandDescriptions } from '../../commands/index.js';

describe('Slack app manifests', () => {
  it.each(['socket-mode', 'http'])('%s manifest declares every command, App Home and the scopes the adapter uses', (mode) => {
    const manifest = parse(readFileSync(new URL(`../../slack/manifest.${mode}.yaml`, import.meta.url), 'utf8'));
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(commandDescriptions.map((c) => `/${c.name}`).sort());
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'usergroups:read', 'im:history', 'channels:history', 'groups:history']));
    expect(manifest.settings.socket_mode_enabled).toBe(mode === 'socket-mode');
  });
});
