// Templates an office publishes on its intranet page (#41), in Chromium: the
// admin runs `wengao publish` and copies the folder beside index.html; the
// start screen lists 本单位的模板 after its first frame, a draft is begun on
// one, the template is published again with changes and the draft says what
// changed and keeps its text; the server down, the cards stay; a file changed
// after publishing is listed with why in a browser new to it; --hide-builtin hides the built-in cards;
// the desk recognises a report of the published template; the single file
// opened from disk says it cannot fetch and takes the folder picked by hand.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';

const port = 19080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const tmp = fs.mkdtempSync('/tmp/wengao-published-');
const step = (name) => console.log(`· ${name}`);
const cli = (...args) => execFileSync('target/debug/wengao', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// The page as the intranet server holds it: dist/ and, beside index.html, templates/.
const site = path.join(tmp, 'site');
fs.cpSync('dist', site, { recursive: true });
const folder = path.join(site, 'templates');
const report = fs.readFileSync('templates/述职报告.wg', 'utf8').replace(/^模板：.*$/m, '模板：XX区党建工作述职报告');
const ourFile = path.join(tmp, 'XX区述职报告.wg');
const publish = (text, ...flags) => {
  fs.writeFileSync(ourFile, text);
  cli('publish', ourFile, 'templates/创新案例.wg', ...flags, '-o', folder);
};
publish(report);
const server = await serve(site, port, base);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
const published = page.getByRole('region', { name: '新建' });
// A published template's card (marked 本单位): a built-in one may have its title.
const ours = (scope, title) => scope.locator('li.card.ours', { hasText: title });

try {
  step('the start screen lists the published templates as cards, fetched after the first frame');
  await page.goto(`http://127.0.0.1:${port}${base}`);
  await published.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();
  await ours(published, '基层党建创新案例').getByRole('button', { name: '新建基层党建创新案例' }).waitFor();
  await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).waitFor();
  assert.equal(await published.locator('li.card').first().innerText().then((t) => t.startsWith('XX区党建工作述职报告')), true, 'the office\'s first');
  await page.screenshot({ path: 'docs/screenshots/published.png' });

  step('a draft begun on a published template');
  await published.getByRole('button', { name: '新建XX区党建工作述职报告' }).click();
  await page.getByLabel('导语').fill('根据区委统一安排，现将本人履职情况报告如下。');
  await page.getByText(/已自动保存/).waitFor();
  await page.getByRole('button', { name: '← 返回' }).click();

  step('published again with changes: the draft says what changed, and keeps its text');
  publish(report.replace('  字数：不少于900字', '  字数：不少于1000字') + '\n文本 结语\n  提示：写一句结束语。\n');
  await page.reload();
  // 打开 at once, as a drafter would: the list is still being read behind the
  // start screen, and the draft waits for it (published::settled).
  await page.getByRole('button', { name: /^打开2026年党建工作述职报告/ }).click();
  const notice = page.getByRole('alert').filter({ hasText: '本单位的模板“XX区党建工作述职报告”更新了' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /新增“结语”/);
  assert.match(await notice.innerText(), /“存在的主要问题及原因”的字数要求由不少于900字改为不少于1000字/);
  assert.equal(await page.getByLabel('导语').inputValue(), '根据区委统一安排，现将本人履职情况报告如下。');
  await page.getByLabel('结语').waitFor();
  await page.getByRole('button', { name: '← 返回' }).click();

  step('the server down: the cards stay (kept in the browser)');
  await page.route('**/templates/**', (route) => route.abort());
  await page.reload();
  await published.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();
  await page.unroute('**/templates/**');

  step('a file changed on the server after publishing: a browser new to it lists it with why; the others still work');
  fs.appendFileSync(path.join(folder, '基层党建创新案例.wg'), '\n# 有人直接改了服务器上的文件\n');
  const newcomer = await (await browser.newContext()).newPage();
  newcomer.on('pageerror', (e) => errors.push(String(e)));
  await newcomer.goto(`http://127.0.0.1:${port}${base}`);
  const theirs = newcomer.getByRole('region', { name: '新建' });
  await theirs.getByText('和清单里的版本对不上').waitFor();
  await theirs.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();
  assert.equal(await ours(theirs, '基层党建创新案例').getByRole('button', { name: '新建基层党建创新案例' }).isDisabled(), true, 'not to begin on');

  step('a template that does not compile, in a list written by hand: listed with its error, blocking nothing else');
  const fnv = (text) => {
    let h = 0xcbf29ce484222325n;
    for (const b of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
    return h.toString(16).padStart(16, '0');
  };
  const broken = '模板：坏了的模板\n说明：少了结构。\n一级\n';
  fs.writeFileSync(path.join(folder, '坏了的模板.wg'), broken);
  const handList = JSON.parse(fs.readFileSync(path.join(folder, 'templates.json'), 'utf8'));
  handList.templates.push({ file: '坏了的模板.wg', name: '坏了的模板', description: '少了结构。', version: fnv(broken) });
  fs.writeFileSync(path.join(folder, 'templates.json'), JSON.stringify(handList));
  await page.reload();
  const brokenCard = ours(published, '坏了的模板');
  await brokenCard.getByText(/这个模板有2处错误（第一处在第1行：模板没有指定样式表）/).waitFor();
  assert.equal(await brokenCard.getByRole('button', { name: '新建坏了的模板' }).isDisabled(), true);
  await published.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();

  step('--hide-builtin: only the office\'s templates are offered');
  publish(report, '--hide-builtin');
  await page.reload();
  await page.getByRole('button', { name: '新建党建工作述职报告', exact: true }).waitFor({ state: 'detached' });
  await published.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();

  step('the desk recognises a report written for the published template');
  const example = path.join(tmp, 'example.json');
  cli('example', ourFile, '-o', example);
  const docx = path.join(tmp, 'XX区述职报告.docx');
  cli('render', ourFile, example, '-o', docx);
  await page.goto(`http://127.0.0.1:${port}${base}?desk`);
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(docx);
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
  const row = page.getByRole('table', { name: '审核表' }).locator('tbody tr').first();
  assert.equal((await row.locator('td').nth(1).innerText()).trim(), 'XX区党建工作述职报告');

  step('the single file opened from disk: says it cannot fetch, takes the folder picked by hand');
  const single = await context.newPage();
  single.on('pageerror', (e) => errors.push(String(e)));
  await single.goto('file://' + path.resolve('dist/wengao.html'));
  const there = single.getByRole('region', { name: '新建' });
  await there.getByText('取不到单位发布在内网页面上的模板').waitFor();
  await there.getByLabel('选择本单位的模板文件夹（templates）').setInputFiles(folder);
  await there.getByRole('button', { name: '新建XX区党建工作述职报告' }).waitFor();

  assert.deepEqual(errors, []);
  console.log('published templates e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
