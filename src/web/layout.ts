import type { Locale } from '../i18n/locale.js';
import { html, type SafeHtml } from './html.js';
import type { Session } from './sessions.js';
import { webStrings } from './web-strings.js';

export type Section = 'board' | 'charts' | 'knowledge' | 'gaps';

const LANGS: { locale: Locale; label: string }[] = [
  { locale: 'zh-CN', label: '简体中文' },
  { locale: 'zh-TW', label: '繁體中文' },
  { locale: 'en', label: 'English' },
];

/** A page without a session: sign-in, refusals. */
export function plainPage(locale: Locale, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="/board/app.css"></head>
<body><main id="main" class="narrow"><h1>${title}</h1>${body}</main></body></html>`.value;
}

/** The signed-in frame: navigation, language, sign-out; every form carries the session's CSRF token. */
export function signedInPage(session: Session, section: Section, title: string, body: SafeHtml): string {
  const locale = session.person.locale;
  const s = webStrings(locale);
  const nav: { id: Section; href: string; label: string }[] = [
    { id: 'board', href: '/board', label: s.nav.board },
    { id: 'charts', href: '/board/charts', label: s.nav.charts },
    { id: 'knowledge', href: '/board/knowledge', label: s.nav.knowledge },
    { id: 'gaps', href: '/board/gaps', label: s.nav.gaps },
  ];
  const flash = session.flash;
  delete session.flash;
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${s.title}</title>
<link rel="stylesheet" href="/board/app.css"><script src="/board/app.js" defer></script></head>
<body>
<header class="top">
<nav aria-label="${s.title}"><ul>${nav.map((n) => html`<li><a href="${n.href}"${n.id === section ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}</ul></nav>
<form method="post" action="/board/language" class="inline"><input type="hidden" name="_csrf" value="${session.csrf}">
<span>${s.nav.language}:</span> ${LANGS.map((l) => html`<button name="locale" value="${l.locale}" lang="${l.locale}"${l.locale === locale ? html` aria-pressed="true"` : html` aria-pressed="false"`}>${l.label}</button>`)}</form>
<form method="post" action="/board/sign-out" class="inline"><input type="hidden" name="_csrf" value="${session.csrf}"><button>${s.nav.signOut}</button></form>
</header>
<main id="main" data-csrf="${session.csrf}">
<h1>${title}</h1>
<p id="flash" role="status" aria-live="polite">${flash ?? ''}</p>
${body}
</main></body></html>`.value;
}
