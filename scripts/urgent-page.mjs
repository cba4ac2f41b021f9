// The urgent page, "when to call", one plain HTML file a language, written at build time
// from the same data as the app: the signs and sources of public/content/urgent.json and
// locales/<lang>/urgent.json, the numbers of public/content/helplines.json and
// locales/<lang>/helplines.json. No script, no other file: it opens even when the app
// cannot start (the start screen's failure message links to it), and the service worker
// precaches it like every file of the build. src/domain/urgent.rs checks the data.
//   import { writeUrgentPages } from './urgent-page.mjs'; writeUrgentPages(dir)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The address of the urgent page in each language (the app links to these). */
export const URGENT_PAGES = { fr: '/urgent.html', en: '/urgent.en.html' };
const LANGS = ['fr', 'en'];

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const sha256 = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

function dateLong(lang, iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const months = {
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  }[lang];
  return lang === 'fr' ? `${d === 1 ? '1er' : d} ${months[m - 1]} ${y}` : `${d} ${months[m - 1]} ${y}`;
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--now:#a4161a;--now-fg:#fff;--call:#0b5c5f;--call-fg:#fff;--focus:#1a4fd6}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#f2f2f2;--muted:#c9c9c9;--line:#555;--now:#ff8a80;--now-fg:#1a0000;--call:#7fd4d6;--call-fg:#002022;--focus:#9db8ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .75rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.75rem 0 .5rem}
a{color:inherit}
a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;align-items:center}
.top a{display:inline-block;padding:.5rem 0;min-height:44px}
.calls{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem}
.calls a{display:flex;flex-direction:column;justify-content:center;min-height:4.5rem;padding:.6rem .8rem;border-radius:.75rem;text-decoration:none;background:var(--call);color:var(--call-fg)}
.calls a.now{background:var(--now);color:var(--now-fg)}
.calls .number{font-size:1.6rem;font-weight:700;line-height:1.1}
.calls .name{font-size:.95rem;line-height:1.25}
.intro{font-size:1.05rem}
.now-list h2{color:var(--now)}
ul.signs{margin:.25rem 0;padding-left:1.25rem}
ul.signs li{margin:.3rem 0}
.sources{color:var(--muted);font-size:.9rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem}
.sources ul{padding-left:1.25rem}
`.trim();

function page(lang, meta, texts, helplines) {
  const other = lang === 'fr' ? 'en' : 'fr';
  const t = texts[lang];
  const lines = Object.fromEntries(helplines.meta.helplines.map((h) => [h.id, h]));
  const calls = meta.helplines.map((id) => {
    const h = lines[id];
    const words = helplines[lang].helplines[id];
    if (!h || !words) throw new Error(`urgent page: helpline ${id} is not in helplines.json`);
    const action = h.channel === 'sms' ? t.sms : t.call;
    const now = id === '15' || id === '112';
    return `<li><a class="${now ? 'now' : 'line'}" href="${escapeHtml(h.uri)}">`
      + `<span class="number"><span class="visually-hidden">${escapeHtml(action)} </span>${escapeHtml(h.number)}</span>`
      + `<span class="name">${escapeHtml(words.name)}</span></a></li>`;
  }).join('\n');
  const sections = t.sections.map((s) => `<section class="${s.id.endsWith('_now') ? 'now-list' : 'today-list'}" aria-labelledby="${s.id}">
<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>
<ul class="signs">${s.signs.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>
</section>`).join('\n');
  const sources = meta.sources.map((s) => `<li><a href="${escapeHtml(s.url)}" rel="noreferrer">${escapeHtml(s.org)}, ${escapeHtml(s.title)}</a></li>`).join('');
  const style = STYLE + '\n.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';
  const csp = `default-src 'none'; style-src ${sha256(style)}; img-src 'self'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(t.title)} · Cocon</title>
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
<style>${style}</style>
</head>
<body>
<main>
<div class="top"><a href="/">${escapeHtml(t.back)}</a><a href="${URGENT_PAGES[other]}" hreflang="${other}" lang="${other}">${escapeHtml(t.other_language)}</a></div>
<h1>${escapeHtml(t.title)}</h1>
<p class="intro"><strong>${escapeHtml(t.intro)}</strong></p>
<nav aria-label="${escapeHtml(t.call_heading)}"><ul class="calls">
${calls}
</ul></nav>
${sections}
<p><strong>${escapeHtml(t.doubt)}</strong></p>
<div class="sources"><h2>${escapeHtml(t.sources_heading)}</h2><p>${escapeHtml(t.basis)}</p><ul>${sources}</ul>
<p>${escapeHtml(t.reviewed.replace('{date}', dateLong(lang, meta.reviewed)))}</p></div>
</main>
</body>
</html>
`;
}

/** Writes urgent.html (French) and urgent.en.html into `dir`. */
export function writeUrgentPages(dir) {
  const meta = read('public/content/urgent.json');
  const texts = Object.fromEntries(LANGS.map((l) => [l, read(`locales/${l}/urgent.json`)]));
  const helplines = { meta: read('public/content/helplines.json') };
  for (const l of LANGS) helplines[l] = read(`locales/${l}/helplines.json`);
  for (const lang of LANGS) writeFileSync(join(dir, URGENT_PAGES[lang].slice(1)), page(lang, meta, texts, helplines));
}
