// Nothing typed is lost: Chromium with a persistent profile is killed (SIGKILL on
// its whole process group: a crash, a power cut) at several moments after the
// last key, after 新建 and after a picture add, then started again on the same
// profile. Prints what survived at each moment; fails if more than one second of
// typing is lost or the restart does not say what it restored. Also: two tabs
// on one draft, text and pictures, never lose a change silently.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';

const port = 20080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const app = `http://127.0.0.1:${port}${base}`;
const server = await serve('dist', port, base);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-kill-'));
const step = (name) => console.log(`· ${name}`);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium on `profile`, in a process group of its own, driven over CDP. */
async function launch() {
  fs.rmSync(path.join(profile, 'DevToolsActivePort'), { force: true });
  const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium',
    [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: 'ignore' });
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; !fs.existsSync(portFile) || !fs.readFileSync(portFile, 'utf8').includes('\n'); i++) {
    if (i > 300) throw new Error('Chromium did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const cdpPort = fs.readFileSync(portFile, 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { proc, browser, context, page, errors };
}

/** SIGKILL to the browser and all its children, and wait until they are gone. */
async function kill(b) {
  const gone = new Promise((r) => b.proc.once('exit', r));
  process.kill(-b.proc.pid, 'SIGKILL');
  await gone;
  await new Promise((r) => setTimeout(r, 200));
}

const field = '一、（一）一是 正文';
const restoredBanner = (page) => page.getByRole('alert').filter({ hasText: '上次浏览器没有正常关闭' });
const results = [];

try {
  step('killed 300 ms after 新建: the draft is there after the restart');
  let b = await launch();
  await b.page.goto(app);
  await b.page.getByRole('button', { name: '新建党建工作述职报告' }).click({ timeout: 20000 });
  // The draft exists once the form has taken over from 新建's skeleton (app/skeleton.js).
  await b.page.locator('#wengao .editor').waitFor();
  await b.page.locator('#wengao-skeleton').waitFor({ state: 'detached' });
  await new Promise((r) => setTimeout(r, 300));
  await kill(b);
  b = await launch();
  await b.page.goto(app);
  await restoredBanner(b.page).waitFor({ timeout: 20000 });
  assert.match(await restoredBanner(b.page).innerText(), /已恢复这份草稿最后一次自动保存的内容（\d+月\d+日 \d\d:\d\d:\d\d）/);
  await b.page.getByLabel(field).waitFor();
  await b.page.setViewportSize({ width: 1280, height: 720 });
  await b.page.screenshot({ path: 'docs/screenshots/restored.png' });
  results.push('after 新建, killed at 300 ms: the draft was restored');

  // Each round types 30 characters, a key every 40 ms, then kills the browser
  // `wait` ms after the last key. The next start restores and shows it.
  let expected = '';
  for (const wait of [0, 50, 200, 1000]) {
    step(`typing, killed ${wait} ms after the last key`);
    const typed = `第${wait}轮党建引领基层治理扎实推进全面从严治党主体责任落实落细`.slice(0, 30);
    await b.page.getByLabel(field).click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(typed, { delay: 40 });
    const shown = await b.page.getByLabel(field).inputValue();
    await new Promise((r) => setTimeout(r, wait));
    await kill(b);
    b = await launch();
    await b.page.goto(app);
    await restoredBanner(b.page).waitFor({ timeout: 20000 });
    const kept = await b.page.getByLabel(field).inputValue();
    assert.ok(shown.startsWith(kept), `what was restored is a prefix of what was typed: ${kept} / ${shown}`);
    const lost = [...shown].length - [...kept].length;
    results.push(`killed ${wait} ms after the last key: ${[...kept].length - [...expected].length} of ${[...typed].length} characters kept, ${lost} lost`);
    // One second of typing at this speed is 25 characters.
    assert.ok(lost <= 25, `lost ${lost} characters (more than one second of typing)`);
    if (wait >= 200) assert.equal(lost, 0, `nothing lost ${wait} ms after the last key`);
    expected = kept;
  }

  step('a picture added, killed 300 ms later: the picture is restored');
  await b.page.getByRole('button', { name: '← 返回' }).click();
  await b.page.getByRole('button', { name: '新建基层党建创新案例' }).click();
  await b.page.getByLabel('选择图片').setInputFiles('tests/fixtures/pictures/案例首页.jpg');
  await b.page.getByLabel('第1幅的案例图片说明').waitFor();
  await new Promise((r) => setTimeout(r, 300));
  await kill(b);
  b = await launch();
  await b.page.goto(app);
  await restoredBanner(b.page).waitFor({ timeout: 20000 });
  await b.page.getByRole('img', { name: /第1幅：案例首页\.jpg/ }).waitFor();
  results.push('a picture added, killed at 300 ms: the picture was restored');

  step('a normal close is not reported as a crash');
  await b.page.getByLabel('副标题').fill('正常关闭之前写的副标题');
  await new Promise((r) => setTimeout(r, 200));
  // As a drafter does: the tab closed, then the browser quit from its menu.
  const exited = new Promise((r) => b.proc.once('exit', r));
  await b.page.close({ runBeforeUnload: true });
  await (await b.browser.newBrowserCDPSession()).send('Browser.close').catch(() => {});
  await exited;
  b = await launch();
  await b.page.goto(app);
  await b.page.getByLabel('副标题').waitFor({ timeout: 20000 });
  assert.equal(await b.page.getByLabel('副标题').inputValue(), '正常关闭之前写的副标题');
  assert.equal(await restoredBanner(b.page).count(), 0, 'no crash message after a normal close');
  assert.deepEqual(b.errors, [], 'no script errors');
  await kill(b);
  console.log(results.map((r) => `  ${r}`).join('\n'));
  console.log('durability (Chromium, killed browser): ok');

  await twoTabs();
  console.log('two tabs on one draft (Chromium): ok');
  await migration();
  console.log('drafts kept in localStorage by the earlier version move to IndexedDB: ok');
} finally {
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

/** Two tabs on one draft: one edits, the other shows it read-only and can take it over. */
async function twoTabs() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const open = async () => {
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      // A panic's message (crash.rs logs it), to tell which one it was.
      p.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
      await p.goto(app);
      return p;
    };
    const one = await open();
    step('tab 1 creates a 创新案例 and types; tab 2 opens it read-only and follows');
    await one.getByRole('button', { name: '新建基层党建创新案例' }).click({ timeout: 20000 });
    await one.getByLabel('副标题').fill('甲：第一个标签页写的');
    const two = await open();
    const readOnly = two.getByRole('alert').filter({ hasText: '正在另一个标签页里编辑' });
    await readOnly.waitFor({ timeout: 20000 });
    assert.equal(await two.getByLabel('副标题').inputValue(), '甲：第一个标签页写的');
    assert.ok(await two.getByLabel('副标题').isDisabled(), 'the second tab cannot type into the draft');
    await two.screenshot({ path: 'docs/screenshots/two-tabs.png' });
    await one.getByLabel('副标题').fill('甲：第一个标签页又改了');
    await two.waitForFunction(() => document.querySelector('[aria-label="副标题"]').value === '甲：第一个标签页又改了', null, { timeout: 5000 });

    step('tab 1 adds two pictures: tab 2 shows them');
    await one.getByLabel('选择图片').setInputFiles(['tests/fixtures/pictures/案例首页.jpg', 'tests/fixtures/pictures/案例首页.jpg']);
    await one.getByLabel('第2幅的案例图片说明').waitFor();
    await two.getByRole('img', { name: /第2幅：案例首页\.jpg/ }).waitFor({ timeout: 5000 });

    step('tab 2 takes over: tab 1 becomes read-only, nothing of either is lost');
    await two.getByRole('button', { name: '在这里编辑' }).click();
    await readOnly.waitFor({ state: 'detached' });
    await one.getByRole('alert').filter({ hasText: '另一个标签页接着编辑这份草稿了' }).waitFor({ timeout: 5000 });
    assert.ok(await one.getByLabel('副标题').isDisabled(), 'tab 1 is read-only now');
    await two.getByLabel('第1幅的案例图片说明').fill('乙：第二个标签页写的说明');
    await one.waitForFunction(() => document.querySelector('[aria-label="第1幅的案例图片说明"]')?.value === '乙：第二个标签页写的说明', null, { timeout: 5000 });
    await two.getByLabel('选择图片').setInputFiles('tests/fixtures/pictures/案例首页.jpg');
    await one.getByRole('img', { name: /第3幅：案例首页\.jpg/ }).waitFor({ timeout: 5000 });
    await new Promise((r) => setTimeout(r, 200));
    for (const p of [one, two]) {
      await p.reload();
      await p.getByLabel('副标题').waitFor({ timeout: 20000 });
      assert.equal(await p.getByLabel('副标题').inputValue(), '甲：第一个标签页又改了');
      assert.equal(await p.getByLabel('第1幅的案例图片说明').inputValue(), '乙：第二个标签页写的说明');
      await p.getByRole('img', { name: /第3幅：案例首页\.jpg/ }).waitFor({ timeout: 5000 });
    }

    step('a browser without Web Locks: the older tab\'s next change is refused visibly and kept on screen');
    const editing = (await one.getByLabel('副标题').isDisabled()) ? two : one;
    const third = await context.newPage();
    third.on('pageerror', (e) => errors.push(String(e)));
    third.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
    await third.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }); });
    await third.goto(app);
    await third.getByLabel('副标题').waitFor({ timeout: 20000 });
    assert.ok(!(await third.getByLabel('副标题').isDisabled()), 'without locks the newest tab edits');
    await editing.getByLabel('副标题').fill('丙：旧标签页在被接手之后写的');
    const refused = editing.getByRole('alert').filter({ hasText: '这边最后的修改没能保存' });
    await refused.waitFor({ timeout: 5000 });
    assert.equal(await editing.getByLabel('副标题').inputValue(), '丙：旧标签页在被接手之后写的', 'the refused change stays on screen');
    await third.reload();
    await third.getByLabel('副标题').waitFor({ timeout: 20000 });
    assert.equal(await third.getByLabel('副标题').inputValue(), '甲：第一个标签页又改了', 'the refused change did not overwrite the holder');
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await browser.close();
  }
}

