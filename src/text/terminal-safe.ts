/**
 * Text stored by people (notes, reasons, names) is printed on the operator's terminal. Control
 * characters in it could move the cursor, clear the screen, retitle the window or hide lines
 * (ESC sequences, C1 controls, bidi overrides). Each becomes a visible stand-in; line breaks
 * and tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␛ for ESC, ␇ for BEL …
    if (code === 0x7f) return '\u2421';
    return `\\u{${code.toString(16)}}`;
  });
}

// C0 controls except tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/gu;
