import { maskSensitive } from '../privacy/mask.js';
import type { HistoryEntry, PromiseRecord } from './model.js';

export const NOTE_MAX = 500;
/**
 * Raise when the masking rules catch more than before: opening a store masked with an older
 * version re-masks its promises once. 1: mobiles and IDs; 2: separators, zero-width, cards, e-mail.
 */
export const MASKING_VERSION = 2;
export const REASON_MAX = 300;

/**
 * The free text of a promise as it may be stored: the note and every history reason, masked.
 * Ids, times and names are not free text and stay as they are.
 */
export const storedNote = (note: string): string => maskSensitive(note).slice(0, NOTE_MAX);

export function storedEntry(entry: HistoryEntry): HistoryEntry {
  return entry.reason === undefined ? entry : { ...entry, reason: maskSensitive(entry.reason).slice(0, REASON_MAX) };
}

/** Masks a record stored under older masking rules (an older version of the bot), in place. */
export function remask(record: PromiseRecord): void {
  record.note = storedNote(record.note);
  record.history = record.history.map(storedEntry);
}
