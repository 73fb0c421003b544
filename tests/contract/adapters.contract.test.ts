import pino from 'pino';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Outbox } from '../../src/core/outbox.js';
import type { Platform } from '../../src/core/platform.js';
import { createRouter } from '../../src/core/router.js';
import { adapterContract, probe, type AdapterDriver } from './adapter-contract.js';
import { feishuDriver } from './drivers/feishu.js';

/** Every adapter's driver; adding a platform adds one line here. */
const drivers: (() => AdapterDriver)[] = [feishuDriver];

describe.each(drivers.map((make) => ({ make, name: make().name })))('adapter contract: $name', ({ make }) => {
  const driver = make();
  let outbox: Outbox;
  let platform: Platform;
  beforeAll(async () => {
    ({ outbox, platform } = await driver.start(createRouter([probe], { log: pino({ level: 'silent' }) })));
  });
  afterAll(() => driver.stop());
  adapterContract(() => ({ driver, outbox, platform }));
});
