import { describe } from 'vitest';
import { adapterContract } from './adapter-contract.js';
import type { AdapterDriver } from './driver.js';
import { consoleDriver } from './drivers/console.js';
import { discordDriver, discordHttpDriver } from './drivers/discord.js';
import { feishuDriver } from './drivers/feishu.js';
import { slackDriver } from './drivers/slack.js';

/** Every adapter the bot ships; a new platform adds its driver here. */
const drivers: (() => AdapterDriver)[] = [consoleDriver, slackDriver, discordDriver, discordHttpDriver, feishuDriver];

describe.each(drivers.map((make) => make()))('adapter contract on the running bot: $name', (driver) => adapterContract(driver));
