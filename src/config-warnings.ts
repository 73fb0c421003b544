/** Prefixes of variables this bot (or a platform it talks to) would read. */
const OURS = /^(FRONTLINE_|SLACK_|DISCORD_|FEISHU_|LARK_|PROMISE_|CALM_|TEAM_|LEAD|KNOWLEDGE_|DATA_DIR|CONSOLE|LOG_LEVEL|SHUTDOWN_|DEFAULT_LOCALE)/;

/**
 * Variables that look meant for this bot but that it does not read: a misspelt setting would
 * otherwise be silently ignored and its default used. One warning each, with the nearest real
 * name when it is a likely typo.
 */
export function unknownSettingWarnings(env: NodeJS.ProcessEnv, known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const warnings: string[] = [];
  for (const key of Object.keys(env).sort()) {
    if (knownSet.has(key) || !OURS.test(key)) continue;
    const nearest = closest(key, known);
    warnings.push(nearest ? `${key} is not a setting this bot reads; did you mean ${nearest}?` : `${key} is not a setting this bot reads (see .env.example); it is ignored.`);
  }
  return warnings;
}

function closest(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (distance <= Math.max(2, Math.floor(name.length / 6)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
