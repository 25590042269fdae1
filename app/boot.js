// Loads the start screen (wengao-start), then, when the page is idle, the full
// app (wengao-app) that the start screen hands every action to. Relative URLs:
// any sub-path works.
import init from './wengao-start.js';

let app;
// The full app's start(action, file), loaded once; a failure is forgotten, so
// that the next action tries again.
globalThis.wengaoLoadApp = () => {
  if (!app) {
    app = import('./wengao-app.js')
      .then((glue) => glue.default({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) }).then(() => glue.start))
      .catch((error) => {
        app = undefined;
        throw error;
      });
  }
  return app;
};

const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  document.body.textContent = '这个浏览器不支持 WebAssembly，打不开文稿。请换用新版的 Chrome、Edge、Firefox，或者把 360 等双核浏览器切换到“极速模式”。';
} else init({ module_or_path: new URL('./wengao-start_bg.wasm', import.meta.url) }).then(
  () => idle(() => globalThis.wengaoLoadApp().catch(() => {})),
  (error) => {
    document.body.textContent = '文稿加载失败：' + error;
  },
);
