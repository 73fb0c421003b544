import type { Edit, MaskRule } from './edits.js';

/**
 * E-mail addresses keep the first character and the domain: `w***@example.com`. The hidden part
 * is always three stars, so its length is not given away; `*` cannot start a local part here, so
 * masking twice changes nothing.
 */
const EMAIL = /(?<![A-Za-z0-9._%+\-*])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

export const email: MaskRule = (view) => {
  const edits: Edit[] = [];
  for (const m of view.matchAll(EMAIL)) {
    const at = m.index + m[0].indexOf('@');
    edits.push({ kind: 'replace', start: m.index + 1, end: at, text: '***' });
  }
  return edits;
};
