// End-to-end (Chromium): 新建's form before the full app has come (app/skeleton.js).
// - every built-in template's skeleton is the full app's form as it enters the
//   page (else: trunk build --release && node scripts/skeletons.mjs);
// - typed into before the app arrives (held back by the test): text with & < >
//   and an emoji, a name, a choice, a click on 导出 Word, and pinyin still being
//   composed when the app arrives; all of it is in the form afterwards, with the
//   focus and the caret, the click carried out, and kept over a reload;
// - the app cannot be fetched after something was typed: the text stays, and
//   再试一次 brings the form with it;
// - index.html's copy of the start screen is the start program's screen as it
//   mounts; before that program has come (held back), 新建 there opens its
//   skeleton, text typed there is carried to the program's screen, a draft
//   file picked there is opened; a reload into a draft never shows it.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { builtins, formAtMount, startAtMount, COPY } from '../../scripts/skeletons.mjs';

const port = 20080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const url = `http://127.0.0.1:${port}${base}`;
const server = await serve('dist', port, base);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const errors = [];
const step = (name) => console.log(`· ${name}`);
const FIRST = '一、（一）一是 正文';
const skeletonOf = (page) => page.locator('#wengao-skeleton');

/** A page whose full app (its wasm) is fetched only once `gate.open()` has been
 * called, and then fails while `gate.cut` is set. */
async function heldBack() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e))); page.on('console', (m) => m.type() === 'error' && console.log('  console:', m.text().slice(0, 300)));
  page.on('dialog', (d) => d.accept());
  const gate = { cut: false };
  const opened = new Promise((resolve) => (gate.open = resolve));
  await page.route('**/wengao-app_bg.wasm', async (route) => {
    await opened;
    await (gate.cut ? route.abort('internetdisconnected') : route.continue());
  });
  await page.goto(url);
  return { context, page, gate };
}

