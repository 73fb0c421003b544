/**
 * Splits text into pieces of at most `max` characters (UTF-16 units, which is never fewer than
 * the characters Slack and Discord count), cutting at line breaks where it can, else at a space,
 * else anywhere that is not inside a surrogate pair or a markup token. Joining the pieces with
 * '\n' (line cuts) gives every character back: nothing is dropped.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 16) throw new RangeError('splitText: max too small');
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    let rest = line;
    while (rest.length > max) {
      const cut = cutPoint(rest, max);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current || !pieces.length) pieces.push(current);
  return pieces;
}

/** Where to cut an over-long line: after a space if one is near, never inside `<…>`, `&…;` or a surrogate pair. */
function cutPoint(line: string, max: number): number {
  let cut = max;
  const space = line.lastIndexOf(' ', max - 1);
  if (space > max / 2) cut = space + 1;
  const open = line.lastIndexOf('<', cut - 1);
  if (open > 0 && line.indexOf('>', open) >= cut && open > max / 4) cut = open;
  const amp = line.lastIndexOf('&', cut - 1);
  if (amp > 0 && cut - amp < 8 && !line.slice(amp, cut).includes(';')) cut = amp;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}
