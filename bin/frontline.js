#!/usr/bin/env node
// The compiled CLI; `npm ci` builds it (prepare), `npm run build` refreshes it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('frontline: not built yet; run `npm run build` in the frontline-bot folder first\n');
  process.exit(2);
}
await import(entry.href);
