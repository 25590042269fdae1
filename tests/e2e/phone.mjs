// A drafter on a phone (#39), in Chromium's phone emulation (touch, a coarse
// pointer) at 320×568 and 390×844: on every screen of the form no control past
// the right edge, no horizontal scrolling, no target under 24 px (44 px for the
// finger where it matters: the toolbar and the summary), the bars on top at
// most a fifth of the screen, axe-core 0; then what a drafter does: new, type,
// move and delete a point, a picture from the camera, the menu, the summary's
// 详情, the paged preview fitted to the screen, the caret above the on-screen
// keyboard, and export with a link to the file where the phone does not download;
// and the desk on a tablet.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, consoleError } from './serve.mjs';
import { onScreen } from './phone-measure.mjs';

const port = 19080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const step = (name) => console.log(`· ${name}`);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const server = await serve('dist', port, base);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

const errors = [];
try {
  for (const [width, height] of [[320, 568], [390, 844]]) {
    step(`${width}×${height}, touch`);
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (consoleError(m)) errors.push(m.text()); });
    const check = async (screen) => {
      const m = await page.evaluate(onScreen);
      assert.deepEqual(m.past, [], `${screen}: controls past the edge`);
      assert.equal(m.scrolls, false, `${screen}: the page scrolls sideways`);
      assert.deepEqual(m.small, [], `${screen}: targets under 24 px`);
      assert.deepEqual(m.fingerSmall, [], `${screen}: toolbar and summary targets under 44 px`);
      assert.ok(m.bars <= 0.2, `${screen}: the bars on top take ${(m.bars * 100).toFixed(0)} % of the screen`);
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      assert.deepEqual(found, [], `${screen}: axe-core`);
      console.log(`  ${screen}: inside the screen, targets ≥ 24 px, bars ${(m.bars * 100).toFixed(0)} %, axe-core 0`);
    };

    await page.goto(`http://127.0.0.1:${port}${base}`);
    await page.getByRole('button', { name: '新建党建工作述职报告' }).tap();
    await page.locator('#wengao .editor').waitFor();
    await page.getByLabel('书记姓名').fill('王五');
    await check('a new 述职报告');

    step('type, move and delete a point');
    const first = page.getByLabel('一、（一）一是 正文');
    await first.fill('年内完成23家非公企业党组织组建，覆盖率达到100%。');
    await page.getByRole('button', { name: /^下移一、（一）一是/ }).tap();
    assert.equal(await page.getByLabel('一、（一）二是 正文').inputValue(), '年内完成23家非公企业党组织组建，覆盖率达到100%。');
    await page.getByRole('button', { name: '在一、（一）下添加一个“一是”要点' }).tap();
    await page.getByLabel('一、（一）四是 要点句').fill('第四个要点');
    await page.getByRole('button', { name: '删除一、（一）四是' }).tap();
    assert.equal(await page.getByLabel('一、（一）四是 要点句').count(), 0);
    await check('a point deleted (撤销删除 offered)');
    await page.getByRole('button', { name: '撤销删除' }).tap();
    assert.equal(await page.getByLabel('一、（一）四是 要点句').inputValue(), '第四个要点');
    await check('after moving and deleting');

    step('the caret stays above the on-screen keyboard');
    const last = page.getByLabel('三、（二）一是 正文');
    await last.tap();
    await last.pressSequentially('按季度检查整改进度。');
    // The keyboard opens: the visible part of the page is half as high.
    await page.setViewportSize({ width, height: Math.round(height / 2) });
    await page.waitForTimeout(300);
    const sight = await last.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const bars = document.querySelector('.editor .summary').getBoundingClientRect().bottom;
      return { top: r.top, bottom: r.bottom, bars, visible: window.visualViewport.height };
    });
    assert.ok(sight.bottom <= sight.visible && sight.bottom > sight.bars, `the field with the caret in sight: ${JSON.stringify(sight)}`);
    await page.setViewportSize({ width, height });

    step('the menu: 更多 opens the rest of the toolbar, inside the screen');
    await page.getByRole('button', { name: '更多' }).tap();
    await page.getByRole('button', { name: '导出草稿' }).waitFor();
    await check('the menu open');
    await page.screenshot({ path: `docs/screenshots/phone-${width}-menu.png` });
    const [draftFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).tap()]);
    assert.match(draftFile.suggestedFilename(), /\.草稿\.json$/);
    assert.equal(await page.getByRole('button', { name: '导出草稿' }).isVisible(), false, 'the menu closes');

    step('the summary opens on a tap; the paged preview fits the screen');
    await page.getByRole('button', { name: '详情' }).tap();
    await page.getByRole('button', { name: '分页预览' }).tap();
    await page.locator('.pv-page').first().waitFor();
    const pageWidth = await page.locator('.pv-page').first().evaluate((e) => e.getBoundingClientRect().right);
    assert.ok(pageWidth <= width, `the preview's pages fit: right edge at ${pageWidth}`);
    await page.getByRole('button', { name: '分页预览' }).tap();
    await page.getByRole('button', { name: '详情' }).tap();

    step('export: the file, and a link to it where the phone does not download');
    await page.getByRole('button', { name: '导出 Word' }).tap();
    await check('the export checklist');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '仍然导出' }).tap()]);
    assert.match(docx.suggestedFilename(), /\.docx$/);
    await page.getByRole('link', { name: /^没有开始下载？长按这里保存或分享“.*\.docx”$/ }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `docs/screenshots/phone-${width}-form.png` });

    step('a picture from the camera, in a 创新案例');
    await page.getByRole('button', { name: '← 返回' }).tap();
    await page.getByRole('button', { name: '新建基层党建创新案例' }).tap();
    const picker = page.getByLabel('选择图片').first();
    assert.equal(await picker.getAttribute('accept'), 'image/*', 'the camera is offered');
    await picker.setInputFiles('tests/fixtures/pictures/案例首页.jpg');
    await page.locator('.picture img').first().waitFor();
    await picker.setInputFiles('tests/fixtures/pictures/不是图片.jpg');
    await page.getByText(/不是图片/).first().waitFor();
    await check('a 创新案例 with a picture');
    await context.close();
  }
  step('the desk on a tablet (768×1024, touch): a desktop screen that still fits');
  const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const desk = await tablet.newPage();
  desk.on('pageerror', (e) => errors.push(String(e)));
  await desk.goto(`http://127.0.0.1:${port}${base}?desk`);
  await desk.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(['tests/fixtures/audit/合格.docx', 'tests/fixtures/audit/内容不全.docx']);
  await desk.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
  const fits = await desk.evaluate(onScreen);
  assert.deepEqual(fits.past, [], 'the desk: controls past the edge');
  assert.equal(fits.scrolls, false, 'the desk scrolls sideways');
  await tablet.close();

  assert.deepEqual(errors, []);
  console.log('phone e2e (Chromium, 320×568 and 390×844 with touch): ok');
} finally {
  await browser.close();
  server.close();
}
