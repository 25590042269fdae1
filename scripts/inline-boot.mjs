// Trunk's post-build hook (scripts/build-programs): puts app/boot.js (without
// its whole-line comments) and app/style.css into index.html itself, so that
// the start screen's copy is shown one round trip sooner (before, the page
// waited for both files, fetched after index.html, 40-55 ms on this machine,
// before anything could show). The start program's glue (wengao-start.js) is
// minified here too: 2.2 KB gz of the first load.
// boot.js is allowed by its hash in index.html's Content-Security-Policy;
// style-src already allows inline styles. boot.js is then used by nothing else
// and goes; style.css stays for embed-example.html and the single-file build.
//   node scripts/inline-boot.mjs DIR   (the staging dir: dist/ as Trunk writes it)
import crypto from 'node:crypto';
import fs from 'node:fs';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/inline-boot.mjs DIR');
const file = `${dir}/index.html`;
let html = fs.readFileSync(file, 'utf8');
// Minified by terser (its comments and long names: 1.6 KB of the first
// load's 120 KB gz; whole-line comments alone, as until session 16, saved 1 KB).
const boot = (await minify(fs.readFileSync(`${dir}/boot.js`, 'utf8'), { module: true, compress: true, mangle: true })).code;
// Without its comments and line breaks (0.2 KB gz); no rule of it has either inside a string.
const style = fs
  .readFileSync(`${dir}/style.css`, 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\n\s*/g, '');
if (/<\/script/i.test(boot) || /<\/style/i.test(style)) throw new Error('boot.js or style.css would end its inline element early');

/** Replaces the one match of `pattern` in the page (an error if there is not exactly one). */
function replaceOnce(pattern, by) {
  const found = html.match(new RegExp(pattern.source, 'g')) || [];
  if (found.length !== 1) throw new Error(`${file}: expected one ${pattern}, found ${found.length}`);
  html = html.replace(pattern, () => by);
}
replaceOnce(/<script src="\.\/boot\.js"[^>]*><\/script>/, `<script type="module">${boot}</script>`);
replaceOnce(/<link rel="stylesheet" href="\.\/style\.css"[^>]*>/, `<style>${style}</style>`);
const hash = crypto.createHash('sha256').update(boot).digest('base64');
replaceOnce(/script-src 'self'/, `script-src 'self' 'sha256-${hash}'`);
fs.writeFileSync(file, html);
fs.rmSync(`${dir}/boot.js`);
const glue = `${dir}/wengao-start.js`;
fs.writeFileSync(glue, (await minify(fs.readFileSync(glue, 'utf8'), { module: true, compress: true, mangle: true })).code);
