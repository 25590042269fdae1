// The new form of a built-in template as plain HTML, which the start screen
// shows the moment 新建 is clicked (start/handoff.rs), so that the drafter can
// start typing while the full app (about 745 KB gz) is still being fetched and
// compiled. When the full app's own form appears in #wengao (hidden meanwhile),
// it takes the skeleton's place with what was typed or chosen, the focus, the
// caret, the scroll and the prompts folded or unfolded, and the last button
// clicked meanwhile is clicked again.
//
// The HTML is the full app's form itself, snapshotted by scripts/skeletons.mjs
// with snapshot() below into skeletons.json; tests/e2e/skeleton.mjs fails when
// the snapshot no longer matches the form. A control is matched to its
// counterpart by keyed(): tag, label and how many of the same came before; one
// without a counterpart (a stale snapshot) has its text shown, not dropped.

const ID = 'wengao-skeleton';
const CONTROLS = 'textarea, input:not([type=file]):not([type=button]), select';
const BUTTONS = 'button, summary';

/// The elements under `root` matching `selector`, each with a key that names the
/// same element in another copy of the form.
function keyed(root, selector) {
  const seen = new Map();
  return [...root.querySelectorAll(selector)].map((el) => {
    const name = `${el.tagName} ${el.getAttribute('aria-label') || el.id || el.textContent.trim()}`;
    const n = seen.get(name) || 0;
    seen.set(name, n + 1);
    return [`${name} ${n}`, el];
  });
}

function edited(el) {
  if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
  if (el.tagName === 'SELECT') return [...el.options].some((o) => o.selected !== o.defaultSelected);
  return el.value !== el.defaultValue;
}

/// `root`'s HTML with its controls' values written in, without what changes
/// from one opening of a new form to the next (when it was saved, notices):
/// what scripts/skeletons.mjs stores and tests/e2e/skeleton.mjs compares.
export function snapshot(root) {
  const copy = root.cloneNode(true);
  const copies = copy.querySelectorAll(CONTROLS);
  root.querySelectorAll(CONTROLS).forEach((el, i) => {
    const to = copies[i];
    if (el.type === 'checkbox' || el.type === 'radio') to.toggleAttribute('checked', el.checked);
    else if (el.tagName === 'SELECT') [...el.options].forEach((o, j) => to.options[j].toggleAttribute('selected', o.selected));
    else if (el.tagName === 'TEXTAREA') to.textContent = el.value;
    else to.setAttribute('value', el.value);
  });
  for (const el of copy.querySelectorAll('.saved, .notice')) el.textContent = '';
  for (const el of copy.querySelectorAll('[aria-busy]')) el.setAttribute('aria-busy', 'false');
  return copy.innerHTML;
}

let shown;

