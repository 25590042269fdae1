// Loads the start screen (wengao-start), then, as soon as it is shown, the full
// app (wengao-app) that the start screen hands every action to. Relative URLs:
// any sub-path works.
import init from './wengao-start.js';

let app;
const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));

// The full app's module (its start(action, file); and crash_for_test, which the
// end-to-end tests call: their own import() of it may get a copy of its own,
// never initialised), loaded once; a failure is forgotten, so that the next
// action tries again.
globalThis.wengaoLoadApp = () => {
  if (!app) {
    app = import('./wengao-app.js')
      .then((glue) => glue.default({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) }).then(() => glue))
      .catch((error) => {
        app = undefined;
        throw error;
      });
  }
  return app;
};

// The built-in templates' new forms as plain HTML (skeletons.json, made by
// scripts/skeletons.mjs), shown at once on 新建 while the full app is still on
// its way (skeleton.js); fetched with the full app.
let skeleton;
const loadSkeleton = () =>
  (skeleton ??= Promise.all([
    import('./skeleton.js'),
    fetch(new URL('./skeletons.json', import.meta.url)).then((r) => (r.ok ? r.json() : {})),
  ]).catch(() => [null, {}]));
globalThis.wengaoShowSkeleton = (name) => loadSkeleton().then(([m, forms]) => m?.show(forms[name]) ?? false);
globalThis.wengaoSkeletonFailed = (message) => loadSkeleton().then(([m]) => m?.failed(message) ?? false);

// Called by the start screen once it is shown: load the skeletons and the full
// app at once (a 新建 clicked right away waits for them; loading the app while
// the start screen was still being built slowed the start screen by 30 ms),
// then, when the page is idle, prewarm it (the browser compiles wasm functions
// on first use; view.rs).
globalThis.wengaoPrefetchApp = () =>
  loadSkeleton() &&
  globalThis
    .wengaoLoadApp()
    .then((glue) => idle(() => glue.prewarm()))
    .catch(() => {});

// `?desk` opens the organizer's desk (审核台), a program of its own: its code
// is fetched only then.
const desk = new URLSearchParams(location.search).has('desk');

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  document.body.textContent = '这个浏览器不支持 WebAssembly，打不开文稿。请换用新版的 Chrome、Edge、Firefox，或者把 360 等双核浏览器切换到“极速模式”。';
} else if (desk) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./desk.css', import.meta.url);
  document.head.append(style);
  import('./wengao-desk.js')
    .then((glue) => glue.default({ module_or_path: new URL('./wengao-desk_bg.wasm', import.meta.url) }))
    .catch((error) => {
      document.body.textContent = '审核台加载失败：' + error;
    });
} else init({ module_or_path: new URL('./wengao-start_bg.wasm', import.meta.url) }).catch((error) => {
  document.body.textContent = '文稿加载失败：' + error;
});
