/**
 * The page's script and styles, served as files (/board/app.js, /board/app.css) so the
 * Content-Security-Policy can forbid every inline script and style.
 */
export const CLIENT_SCRIPT = `'use strict';
(function () {
  var board = document.getElementById('board');
  var state = document.getElementById('live-state');
  var flash = document.getElementById('flash');
  var main = document.getElementById('main');
  var csrf = main ? main.getAttribute('data-csrf') : null;
  var pending = false;

  function busy() {
    var a = document.activeElement;
    return board && a && board.contains(a) && (a.tagName === 'INPUT' || a.tagName === 'SELECT') && a.value;
  }
  function refresh() {
    if (!board) return;
    if (busy()) { pending = true; return; }
    pending = false;
    fetch(board.getAttribute('data-list'), { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (r) { if (r.status === 401 || r.status === 403) { location.reload(); return null; } return r.ok ? r.text() : null; })
      .then(function (text) {
        if (text === null) return;
        var focused = document.activeElement && document.activeElement.id;
        board.innerHTML = text;
        if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
      })
      .catch(function () {});
  }
  if (board) {
    board.addEventListener('focusout', function () { if (pending) setTimeout(refresh, 0); });
    document.addEventListener('submit', function (e) {
      var form = e.target;
      if (!form.classList || !form.classList.contains('act')) return;
      e.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      var action = e.submitter && e.submitter.formAction ? e.submitter.formAction : form.action;
      fetch(action, { method: 'POST', credentials: 'same-origin', body: body, headers: { accept: 'application/json', 'x-csrf-token': csrf || '' } })
        .then(function (r) { return r.json(); })
        .then(function (answer) { if (flash) flash.textContent = answer.message || ''; if (document.activeElement) document.activeElement.blur(); refresh(); })
        .catch(function () { form.action = action; form.submit(); });
    });
  }
  var source = null;
  function connect() {
    if (!board || !window.EventSource) return;
    source = new EventSource('/board/events');
    source.addEventListener('open', function () { if (state) state.textContent = state.getAttribute('data-live'); });
    source.addEventListener('changed', refresh);
    source.addEventListener('error', function () {
      if (state) state.textContent = state.getAttribute('data-reconnecting');
      if (source.readyState === 2) { source = null; setTimeout(connect, 3000); }
    });
  }
  // The live stream opens after the load event, so it never holds the first paint of a full board.
  if (document.readyState === 'complete') connect(); else window.addEventListener('load', connect);
  // Countdowns are in minutes: the server's words, refreshed twice a minute.
  if (board) setInterval(refresh, 30000);
  document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
})();
`;

export const STYLES = `
:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif; line-height: 1.45; }
body { margin: 0; color: #1b1b1b; background: #fafafa; }
.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #12355b; color: #fff; }
.top nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.top a { color: #fff; }
.top a[aria-current] { font-weight: bold; text-decoration-thickness: 3px; }
.top form.inline { display: inline-flex; gap: .3rem; align-items: center; }
.top button[aria-pressed="true"] { font-weight: bold; outline: 2px solid #fff; }
main { padding: 1rem; }
main.narrow { max-width: 40rem; margin: 2rem auto; }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-bottom: 1rem; }
.live { color: #24603a; font-weight: bold; }
/* Off-screen owners are not laid out or painted until scrolled to: 500 rows stay a fast first load. */
section.owner { content-visibility: auto; contain-intrinsic-size: auto 20rem; background: #fff; border: 1px solid #ccc; border-radius: 6px; margin-bottom: 1rem; padding: .5rem 1rem; }
section.owner.late { border-left: 6px solid #b00020; }
h2 small { font-weight: normal; color: #444; font-size: .8em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #e2e2e2; }
tr.late th[scope=row] { color: #b00020; }
.countdown { display: block; }
.countdown.overdue { color: #b00020; font-weight: bold; }
.mark { display: inline-block; padding: 0 .4rem; margin: 0 .2rem .2rem 0; border-radius: 4px; background: #e8eef6; }
.mark.esc { background: #fde7ea; color: #7a0014; }
.acts form { display: inline-flex; gap: .3rem; align-items: end; margin: 0 .5rem .3rem 0; flex-wrap: wrap; }
.acts button { margin: 0 .5rem .3rem 0; }
.note { max-width: 28rem; overflow-wrap: anywhere; }
.chart { max-width: 100%; height: auto; }
.sr-table { margin-top: .5rem; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.side-by-side > section { background: #fff; border: 1px solid #ccc; padding: .5rem 1rem; border-radius: 6px; }
.overdue-review { color: #b00020; font-weight: bold; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
