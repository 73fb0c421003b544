import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { terminalSafe } from '../../src/text/terminal-safe.js';

describe('console output of stored text', () => {
  it('neutralises escape sequences, C1 controls and bidi overrides, keeping line breaks and tabs', () => {
    const note = '4411\u001b]0;pwned\u0007 refund\u001b[2J\u009b31m\u202eevil\tend\nnext';
    const shown = terminalSafe(note);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(shown).toBe('4411␛]0;pwned␇ refund␛[2J\\u{9b}31m\\u{202e}evil\tend\nnext');
  });

  it('applies to every rendered reply, and keeps a multi-line note inside its quote', () => {
    const text = renderText({ private: true, title: 'T\u001b[2J', blocks: [{ type: 'quote', lines: ['one\ntwo'] }] });
    expect(text).toBe('== T␛[2J ==\n> one\n> two');
  });
});
