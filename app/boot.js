// Loads the wasm app from files next to index.html (relative URLs: any sub-path works).
import init from './wengao-app.js';

init({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) }).catch((error) => {
  document.body.textContent = '文稿加载失败：' + error;
});
