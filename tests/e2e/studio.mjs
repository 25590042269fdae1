// The template studio in Chromium, as a template author uses it: 新建模板, typing
// a template line by line (a line with pinyin composition), an error appearing at
// its line and column and going when fixed, the form following; reload; a draft
// started from the template, filled and exported; the template then edited (a
// part renamed, one removed) and the draft reopened with nothing lost. Measures
// keystroke → diagnostics on a 300-line template.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, consoleError } from './serve.mjs';

const port = 22080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const origin = `http://127.0.0.1:${port}`;
const server = await serve('dist', port, base);
const step = (name) => console.log(`· ${name}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = process.env.WENGAO_OUTPUT_DIR || fs.mkdtempSync('/tmp/wengao-studio-');
const errors = [];

try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (consoleError(m)) errors.push(m.text()); });
  await page.goto(origin + base);

  step('新建模板: the starter template compiles and its form is shown');
  await page.getByRole('button', { name: '新建模板' }).click({ timeout: 20000 });
  const source = page.getByRole('textbox', { name: '模板原文' });
  const diagnostics = page.getByRole('region', { name: '模板检查结果' });
  const form = page.getByRole('region', { name: '模板生成的表单' });
  await diagnostics.getByText('没有错误').waitFor();
  await form.getByLabel('单位', { exact: true }).waitFor();

  step('typing a template line by line, one line through pinyin composition');
  await page.getByRole('textbox', { name: '模板名称' }).fill('社区工作总结');
  await source.fill('');
  const cdp = await context.newCDPSession(page);
  await source.click();
  for (const line of ['模板：社区工作总结', '样式：附件1格式', '', '字段 社区', '  类型：文本', '  标签：社区名称', '', '标题：{社区}年度工作总结', '']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  // “一级 主要工作” typed through an input method: composing, then committed.
  await cdp.send('Input.imeSetComposition', { text: 'yiji', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.insertText', { text: '一级 主要工作' });
  await page.keyboard.press('Enter');
  for (const line of ['  标题：主要工作', '  字数：很多字']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  step('a wrong line: its error at line and column; fixed: gone');
  const e18 = diagnostics.getByText(/错误\[E18\]：无法识别的字数要求“很多字”/);
  await e18.waitFor();
  assert.match(await diagnostics.innerText(), /跳到第12行第6列/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('约500字');
  await page.keyboard.press('ArrowDown');
  for (const line of ['  文本 做法', '    段落：多段', '', '一级 下步打算', '  标题：下一步打算', '  文本 打算']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await e18.waitFor({ state: 'detached' });
  await diagnostics.getByText('没有错误').waitFor();
  step('the form follows: the new heading and field are there');
  await form.getByText('一、主要工作', { exact: true }).waitFor();
  await form.getByLabel('社区名称').waitFor();
  await page.screenshot({ path: 'docs/screenshots/studio.png' });

  step('reload: the template is there as typed');
  const typed = await source.inputValue();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('textbox', { name: '模板原文' }).waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('textbox', { name: '模板原文' }).inputValue(), typed);

  step('a draft from the template: filled and exported');
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByText('本机模板 · 可以使用').waitFor();
  await page.getByRole('button', { name: '用社区工作总结新建草稿' }).click();
  await page.getByLabel('社区名称').fill('八角社区');
  await page.getByLabel('做法').fill('全年组织志愿服务活动48次，服务居民3200人次。');
  await page.getByLabel('打算').fill('明年重点做好老旧小区加装电梯的协调工作。');
  await page.getByRole('button', { name: '导出 Word' }).click();
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '仍然导出' }).click()]);
  assert.equal(docx.suggestedFilename(), '八角社区年度工作总结.docx');
  await docx.saveAs(path.join(out, 'studio-template.docx'));

  step('the template edited (a part renamed, one removed): the draft reopens with nothing lost');
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByRole('button', { name: '编辑模板社区工作总结' }).click();
  const edited = typed.replace('一级 主要工作', '一级 工作').replace(/\n一级 下步打算\n  标题：下一步打算\n  文本 打算\n/, '\n');
  assert.notEqual(edited, typed);
  await page.getByRole('textbox', { name: '模板原文' }).fill(edited);
  await page.getByRole('region', { name: '模板检查结果' }).getByText('没有错误').waitFor();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByRole('button', { name: /^打开八角社区年度工作总结/ }).click();
  const orphaned = page.getByRole('region', { name: /^模板中已没有的部分/ });
  await orphaned.waitFor();
  const kept = await orphaned.innerText();
  assert.match(kept, /【原“主要工作”】全年组织志愿服务活动48次/);
  assert.match(kept, /【原“下步打算”】明年重点做好老旧小区加装电梯的协调工作。/);
  await page.getByText('模板改过了').waitFor();
  assert.equal(await page.getByLabel('社区名称').inputValue(), '八角社区');
  await page.screenshot({ path: 'docs/screenshots/orphaned.png' });

  step('keystroke → diagnostics on a 300-line template');
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByRole('button', { name: '新建模板' }).click();
  const big = ['模板：三百行', '样式：附件1格式', ''];
  for (let i = 1; big.length < 300; i++) big.push(`一级 部分${i}`, `  标题：第${i}部分`, '  字数：约100字', `  文本 正文${i}`, '');
  await page.getByRole('textbox', { name: '模板原文' }).fill(big.slice(0, 300).join('\n'));
  await page.getByRole('region', { name: '模板检查结果' }).getByText('没有错误').waitFor();
  const times = await page.evaluate(async () => {
    const area = document.querySelector('textarea[aria-label="模板原文"]');
    const shown = document.querySelector('[aria-label="模板检查结果"]');
    const result = [];
    for (let i = 0; i < 30; i++) {
      const before = shown.textContent;
      const t0 = performance.now();
      // Alternately add a line that is wrong and take it away: the diagnostics change each time.
      area.value = i % 2 === 0 ? area.value + '\n！' : area.value.slice(0, -2);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      while (shown.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      result.push(performance.now() - t0);
    }
    return result;
  });
  const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)].toFixed(1);
  console.log(`  300-line template: keystroke → diagnostics shown, next frame ${pct(times, 0.5)} ms median / ${pct(times, 0.95)} ms p95`);

  step('one name: a template is listed by its 模板： line; 模板名称 rewrites that line; a copy is named （副本）');
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByRole('button', { name: '编辑模板三百行' }).click();
  const nameBox = page.getByRole('textbox', { name: '模板名称' });
  assert.equal(await nameBox.inputValue(), '三百行', 'the name box shows the 模板： line');
  await nameBox.fill('三百行的报告');
  await nameBox.press('Tab');
  assert.match(await page.getByRole('textbox', { name: '模板原文' }).inputValue(), /^模板：三百行的报告\n样式：附件1格式\n/);
  await page.getByRole('region', { name: '模板检查结果' }).getByText('没有错误').waitFor();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: '← 返回' }).click();
  await page.getByRole('button', { name: '复制模板三百行的报告' }).click();
  assert.equal(await page.getByRole('textbox', { name: '模板名称' }).inputValue(), '三百行的报告（副本）');
  assert.match(await page.getByRole('textbox', { name: '模板原文' }).inputValue(), /^模板：三百行的报告（副本）\n/);
  await page.getByRole('button', { name: '← 返回' }).click();
  for (const name of ['三百行的报告', '三百行的报告（副本）', '社区工作总结']) await page.getByRole('button', { name: `编辑模板${name}`, exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^编辑模板新的报告/ }).count(), 0, 'no template is listed by the starter\'s name');

  assert.deepEqual(errors, [], 'no script errors');
  console.log('studio e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
