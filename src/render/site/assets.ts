import { expansionPattern, SEARCH_EXPANSIONS } from '../../core/abbreviations.js';

/** Styles of the catalogue: one inline sheet, system fonts only (no request leaves the page). */
export const SITE_CSS = `
:root { --fg: #1d2733; --muted: #5b6776; --line: #d8dee6; --bg: #f6f8fa; --card: #fff; --accent: #0b5cab;
  --err: #b42318; --warn: #9a6700; --info: #2f6f9f; --ok: #1a7f37; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px; color: var(--fg); background: var(--bg); }
body { margin: 0; }
a { color: var(--accent); }
header.top { background: #0b3d6e; color: #fff; padding: 18px 24px 14px; }
header.top h1 { margin: 0 0 4px; font-size: 1.45rem; }
header.top p { margin: 0; opacity: .9; }
.toolbar { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 24px; display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.toolbar input[type=search] { flex: 1 1 320px; font-size: 1rem; padding: 7px 10px; border: 1px solid #9aa7b5; border-radius: 6px; }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; }
.tabs button { border: 1px solid var(--line); background: var(--bg); border-radius: 16px; padding: 4px 11px; cursor: pointer; font: inherit; }
.tabs button[aria-pressed=true] { background: var(--accent); border-color: var(--accent); color: #fff; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; margin: 0; padding: 0; border: 0; }
.filters label { font-size: .9rem; color: var(--muted); }
.filters select { font: inherit; font-size: .9rem; padding: 3px 4px; margin-left: 4px; max-width: 16rem; }
.count { color: var(--muted); font-size: .9rem; }
main { padding: 8px 24px 40px; max-width: 1400px; }
section > h2 { margin: 22px 0 10px; font-size: 1.2rem; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(360px, 100%), 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; overflow-wrap: anywhere; }
.card:target { outline: 3px solid var(--accent); }
.card h3 { margin: 0 0 6px; font-size: 1.02rem; line-height: 1.35; }
.card h3 code, .ref { font-size: .78rem; color: var(--muted); font-weight: normal; }
.card p.desc { margin: 4px 0 8px; color: #333d49; font-size: .93rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; margin: 6px 0 0; font-size: .9rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.badge { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: .8rem; border: 1px solid currentColor; white-space: nowrap; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-info { color: var(--info); }
.st-achieved, .st-on-track { color: var(--ok); } .st-behind, .st-at-risk { color: var(--err); } .st-no-data { color: var(--muted); }
ul.findings { margin: 8px 0 0; padding-left: 18px; font-size: .88rem; }
ul.findings li { margin: 2px 0; }
.bar { height: 6px; background: #e6eaef; border-radius: 3px; margin-top: 6px; }
.bar > span { display: block; height: 100%; background: var(--accent); border-radius: 3px; }
.diagram { grid-column: 1 / -1; }
.svg { overflow: auto; margin-top: 8px; }
.diagram .svg { border-top: 1px solid var(--line); padding-top: 8px; }
.svg img { display: block; max-width: 100%; height: auto; cursor: zoom-in; }
p.hint { margin: 2px 0 0; font-size: .8rem; color: var(--muted); }
.diagram pre, details.ctx pre { overflow: auto; background: var(--bg); padding: 8px; font-size: .8rem; max-height: 24rem; }
details.ctx { margin-top: 8px; font-size: .9rem; }
details.ctx summary { cursor: pointer; color: var(--accent); }
dialog.viewer { width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: #fff; overflow: hidden; }
dialog.viewer[open] { display: flex; flex-direction: column; }
dialog.viewer::backdrop { background: rgba(0, 0, 0, .5); }
dialog.viewer .vbar { flex: none; display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #0b3d6e; color: #fff; }
dialog.viewer .vbar span { flex: 1; font-weight: bold; min-width: 0; }
dialog.viewer .vbar button { font: inherit; padding: 4px 12px; }
dialog.viewer .vbar a { color: #fff; }
dialog.viewer .pic { flex: 1; overflow: auto; padding: 12px; }
dialog.viewer img { display: block; max-width: none; }
#empty { padding: 24px 0; color: var(--muted); }
footer { color: var(--muted); font-size: .85rem; padding: 0 24px 24px; }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  html { font-size: 14px; }
  header.top { padding: 12px 12px 10px; }
  header.top h1 { font-size: 1.2rem; }
  .toolbar { position: static; padding: 8px 12px; }
  .toolbar input[type=search] { flex-basis: 100%; }
  .filters label { display: flex; justify-content: space-between; width: 100%; }
  .filters select { max-width: 60%; }
  main { padding: 4px 12px 32px; }
  .grid { grid-template-columns: minmax(0, 1fr); }
  .card { padding: 10px 11px; }
  dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dt { margin-top: 4px; font-size: .82rem; }
  footer { padding: 0 12px 20px; }
}
@media print { .toolbar { display: none; } .card { break-inside: avoid; } }
`;

