// The component's API as a host page uses it (#42, docs/embedding.md), the same
// in every browser: embed.mjs runs it in Chromium, firefox-embed.mjs in Firefox
// ESR. The host page (pages/embed-host.html) counts what the forms add to window
// and document, the channels that listen and the Web Locks held. `browser`:
//   run(fn, arg)             runs `async (arg) => …` in the page, returns its JSON result
//   type(region, label, s)   types into the field labelled `label` in the region
//   click(region, name)      clicks the button named `name` in the region
//   downloads()              how many downloads the page started
//   shot(name)               a screenshot into docs/screenshots, where the browser takes one
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const cli = (...args) => execFileSync('target/debug/wengao', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const part = (file, name) => execFileSync('unzip', ['-p', file, name]);

/** dist/ under a sub-path with the host page beside it, as an OA system would serve it. */
export function site(tmp) {
  const dir = path.join(tmp, 'site');
  fs.cpSync('dist', dir, { recursive: true });
  fs.copyFileSync('tests/e2e/pages/embed-host.html', path.join(dir, 'host.html'));
  return dir;
}

// Polls `check` (a page function) until it returns a truthy value.
async function until(browser, check, arg, what) {
  const end = Date.now() + 30000;
  for (;;) {
    const value = await browser.run(check, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited 30 s for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function scenario(browser, { tmp, name, step }) {
  const report = fs.readFileSync('templates/述职报告.wg', 'utf8');
  const list = fs.readFileSync('templates/整改清单.wg', 'utf8');
  const example = path.join(tmp, 'example.json');
  cli('example', 'templates/述职报告.wg', '-o', example);
  const exampleDraft = fs.readFileSync(example, 'utf8');
  await until(browser, async () => window.ready === true, null, 'the host page to load wengao');

  // What the page holds before any form: what destroy() must come back to.
  const baseline = await browser.run(async () => holding());
  assert.deepEqual(baseline.locks, []);

  step('mount(element, template, { draft, storageKey, onChange }): the form shows the draft given');
  await browser.run(async ({ report, exampleDraft }) => {
    window.changes = [];
    window.a = await wengao.mount(document.getElementById('a'), report, {
      draft: exampleDraft,
      storageKey: 'oa-述职-张三',
      onChange: ({ draft, ...figures }) => changes.push({ ...figures, draftJson: draft() }),
    });
  }, { report, exampleDraft });
  const given = JSON.parse(exampleDraft);
  assert.equal(JSON.parse(await browser.run(async () => a.draft())).fields['姓名'], given.fields['姓名']);
  const held = await browser.run(async () => holding());
  assert.equal(held.locks.length, 1, `the stored draft's lock: ${held.locks}`);
  // What destroy() must take away again: the stored form watches the page's end and the other tabs.
  assert.ok(held.listeners.includes('window:pagehide') && held.listening === 1, JSON.stringify(held));
  console.log(`  the page keeps ${baseline.listeners.length} listeners of its own; with the form: ${held.listeners.length}, ${held.listening} channel, lock ${held.locks}`);

  step('typing: onChange gets the CLI\'s figures once typing pauses');
  await browser.type('a', '导语', '根据区委统一安排，现将本人抓基层党建工作情况报告如下，请予评议。');
  const summary = await until(browser, async () => changes.at(-1)?.draftJson.includes('请予评议') && changes.at(-1), null, 'onChange after typing');
  const typed = path.join(tmp, `${name}-typed.json`);
  fs.writeFileSync(typed, summary.draftJson);
  const figures = JSON.parse(cli('stats', 'templates/述职报告.wg', typed, '--json'));
  const { draftJson, ...givenFigures } = summary;
  assert.deepEqual(givenFigures, figures, 'the same figures as wengao stats --json');
  assert.equal(figures.parts[0].label, '全文');

  step('checklist(): what 导出 Word would list, each entry pointing into this form');
  const inForm = async (form, region) =>
    browser.run(async ({ form, region }) => window[form].checklist().map((e) => ({ ...e, there: !!document.getElementById(region).querySelector(`[id="${e.anchor}"]`) })), { form, region });
  const checklist = await inForm('a', 'a');
  assert.ok(checklist.some((e) => e.kind === 'problem' && /^全文约\d+页，上限6页/.test(e.message)), JSON.stringify(checklist));
  assert.deepEqual(checklist.filter((e) => !e.there), [], 'every anchor is an element of this form');
  step('a link in the form scrolls to its place and leaves the page\'s address alone');
  assert.equal(await browser.run(async () => { document.querySelector('#a a[href^="#"]').click(); return location.hash; }), '');

  step('exportDocx(): the bytes of the file a download would give, rendered as the CLI renders the same draft');
  const bytes = await browser.run(async () => btoa(String.fromCharCode(...(await a.exportDocx()))));
  const docx = path.join(process.env.WENGAO_OUTPUT_DIR || tmp, `${name}-embedded-report.docx`);
  fs.writeFileSync(docx, Buffer.from(bytes, 'base64'));
  const cliDocx = path.join(tmp, `${name}-cli.docx`);
  cli('render', 'templates/述职报告.wg', typed, '-o', cliDocx);
  assert.ok(part(docx, 'word/document.xml').equals(part(cliDocx, 'word/document.xml')), 'the same document as the CLI renders');
  const pptx = await browser.run(async () => { const b = await a.exportPptx(); return [b[0], b[1], b.length]; });
  assert.deepEqual(pptx.slice(0, 2), [0x50, 0x4b], 'exportPptx() gives a zip (a 述职时长 is set)');

  step('a second form beside the first: its own template, draft, toolbar and element ids; onExport takes the file');
  await browser.run(async ({ list }) => {
    window.exported = [];
    window.b = await wengao.mount(document.getElementById('b'), list, {
      storageKey: false,
      toolbar: ['exportDocx'],
      onExport: (bytes, fileName) => { exported.push([fileName, bytes.length]); },
    });
  }, { list });
  const before = await browser.run(async () => a.draft());
  await browser.type('b', '单位', '八角街道党工委');
  assert.equal(await browser.run(async () => a.draft()), before, 'typing in the second form leaves the first alone');
  assert.equal(JSON.parse(await browser.run(async () => b.draft())).fields['单位'], '八角街道党工委');
  assert.deepEqual(await browser.run(async () => [...document.querySelectorAll('#b nav.toolbar button, #b nav.toolbar label')].map((e) => e.textContent.trim())), ['导出 Word']);
  const ids = await browser.run(async () => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no element id twice on the page');
  assert.deepEqual(ids.filter((id) => /summary|fields-heading/.test(id) && !id.startsWith('wengao')), [], 'the forms\' ids have their prefixes');
  const listChecklist = await inForm('b', 'b');
  assert.ok(listChecklist.length > 0 && listChecklist.every((e) => e.there), JSON.stringify(listChecklist));
  await browser.shot?.('embedded-two');
  const downloadsBefore = await browser.downloads();
  await browser.click('b', '导出 Word');
  await browser.click('b', '仍然导出');
  const taken = await until(browser, async () => exported.length > 0 && exported, null, 'onExport');
  assert.match(taken[0][0], /\.docx$/);
  assert.ok(taken[0][1] > 3000, `a whole file: ${taken[0][1]} bytes`);
  assert.equal(await browser.downloads(), downloadsBefore, 'taken by the page, not downloaded');
  const refused = await browser.run(async () => b.exportPptx().then(() => 'resolved', (r) => r.message));
  assert.match(refused, /述职时长/);

  step('setDraft(): a draft fitted in, or refused as a value');
  const sixPages = fs.readFileSync('tests/fixtures/drafts/述职报告-六页.json', 'utf8');
  const set = await browser.run(async (d) => a.setDraft(d), sixPages);
  assert.equal(set.ok, true, JSON.stringify(set));
  const sixPagesBody = JSON.stringify(JSON.parse(sixPages).body);
  assert.notEqual(JSON.stringify(given.body), sixPagesBody, 'the two drafts differ');
  assert.equal(JSON.stringify(JSON.parse(await browser.run(async () => a.draft())).body), sixPagesBody, 'the form holds the draft set');
  const after = await browser.run(async () => a.checklist().map((e) => e.message));
  assert.ok(!after.some((m) => /页，上限6页/.test(m)), `six pages: no page problem: ${after}`);
  const wrong = await browser.run(async (d) => a.setDraft(d), fs.readFileSync('tests/fixtures/drafts/整改清单.json', 'utf8'));
  assert.equal(wrong.ok, false);
  assert.match(wrong.error, /不是同一种报告/);

  step('a third form on the first one\'s key opens read-only, and refuses setDraft');
  const third = await browser.run(async ({ report, sixPages }) => {
    const h = await wengao.mount(document.getElementById('c'), report, { storageKey: 'oa-述职-张三' });
    const answer = h.setDraft(sixPages);
    h.destroy();
    return answer;
  }, { report, sixPages });
  assert.equal(third.ok, false);
  assert.match(third.error, /只能查看/);

  step('errors are values: a broken template rejects with its diagnostics, bad options with why');
  const broken = await browser.run(async () => wengao.mount(document.getElementById('c'), '模板：坏了的模板\n一级\n').then(() => null, (r) => r));
  assert.match(broken.message, /模板有\d+处错误/);
  assert.ok(broken.diagnostics.length > 0 && broken.diagnostics.every((d) => d.line >= 1 && d.column >= 1 && /^E\d\d$/.test(d.code)), JSON.stringify(broken.diagnostics));
  assert.match(await browser.run(async () => document.querySelector('#c pre.diagnostics').textContent), /错误\[E\d\d\]/);
  const badOptions = await browser.run(async ({ list }) => wengao.mount(document.getElementById('c'), list, { toolbar: ['打印'] }).then(() => null, (r) => r.message), { list });
  assert.match(badOptions, /“打印”不是按钮的名字/);

  step('destroy(): both forms gone, their lock released, no listener or channel left; later calls answer nothing');
  await browser.run(async () => { a.destroy(); b.destroy(); a.destroy(); });
  const left = await until(browser, async (n) => { const h = await holding(); return h.locks.length === 0 && h; }, null, 'the lock to be released');
  assert.deepEqual(left, baseline);
  assert.deepEqual(await browser.run(async () => [document.getElementById('a').children.length, document.getElementById('b').children.length]), [0, 0]);
  assert.equal(await browser.run(async () => a.draft() === undefined && a.checklist() === undefined), true);
  assert.match(await browser.run(async () => a.exportDocx().then(() => 'resolved', (r) => r.message)), /销毁/);

  step('the stored draft is there for the next mount under the same storageKey');
  const again = await browser.run(async ({ report }) => {
    const h = await wengao.mount(document.getElementById('a'), report, { storageKey: 'oa-述职-张三' });
    const d = JSON.parse(h.draft());
    h.destroy();
    return JSON.stringify(d.body);
  }, { report });
  assert.equal(again, sixPagesBody);

  step('<wengao-form>: the custom element, its events and methods; removed, it lets go');
  await browser.run(async () => {
    window.elementEvents = [];
    const el = Object.assign(document.createElement('wengao-form'), { id: 'custom' });
    el.setAttribute('template', '#inline-template');
    el.setAttribute('storage-key', 'false');
    for (const type of ['wengao-ready', 'wengao-change', 'wengao-error']) el.addEventListener(type, (e) => elementEvents.push([type, e.detail]));
    document.getElementById('d').append(el);
  });
  await until(browser, async () => elementEvents.some(([t]) => t === 'wengao-ready'), null, 'wengao-ready');
  await browser.type('d', '单位', '第一支部');
  const changed = await until(browser, async () => { const d = elementEvents.find(([t]) => t === 'wengao-change')?.[1]; return d && { parts: d.parts, draft: typeof d.draft }; }, null, 'wengao-change');
  assert.equal(changed.draft, 'function');
  assert.equal(changed.parts[0].label, '全文');
  assert.ok(await browser.run(async () => Array.isArray(document.getElementById('custom').checklist())));
  step('<wengao-form> moved on the page keeps its form; removed while it mounts, it leaves nothing');
  await browser.run(async () => { const el = document.getElementById('custom'); document.getElementById('c').append(el); });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await browser.run(async () => document.querySelectorAll('#custom .editor').length), 1, 'still one form after the move');
  assert.equal(await browser.run(async () => elementEvents.filter(([t]) => t === 'wengao-ready').length), 1, 'mounted once');
  await browser.run(async () => document.getElementById('custom').remove());
  await browser.run(async () => {
    const el = document.createElement('wengao-form');
    el.setAttribute('template', '#inline-template');
    el.setAttribute('storage-key', '一闪而过');
    document.getElementById('d').append(el);
    setTimeout(() => el.remove(), 0);
  });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await browser.run(async () => document.querySelectorAll('wengao-form, .editor').length), 0);
  assert.deepEqual(await until(browser, async () => { const h = await holding(); return h.locks.length === 0 && h; }, null, 'the elements to let go'), baseline);

  assert.deepEqual(await browser.run(async () => track.errors), [], 'nothing thrown into the page');
}
