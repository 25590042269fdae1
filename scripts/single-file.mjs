// Builds dist/wengao.html: the whole app (wengao-app) in one file, wasm inlined as base64,
// for offices that pass tools around as files and open them from disk.
// Run after `trunk build --release`: node scripts/single-file.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';

const dist = process.argv[2] || 'dist';
const read = (name) => fs.readFileSync(`${dist}/${name}`);
const css = read('style.css').toString() + read('form.css').toString();
const glue = read('wengao-app.js').toString();
const wasm = read('wengao-app_bg.wasm').toString('base64');

// One inline module: the wasm-bindgen glue, then the start with the bytes.
const script = `${glue}
if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  document.body.textContent = '这个浏览器不支持 WebAssembly，打不开文稿。请换用新版的 Chrome、Edge、Firefox，或者把 360 等双核浏览器切换到“极速模式”。';
} else {
  const bytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
  // The whole app at once: no start-screen program to hand over from.
  __wbg_init({ module_or_path: bytes }).then(() => start(null, undefined), (error) => { document.body.textContent = '文稿加载失败：' + error; });
}
`;
// Browsers without ES modules (IE, compatibility modes) run only this one.
const legacy = fs.readFileSync('app/legacy.js', 'utf8');
if (!glue.includes('function __wbg_init') || !glue.includes('export function start(')) throw new Error('unexpected wasm-bindgen glue: no __wbg_init or start');
// The policy allows exactly this script, by its hash, and nothing from anywhere.
const hash = crypto.createHash('sha256').update(script).digest('base64');
const legacyHash = crypto.createHash('sha256').update(legacy).digest('base64');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}' 'sha256-${legacyHash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src blob: data:; base-uri 'none'">
<title>文稿 · 公文写作助手（单文件版）</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<div id="wengao"></div>
<noscript>文稿需要浏览器启用 JavaScript 和 WebAssembly。</noscript>
<script type="module">${script}</script>
<script nomodule>${legacy}</script>
</body>
</html>
`;
fs.writeFileSync(`${dist}/wengao.html`, html);
console.log(`${dist}/wengao.html: ${(html.length / 1024).toFixed(0)} KB`);