/** The expansions of `core/abbreviations.ts` as the script applies them: [pattern, words]. */
const EXPANSIONS_JSON = JSON.stringify(SEARCH_EXPANSIONS.map(([from, to]) => [expansionPattern(from), to]));

/**
 * Search and filters, in plain JavaScript with no dependency: cards carry `data-kind`, a folded search text
 * in `data-q` and facets in `data-f-*`; the script only shows and hides them. The query matches as a
 * phrase, without diacritics ("ho tich" finds "hộ tịch", not every "hồ sơ" next to a "tích hợp"), with
 * the abbreviations officials write spelled out on both sides (`data-q` is written so by `searchIndex`,
 * the query here): "CSDL hộ tịch" and "cơ sở dữ liệu hộ tịch" find the same cards.
 */
export const SITE_JS = `
(function () {
  'use strict';
  function fold(s) {
    return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u0111\\u0110]/g, 'd').toLowerCase().replace(/\\s+/g, ' ').trim();
  }
  var expansions = ${EXPANSIONS_JSON}.map(function (p) { return [new RegExp(p[0], 'g'), '$1' + p[1]]; });
  function expand(s) {
    for (var i = 0; i < expansions.length; i++) s = s.replace(expansions[i][0], expansions[i][1]);
    return s;
  }
  var q = document.getElementById('q');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  var tabs = Array.prototype.slice.call(document.querySelectorAll('button[data-tab]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('fieldset[data-for]'));
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-facet]'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.card'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section[data-section]'));
  var kind = 'all';

  function apply() {
    var needle = expand(fold(q.value));
    groups.forEach(function (g) { g.hidden = !(g.dataset.for === 'all' || g.dataset.for === kind); });
    var active = selects.filter(function (s) { return s.value !== '' && !s.closest('fieldset').hidden; });
    var shown = 0;
    cards.forEach(function (c) {
      var ok = (kind === 'all' || c.dataset.kind === kind) &&
        (needle === '' || c.dataset.q.indexOf(needle) !== -1) &&
        active.every(function (s) {
          var forKind = s.closest('fieldset').dataset.for;
          if (forKind !== 'all' && c.dataset.kind !== forKind) return false;
          return c.getAttribute('data-f-' + s.dataset.facet) === s.value;
        });
      c.hidden = !ok;
      if (ok) shown += 1;
    });
    sections.forEach(function (s) {
      var visible = s.querySelectorAll('article.card:not([hidden])').length;
      s.hidden = visible === 0;
      s.querySelector('.sc').textContent = String(visible);
    });
    count.textContent = String(shown);
    empty.hidden = shown !== 0;
  }

  tabs.forEach(function (t) {
    t.addEventListener('click', function () {
      kind = t.dataset.tab;
      tabs.forEach(function (o) { o.setAttribute('aria-pressed', String(o === t)); });
      apply();
    });
  });
  q.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== q) { e.preventDefault(); q.focus(); }
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.hidden) {
      q.value = '';
      selects.forEach(function (s) { s.value = ''; });
      kind = 'all';
      tabs.forEach(function (o) { o.setAttribute('aria-pressed', String(o.dataset.tab === 'all')); });
      apply();
      el.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);

  // A diagram opens at its own size in a full-window viewer (Esc or the button closes it); without
  // script, or where <dialog> is missing, the link opens the SVG file itself.
  var viewer = null;
  function openViewer(link) {
    if (typeof HTMLDialogElement !== 'function') return false;
    if (!viewer) {
      viewer = document.createElement('dialog');
      viewer.className = 'viewer';
      var bar = document.createElement('div');
      bar.className = 'vbar';
      var title = document.createElement('span');
      var file = document.createElement('a');
      file.textContent = document.documentElement.lang === 'vi' ? 'Mở tệp SVG' : 'Open the SVG file';
      var close = document.createElement('button');
      close.type = 'button';
      close.textContent = document.documentElement.lang === 'vi' ? 'Đóng' : 'Close';
      close.addEventListener('click', function () { viewer.close(); });
      bar.appendChild(title); bar.appendChild(file); bar.appendChild(close);
      var pic = document.createElement('div');
      pic.className = 'pic';
      pic.appendChild(document.createElement('img'));
      viewer.appendChild(bar); viewer.appendChild(pic);
      document.body.appendChild(viewer);
    }
    var small = link.querySelector('img');
    var big = viewer.querySelector('img');
    big.src = link.getAttribute('href');
    big.alt = small.alt;
    if (small.getAttribute('width')) { big.width = Number(small.getAttribute('width')); big.height = Number(small.getAttribute('height')); }
    viewer.querySelector('.vbar span').textContent = small.alt;
    viewer.querySelector('.vbar a').setAttribute('href', link.getAttribute('href'));
    viewer.showModal();
    return true;
  }
  Array.prototype.slice.call(document.querySelectorAll('a.zoom')).forEach(function (a) {
    a.addEventListener('click', function (e) { if (openViewer(a)) e.preventDefault(); });
  });
  apply();
  reveal();
})();
`;
