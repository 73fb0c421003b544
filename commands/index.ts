import type { Command } from '../src/core/command.js';
import { script } from './script.js';

/** Every command the bot serves, listed explicitly (no folder scanning at run time). */
export const commands: readonly Command<any>[] = [script];