function readPref(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/// Shows `html` (a built-in template's form from skeletons.json) in place of
/// #wengao; false when there is none (then the full app's form is awaited as before).
export function show(html) {
  const app = document.getElementById('wengao');
  if (!html || !app || shown) return false;
  const skeleton = document.createElement('div');
  skeleton.id = ID;
  skeleton.innerHTML = html;
  // Prompts the drafter folded stay folded, as the form will have them (form/inputs.rs).
  for (const prompt of skeleton.querySelectorAll('details[data-pref]')) {
    if (readPref(prompt.dataset.pref) === '0') prompt.open = false;
  }
  const state = { skeleton, app, composing: false, waiting: false, clicked: null };
  shown = state;
  const notice = skeleton.querySelector('.notice');
  skeleton.addEventListener(
    'click',
    (e) => {
      const file = e.target.closest('label.file-button, input[type=file]');
      const button = e.target.closest(BUTTONS);
      if (file) {
        e.preventDefault();
        if (notice) notice.textContent = '表单还在载入，稍等再点一次';
      } else if (button && !button.closest('.skeleton-alert')) {
        if (button.tagName === 'SUMMARY') return;
        e.preventDefault();
        state.clicked = keyed(skeleton, BUTTONS).find(([, el]) => el === button)?.[0] ?? null;
        if (notice) notice.textContent = '表单还在载入，载入后接着做';
      }
    },
    true,
  );
  // Text areas grow with their content, as in the form (form/inputs.rs).
  skeleton.addEventListener('input', (e) => {
    if (e.target.tagName !== 'TEXTAREA') return;
    e.target.style.height = 'auto';
    e.target.style.height = `${e.target.scrollHeight + 2}px`;
  });
  skeleton.addEventListener('compositionstart', () => (state.composing = true));
  // An IME's last input event may follow compositionend: take over after it.
  skeleton.addEventListener('compositionend', () => {
    state.composing = false;
    if (state.waiting) setTimeout(() => arrived(state));
  });
  // 新建 pressed from the keyboard had the focus: hiding it would drop the
  // focus to the page; it goes to the form (its main landmark) instead.
  const hadFocus = app.contains(document.activeElement);
  app.hidden = true;
  topFirst(skeleton);
  app.before(skeleton);
  if (hadFocus) focusForm(skeleton);
  // Synchronously in the observer's callback: no task runs with both forms in the page.
  state.observer = new MutationObserver(() => arrived(state));
  state.observer.observe(app, { childList: true, subtree: true });
  return true;
}

/// Lays the form out top first: its blocks (the fieldset's children: overview,
/// fields, each part) past about two screens' worth of markup are hidden, and
/// shown one per frame after, so that the top can be typed into sooner (laying
/// out the whole 述职报告 form at once took 90–150 ms, its top 55–75 ms).
const FIRST_MARKUP = 12000;
function topFirst(skeleton) {
  const blocks = [...(skeleton.querySelector('fieldset.form')?.children ?? [])];
  let before = 0;
  const later = blocks.filter((block) => {
    const shownLater = before > FIRST_MARKUP;
    before += block.outerHTML.length;
    return shownLater;
  });
  for (const block of later) block.style.display = 'none';
  const next = () => {
    if (!skeleton.isConnected || !later.length) return;
    later.shift().style.removeProperty('display');
    requestAnimationFrame(next);
  };
  requestAnimationFrame(() => requestAnimationFrame(next));
}

/// Puts the focus on the form in `root` (its `.editor`, the page's main
/// landmark), without scrolling: Tab goes on to its toolbar.
function focusForm(root) {
  const editor = root.querySelector('.editor');
  if (!editor) return;
  editor.tabIndex = -1;
  editor.focus({ preventScroll: true });
}

function arrived(state) {
  const { app } = state;
  if (app.querySelector('.editor')) takeOver(state);
  // The full app could not open the form (storage refused, say): its start screen says why.
  else if (app.querySelector('main.start')) keep(state, '表单没能打开，原因见开始页上的说明。', '回到开始页').then(() => close(state));
}

function close(state) {
  state.observer.disconnect();
  state.skeleton.remove();
  state.app.hidden = false;
  shown = undefined;
}

function takeOver(state) {
  // Never in the middle of composing pinyin: the IME would lose it.
  if (state.composing) return void (state.waiting = true);
  const { skeleton, app } = state;
  state.observer.disconnect();
  const live = new Map(keyed(app, CONTROLS));
  const unplaced = [];
  for (const [key, el] of keyed(skeleton, CONTROLS)) {
    if (!edited(el)) continue;
    const to = live.get(key);
    if (!to) {
      if (el.value.trim()) unplaced.push(el.value);
      continue;
    }
    if (el.type === 'checkbox' || el.type === 'radio') to.checked = el.checked;
    else to.value = el.value;
    to.dispatchEvent(new Event('input', { bubbles: true }));
    to.dispatchEvent(new Event('change', { bubbles: true }));
  }
  // A prompt (un)folded meanwhile: the form's toggle handler remembers it.
  const prompts = app.querySelectorAll('details[data-pref]');
  skeleton.querySelectorAll('details[data-pref]').forEach((d, i) => {
    if (prompts[i] && prompts[i].open !== d.open) prompts[i].open = d.open;
  });
  const active = document.activeElement;
  const focusKey = skeleton.contains(active) ? keyed(skeleton, `${CONTROLS}, ${BUTTONS}`).find(([, el]) => el === active)?.[0] : null;
  const selection = focusKey && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd, active.selectionDirection] : null;
  const { scrollX, scrollY } = window;
  close(state);
  window.scrollTo(scrollX, scrollY);
  const target = focusKey && new Map(keyed(app, `${CONTROLS}, ${BUTTONS}`)).get(focusKey);
  if (skeleton.contains(active) && active.matches('.editor')) focusForm(app);
  else if (target) {
    target.focus({ preventScroll: true });
    if (selection) target.setSelectionRange(...selection);
  }
  if (unplaced.length) {
    const alert = document.createElement('p');
    alert.className = 'banner warn';
    alert.setAttribute('role', 'alert');
    alert.textContent = `表单载入前写的这些字没找到原来的位置，请复制到该写的地方：${unplaced.join('\n')}`;
    app.prepend(alert);
  }
  const clicked = state.clicked && new Map(keyed(app, BUTTONS)).get(state.clicked);
  if (clicked) clicked.click();
}

/// The form cannot come: without anything typed, the skeleton goes at once
/// (the promise resolves to false); otherwise it stays, saying `message`, with a
/// button labelled `label` that resolves the promise to true.
function keep(state, message, label) {
  state.observer.disconnect();
  if (!keyed(state.skeleton, CONTROLS).some(([, el]) => edited(el))) {
    close(state);
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const alert = document.createElement('p');
    alert.className = 'banner error skeleton-alert';
    alert.setAttribute('role', 'alert');
    alert.textContent = `${message}这里写的字还在，请先复制留底。`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => {
      alert.remove();
      resolve(true);
    });
    alert.append(' ', button);
    state.skeleton.prepend(alert);
    button.focus();
  });
}

/// The full app could not be loaded (handoff.rs says `message` on the start
/// screen): true when the drafter asks to try again (the skeleton waits for the
/// form again), false when the start screen has come back instead.
export async function failed(message) {
  const state = shown;
  if (!state || !(await keep(state, message, '再试一次'))) return false;
  state.observer.observe(state.app, { childList: true, subtree: true });
  return true;
}
