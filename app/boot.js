// Loads the wasm app from files next to index.html (relative URLs: any sub-path works).
import init from './wengao-app.js';

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  document.body.textContent = '这个浏览器不支持 WebAssembly，打不开文稿。请换用新版的 Chrome、Edge、Firefox，或者把 360 等双核浏览器切换到“极速模式”。';
} else init({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) }).catch((error) => {
  document.body.textContent = '文稿加载失败：' + error;
});
