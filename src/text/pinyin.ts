import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

let loaded: typeof PinyinPro.pinyin | undefined;

/**
 * pinyin-pro's `pinyin`, loaded on its first call rather than at start-up: its dictionaries take
 * about 10 MB that a bot nobody has yet asked for /script or /calm does not need (idle memory).
 * Loaded synchronously (the package's CommonJS build), so every caller stays synchronous.
 */
export const pinyin = ((...args: Parameters<typeof PinyinPro.pinyin>) => {
  loaded ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin;
  return loaded(...args);
}) as typeof PinyinPro.pinyin;

/** Whether pinyin-pro has been loaded in this process (for the idle-memory test). */
export function pinyinLoaded(): boolean {
  return loaded !== undefined;
}