/** A draft that the earlier version kept in localStorage is moved, not lost. */
async function migration() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(app);
    await page.getByRole('heading', { name: '新建' }).waitFor({ timeout: 20000 });
    const body = fs.readFileSync('tests/fixtures/drafts/述职报告-六页.json', 'utf8');
    await page.evaluate((body) => {
      const meta = { id: 'old-1', template: 'builtin:述职报告', name: '去年写的述职报告', updated: Date.now() - 86400000 };
      localStorage.setItem('wengao.index', JSON.stringify([meta]));
      localStorage.setItem('wengao.draft.old-1', body);
      localStorage.setItem('wengao.pictures.old-1', '[]');
    }, body);
    await page.reload();
    await page.getByRole('button', { name: '打开去年写的述职报告' }).click({ timeout: 20000 });
    const first = JSON.parse(body).body['履职情况'][0].parts['履职方面'][0];
    await page.getByLabel('一、（一）小标题').waitFor();
    assert.equal(await page.getByLabel('一、（一）小标题').inputValue(), first.title);
    assert.equal(await page.getByLabel('一、（一）一是 正文').inputValue(), first.parts['履职要点'][0].text);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /^wengao\.(index|draft|pictures)/.test(k))), [], 'moved out of localStorage');
  } finally {
    await browser.close();
  }
}
