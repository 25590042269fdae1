// Shows index.html's copy of the start screen, loads the start program
// (wengao-start) that takes its place, and the full app (wengao-app) that
// every action is handed to. Part of the first load, without its whole-line
// comments (scripts/inline-boot.mjs); README.

const url = (name) => new URL(`./${name}`, import.meta.url);
const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
// Resolved once the page is idle, soon (or in the next task without requestIdleCallback).
const quiet = () => new Promise((resolve) => (globalThis.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 150 }) : setTimeout(resolve)));
// After the next frame (a task queued from its callback runs after it).
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const once = (load) => {
  let p;
  // A failure is forgotten: the next call tries again.
  return () => (p ??= load().catch((e) => ((p = undefined), Promise.reject(e))));
};

// A stylesheet, resolved once applied.
const style = (name) =>
  new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url(name), onload: resolve, onerror: reject });
    document.head.append(link);
  });
// form.css: everything but the start screen and the desk.
const formStyle = once(() => style('form.css'));

// The full app's module (its start(action, file); crash_for_test for the e2e).
globalThis.wengaoLoadApp = once(() =>
  Promise.all([import('./wengao-app.js'), formStyle()]).then(([glue]) => glue.default({ module_or_path: url('wengao-app_bg.wasm') }).then(() => glue)),
);

// 新建's forms as plain HTML until the full app's form takes over (skeleton.js).
const loadSkeleton = once(() =>
  Promise.all([import('./skeleton.js'), fetch(url('skeletons.json')).then((r) => (r.ok ? r.json() : {})), formStyle()]).catch(() => [null, {}]),
);
globalThis.wengaoShowSkeleton = (name) => loadSkeleton().then(([m, forms]) => m?.show(forms[name]) ?? false);
globalThis.wengaoSkeletonFailed = (message) => loadSkeleton().then(([m]) => m?.failed(message) ?? false);

// Once the start program's screen is shown: the skeletons and the full app,
// then, when idle, prewarm it (view.rs).
globalThis.wengaoPrefetchApp = () =>
  loadSkeleton() &&
  globalThis
    .wengaoLoadApp()
    .then((glue) => {
      // The templates the office published beside the page (main.rs).
      glue.refresh_published();
      idle(() => glue.prewarm());
    })
    .catch(() => {});

const root = document.getElementById('wengao');
// index.html's copy of the start screen (scripts/skeletons.mjs), hidden until
// shown here: not when a reload returns to a draft or template (action.rs:
// OPEN, STUDIO), unless `?start` asks for the start screen.
const copy = root?.querySelector('main[data-static]');
const keyOf = (el) => `${el.tagName} ${el.getAttribute('aria-label') || el.id || el.textContent.trim()}`;
// The action begun on the copy ([action, file]: 新建 or a file picked), which
// the start program carries on; else the last other button clicked, clicked
// again on its screen; and what was typed, put there.
let begun = null;
let clicked = null;
let carried = null;
let showing = null;

function showCopy() {
  const say = (el, text) => {
    const message = el.closest('section')?.querySelector('.message');
    if (message) message.textContent = text;
  };
  copy.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    const { template } = button.dataset;
    if (begun) return say(button, '正在打开……');
    if (template) {
      begun = [{ action: 'New', template }, null];
      say(button, '正在打开……');
      showing = globalThis.wengaoShowSkeleton(template);
      // After the skeleton's first frame: compiling the app meanwhile slowed it.
      showing
        .then(frame)
        .then(globalThis.wengaoLoadApp)
        .catch(() => {});
    } else {
      clicked = keyOf(button);
      say(button, '正在载入，载入后接着做……');
    }
  });
  copy.addEventListener('change', (e) => {
    const input = e.target;
    if (!input.dataset.action || !input.files?.length) return;
    if (begun) return say(input, `“${input.files[0].name}”没有打开：前一个还在打开，打开后请再选一次。`);
    const template = input.closest('section').querySelector('select')?.value;
    begun = [{ action: input.dataset.action, template }, input.files[0]];
    say(input, '正在打开……');
  });
  copy.hidden = false;
  // Fetched now: small, and a 新建 clicked at the first frame waits for them.
  loadSkeleton();
}

// Called by the start program (start/handoff.rs) just before it mounts.
globalThis.wengaoTakeStatic = () => {
  const focused = copy?.contains(document.activeElement) && document.activeElement;
  carried = copy && {
    values: [...copy.querySelectorAll('textarea, select')].map((el) => [keyOf(el), el.value]),
    focus: focused && [keyOf(focused), focused.selectionStart, focused.selectionEnd],
  };
  root?.replaceChildren();
  return begun;
};

function carryOver() {
  if (!carried) return;
  const live = new Map([...root.querySelectorAll('textarea, select, button')].map((el) => [keyOf(el), el]));
  for (const [key, value] of carried.values) {
    const el = live.get(key);
    if (!el || el.value === value) continue;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const [key, start, end] = carried.focus || [];
  const focus = live.get(key);
  focus?.focus();
  if (focus && typeof start === 'number') focus.setSelectionRange(start, end);
  if (!begun && clicked) live.get(clicked)?.click();
}

let stored = null;
try {
  stored = localStorage;
} catch {}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  document.body.textContent = '这个浏览器不支持 WebAssembly，打不开文稿。请换用新版的 Chrome、Edge、Firefox，或者把 360 等双核浏览器切换到“极速模式”。';
} else if (new URLSearchParams(location.search).has('desk')) {
  // The organizer's desk (审核台), a program of its own, fetched only here.
  root?.replaceChildren();
  Promise.all([import('./wengao-desk.js'), formStyle(), style('desk.css')])
    .then(([glue]) => glue.default({ module_or_path: url('wengao-desk_bg.wasm') }))
    .catch((error) => {
      document.body.textContent = '审核台加载失败：' + error;
    });
} else {
  // Compiled, then instantiated and mounted in a task of its own (together
  // they took 45-60 ms). A server that does not say application/wasm fails
  // compileStreaming: init then fetches it its own way.
  const wasm = url('wengao-start_bg.wasm');
  const start = () =>
    Promise.resolve()
      .then(() => WebAssembly.compileStreaming(fetch(wasm)))
      .catch(() => wasm)
      // (After the skeleton of a 新建 clicked meanwhile, and its frame; else
      // once the page is idle: mounted amid the copy's rendering, it took over
      // 50 ms in 3 of 30 loads, idle in 1.)
      .then((module) => (showing ? showing.then(frame) : quiet()).then(() => module))
      // Imported here, not at the top: evaluating it held the copy up 5-15 ms.
      .then((module) => import('./wengao-start.js').then((glue) => glue.default({ module_or_path: module })))
      .then(carryOver, (error) => {
        document.body.textContent = '文稿加载失败：' + error;
      });
  // The start program is compiled after the copy's first frame (else that
  // frame waits for it) and once the skeletons have come and a frame has
  // passed: a 新建 clicked by then shows its skeleton first.
  if (copy && (location.search === '?start' || !(stored?.getItem('wengao.open') || stored?.getItem('wengao.studio')))) {
    showCopy();
    frame()
      .then(loadSkeleton)
      .then(frame)
      .then(() => showing)
      .then(() => showing && frame())
      .then(start);
  } else start();
}