try {
  step('every built-in template: its skeleton is the full app\'s new form as it enters the page');
  const stored = JSON.parse(fs.readFileSync('dist/skeletons.json', 'utf8'));
  for (const { name, title } of builtins()) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e))); page.on('console', (m) => m.type() === 'error' && console.log('  console:', m.text().slice(0, 300)));
    await page.goto(url);
    const form = await formAtMount(page, title);
    assert.ok(stored[name], `${name} has a skeleton`);
    assert.ok(form === stored[name], `${name}'s skeleton is stale: run trunk build --release && node scripts/skeletons.mjs`);
    await context.close();
  }

  step("index.html's copy of the start screen is the start program's screen as it mounts");
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const live = await startAtMount(await context.newPage(), url);
    const copy = fs.readFileSync('dist/index.html', 'utf8').match(COPY)?.[2];
    assert.ok(copy === live, "index.html's copy of the start screen is stale: run trunk build --release && node scripts/skeletons.mjs");
    await context.close();
  }

  step('the copy before the start program comes: 新建 opens its skeleton (and takes the focus there from the keyboard); typed text and a picked draft file are carried on');
  {
    /** A page whose start program (its wasm) is held back until `release()`. */
    const startHeld = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e))); page.on('console', (m) => m.type() === 'error' && console.log('  console:', m.text().slice(0, 300)));
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await page.route('**/wengao-start_bg.wasm', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(url);
      await page.locator('main[data-static]:not([hidden])').waitFor();
      return { context, page, release };
    };
    const program = (page) => page.locator('main.start:not([data-static])');
    {
      const { context, page, release } = await startHeld();
      await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).click();
      await skeletonOf(page).getByLabel(FIRST).fill('写在开始页程序到之前 & <b> 🚩');
      assert.equal(await program(page).count(), 0, 'the start program has not come yet');
      release();
      await skeletonOf(page).waitFor({ state: 'detached', timeout: 20000 });
      assert.equal(await page.locator('#wengao').getByLabel(FIRST).inputValue(), '写在开始页程序到之前 & <b> 🚩');
      await page.locator('[aria-label="自动保存"][aria-busy="false"]').waitFor();
      await page.reload();
      assert.equal(await page.locator('main[data-static]:not([hidden])').count(), 0, 'a reload into the draft does not show the copy');
      await page.getByLabel(FIRST).waitFor({ timeout: 20000 });
      assert.equal(await page.getByLabel(FIRST).inputValue(), '写在开始页程序到之前 & <b> 🚩', 'kept over a reload');
      await context.close();
    }
    {
      // From the keyboard: the focus goes from 新建 to the form, not to the page.
      const { context, page, release } = await startHeld();
      await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).focus();
      await page.keyboard.press('Enter');
      await skeletonOf(page).getByLabel(FIRST).waitFor();
      const focused = () => page.evaluate(() => `${document.activeElement.closest('#wengao-skeleton, #wengao')?.id} ${document.activeElement.getAttribute('role')}`);
      assert.equal(await focused(), 'wengao-skeleton main', 'the skeleton form has the focus');
      release();
      await skeletonOf(page).waitFor({ state: 'detached', timeout: 20000 });
      assert.equal(await focused(), 'wengao main', 'and the form that took over has it');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '← 返回', 'Tab goes on to the toolbar');
      await context.close();
    }
    {
      const { context, page, release } = await startHeld();
      await page.locator('#count-input').fill('党建工作 & <b> 🚩');
      release();
      await program(page).waitFor({ timeout: 20000 });
      assert.equal(await page.locator('#count-input').inputValue(), '党建工作 & <b> 🚩', 'the counter keeps the text');
      assert.equal(await page.getByLabel('字数统计结果').textContent(), '7', 'and counts it (7, as wengao count says)');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'count-input', 'the focus stays');
      await context.close();
    }
    {
      const { context, page, release } = await startHeld();
      await page.getByLabel('打开草稿文件（.json）').setInputFiles('tests/fixtures/drafts/创新案例.json');
      // A second file picked meanwhile is not opened, and the copy says so.
      await page.getByLabel('载入模板文件（.wg）').setInputFiles('templates/述职报告.wg');
      await page.getByText('“述职报告.wg”没有打开：前一个还在打开，打开后请再选一次。').waitFor();
      release();
      await page.locator('.editor').waitFor({ timeout: 20000 });
      await page.getByLabel('选择图片').first().waitFor({ timeout: 5000 });
      assert.equal(await page.locator('.editor').count(), 1, 'the first file is open, the second not');
      await context.close();
    }
  }

  step('typed into before the app comes: text, a name, a choice, a click, and pinyin being composed');
  {
    const { context, page, gate } = await heldBack();
    // A prompt folded in an earlier form stays folded.
    await page.evaluate(() => localStorage.setItem('wengao.prompt.builtin:述职报告.全文', '0'));
    await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).click();
    const skeleton = skeletonOf(page);
    await skeleton.getByLabel(FIRST).waitFor();
    assert.equal(await page.locator('#wengao').isHidden(), true, 'the start screen is out of sight');
    const folded = (root) => root.locator('.doc-prompt details').evaluate((d) => !d.open);
    assert.equal(await folded(skeleton), true, 'the folded prompt is folded in the skeleton');
    await page.screenshot({ path: 'docs/screenshots/skeleton.png' });
    // 导语's prompt folded in the skeleton.
    const intro = (root) => root.locator('#part-导语-0 details.prompt');
    await intro(skeleton).locator('summary').click();
    assert.equal(await intro(skeleton).evaluate((d) => d.open), false);
    await skeleton.getByLabel('书记姓名').fill('钱七');
    const kind = skeleton.getByLabel('单位类型');
    const choice = await kind.locator('option').nth(2).getAttribute('value');
    await kind.selectOption(choice);
    await skeleton.getByLabel(FIRST).click();
    await page.keyboard.type('抓党建&<促>发展😀');
    // A file cannot be chosen before the form can read it: said, and no file dialog.
    let chooser = false;
    page.on('filechooser', () => (chooser = true));
    await skeleton.getByText('导入 Word 文件').click();
    await skeleton.getByText('表单还在载入，稍等再点一次').waitFor();
    await page.waitForTimeout(300);
    assert.equal(chooser, false, 'no file dialog from the skeleton');
    await skeleton.getByRole('button', { name: '导出 Word' }).click();
    await skeleton.getByText('表单还在载入，载入后接着做').waitFor();
    await skeleton.getByLabel(FIRST).focus();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'dang', selectionStart: 4, selectionEnd: 4 });
    gate.open();
    // The app comes while pinyin is being composed: the skeleton stays until it is committed.
    await page.waitForFunction(() => window.wengaoLoadApp().then(() => true));
    await page.waitForTimeout(800);
    assert.equal(await skeleton.count(), 1, 'no takeover in the middle of composing');
    await cdp.send('Input.insertText', { text: '党' });
    await skeleton.waitFor({ state: 'detached' });
    const first = page.getByLabel(FIRST);
    const typed = '抓党建&<促>发展😀党';
    assert.equal(await first.inputValue(), typed);
    assert.deepEqual(
      await first.evaluate((el) => [document.activeElement === el, el.selectionStart, el.value.length]),
      [true, typed.length, typed.length],
      'the focus and the caret are where they were',
    );
    assert.equal(await page.getByLabel('书记姓名').inputValue(), '钱七');
    assert.equal(await page.getByLabel('单位类型').inputValue(), choice);
    assert.equal(await folded(page.locator('#wengao')), true, 'and in the form');
    assert.equal(await intro(page.locator('#wengao')).evaluate((d) => d.open), false, 'a prompt folded in the skeleton is folded in the form');
    // The click on 导出 Word, carried out once the form was there.
    const checklist = page.getByRole('dialog', { name: '导出前检查' });
    await checklist.waitFor();
    await checklist.getByRole('button', { name: '返回修改' }).click();
    // Counted as typed (字数 as Word counts: 9 Chinese characters, & < > and the emoji).
    const total = page.getByRole('status', { name: '全文 字数' });
    await page.waitForFunction(() => /字/.test(document.querySelector('[aria-label="全文 字数"]')?.textContent));
    const words = Number((await total.innerText()).match(/(\d+)字/)[1]);
    assert.ok(words > 0, `the typed text is counted (${words})`);
    await page.locator('[aria-label="自动保存"][aria-busy="false"]').waitFor();
    await page.getByText(/已自动保存/).waitFor();
    await page.reload();
    await page.getByLabel(FIRST).waitFor();
    assert.equal(await page.getByLabel(FIRST).inputValue(), typed, 'kept over a reload');
    assert.equal(await page.getByLabel('书记姓名').inputValue(), '钱七');
    assert.equal(await intro(page.locator('#wengao')).evaluate((d) => d.open), false, 'the folding is remembered');
    await context.close();
  }

  step('the app cannot be fetched after something was typed: the text stays, 再试一次 brings the form with it');
  {
    const { context, page, gate } = await heldBack();
    await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).click();
    const skeleton = skeletonOf(page);
    await skeleton.getByLabel(FIRST).fill('网络断了也不丢');
    gate.cut = true;
    gate.open();
    const alert = skeleton.getByRole('alert').filter({ hasText: '没能从服务器载入' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /这里写的字还在/);
    assert.equal(await skeleton.getByLabel(FIRST).inputValue(), '网络断了也不丢');
    gate.cut = false;
    await alert.getByRole('button', { name: '再试一次' }).click();
    await skeleton.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel(FIRST).inputValue(), '网络断了也不丢');
    await context.close();
  }

  assert.deepEqual(errors, [], 'no errors in the page');
  console.log('skeleton e2e: ok');
} finally {
  await browser.close();
  server.close();
}
