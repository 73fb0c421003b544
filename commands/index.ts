import type { Command } from '../src/core/command.js';
import { calm } from './calm.js';
import { promise } from './promise.js';
import { script } from './script.js';

/** Every command the bot serves, listed explicitly (no folder scanning at run time). */
export const commands: readonly Command<any>[] = [script, promise, calm];
