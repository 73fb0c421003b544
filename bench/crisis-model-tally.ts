/** Recall, kind accuracy and false alarms per language for the crisis-model experiments (figures only, never text). */
export interface Tally {
  danger: number;
  caught: number;
  rightKind: number;
  none: number;
  falseAlarms: number;
}

export class Tallies {
  readonly #byKey = new Map<string, Tally>();

  count(method: string, lang: string, label: string, got: string): void {
    const crisis = got === 'self' || got === 'threat';
    for (const key of [`${method}|all`, `${method}|${lang}`]) {
      const t = this.#byKey.get(key) ?? { danger: 0, caught: 0, rightKind: 0, none: 0, falseAlarms: 0 };
      this.#byKey.set(key, t);
      if (label === 'none') {
        t.none++;
        if (crisis) t.falseAlarms++;
      } else {
        t.danger++;
        if (crisis) t.caught++;
        if (got === label) t.rightKind++;
      }
    }
  }

  lines(methods: readonly string[]): string[] {
    const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');
    return ['all', 'zh-CN', 'zh-TW', 'en'].flatMap((lang) =>
      methods.map((method) => {
        const t = this.#byKey.get(`${method}|${lang}`);
        if (!t) return `  ${lang.padEnd(6)} ${method}: no items`;
        return (
          `  ${lang.padEnd(6)} ${method.padEnd(12)} recall ${pct(t.caught, t.danger)} (${t.caught}/${t.danger})` +
          ` · kind ${pct(t.rightKind, t.caught)} · false alarms ${pct(t.falseAlarms, t.none)} (${t.falseAlarms}/${t.none})`
        );
      }),
    );
  }
}
