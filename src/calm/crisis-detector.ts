import { compilePhrase, containsPhrase, readTyped, type Phrase } from './phrase-match.js';

/**
 * A few phrases always looked for, whatever the crisis files say: if those files are
 * missing or broken, the bot must still notice the plainest words. The files add the rest.
 */
export const BUILT_IN_CRISIS_PHRASES: readonly string[] = [
  'kill myself',
  'suicide',
  'suicidal',
  'want to die',
  'end my life',
  'hurt myself',
  'self harm',
  '自杀',
  '想死',
  '不想活',
  '轻生',
  '自残',
  '伤害自己',
];

/**
 * Says whether typed text suggests the person may be in danger (self-harm, suicide, a threat
 * to their safety), in Chinese (either script) or English. It errs towards yes: a false
 * alarm costs a kind message, a miss costs far more.
 */
export class CrisisDetector {
  readonly #phrases: Phrase[];

  constructor(phrases: readonly string[]) {
    const unique = [...new Set([...BUILT_IN_CRISIS_PHRASES, ...phrases])];
    this.#phrases = unique.map(compilePhrase).filter((p): p is Phrase => p !== undefined);
  }

  test(text: string): boolean {
    if (!text.trim()) return false;
    const typed = readTyped(text);
    return this.#phrases.some((p) => containsPhrase(typed, p));
  }
}
