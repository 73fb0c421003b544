/** A position in the normalized head; sticky regexes match at it or not at all. */
export class Cursor {
  pos = 0;
  constructor(readonly s: string) {}

  take(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.s);
    if (m) this.pos = re.lastIndex;
    return m;
  }

  /** Spaces between pieces; English words need them, Chinese ones may have them. */
  space(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }
}
