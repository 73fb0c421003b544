import { REST, Routes } from 'discord.js';
import { commandDescriptions } from '../../commands/index.js';
import { discordCommandDefinitions } from '../adapters/discord/command-definitions.js';
import { DISCORD_INTERACTIONS_PATH } from '../adapters/discord/http-interactions.js';
import { loadConfig, loadDotEnv } from '../config.js';

/**
 * `npm run discord:register`: registers the slash commands with their options and zh-CN/zh-TW
 * descriptions. With DISCORD_GUILD_ID they go to that server and appear at once; without it
 * they are global, which Discord can take up to an hour to show everywhere. With DISCORD_PUBLIC_KEY
 * and PUBLIC_URL it also prints the Interactions Endpoint URL to paste into the Developer Portal.
 */
async function main(): Promise<number> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: app, DISCORD_GUILD_ID: guild, DISCORD_API_URL: api, DISCORD_PUBLIC_KEY: publicKey, PUBLIC_URL: publicUrl } = loaded.config;
  if (!token || !app) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see .env.example).\n');
    return 2;
  }
  const rest = new REST(api ? { api: api.replace(/\/$/, '') } : {}).setToken(token);
  const body = discordCommandDefinitions(commandDescriptions);
  await rest.put(guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app), { body });
  process.stdout.write(`Registered ${body.map((c) => `/${c.name}`).join(', ')} ${guild ? `in guild ${guild}` : 'globally (may take up to an hour to appear)'}.\n`);
  if (publicKey && publicUrl) {
    const endpoint = `${publicUrl.replace(/\/+$/, '')}${DISCORD_INTERACTIONS_PATH}`;
    process.stdout.write(`Interactions Endpoint URL (paste it in Developer Portal → General Information): ${endpoint}\n`);
  } else if (publicKey) {
    process.stdout.write(`Set PUBLIC_URL to print the Interactions Endpoint URL; the bot answers at ${DISCORD_INTERACTIONS_PATH} on PORT.\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`discord:register failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
