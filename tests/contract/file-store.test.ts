import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { ManualClock } from '../../src/core/clock.js';
import { FileBotStore } from '../../src/db/file-bot-store.js';
import { storeContract, TIMINGS } from './store.contract.js';

storeContract('JSON files in DATA_DIR', async (clock: ManualClock) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-contract-'));
  const open = () => FileBotStore.open({ dataDir, clock, timings: TIMINGS, log: pino({ level: 'silent' }) });
  let store = await open();
  return {
    store,
    async reopen() {
      await store.close();
      store = await open();
      return store;
    },
    // One process per DATA_DIR (the folder is locked): a second client is the same store.
    second: async () => store,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
