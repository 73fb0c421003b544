// Preloaded with `node --import` by tests: records the URL of every module the process resolves
// (ESM resolve hook, off-thread) into the file named by FRONTLINE_MODULE_LOG, one per line.
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file: process.env.FRONTLINE_MODULE_LOG } });
