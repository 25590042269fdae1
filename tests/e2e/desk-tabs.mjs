// Two tabs on one desk batch (#38 item 7), in Chromium: the tab that opened
// the batch first works on it; a second tab shows it read-only, follows the
// first's rows as they are checked, and takes the batch over with “在这里审核”,
// after which the first is read-only and follows in turn. Rows are numbered
// from what is stored, so the second tab's file does not overwrite the first's
// (before: each tab numbered rows by its own count, and the second's third
// file replaced a row). A tab in a browser without Web Locks edits too: the
// holder check in each write's transaction refuses the tab that lost the batch,
// and says so.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, consoleError } from './serve.mjs';

const port = 19080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const server = await serve('dist', port, base);
const step = (name) => console.log(`· ${name}`);
const audit = 'tests/fixtures/audit';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const errors = [];
const open = async () => {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (consoleError(m)) errors.push(m.text()); });
  await page.goto(`http://127.0.0.1:${port}${base}?desk`);
  await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
  return page;
};
const rowsOf = (page) => page.getByRole('table', { name: '审核表' }).locator('tbody tr');
const files = async (page) => (await rowsOf(page).locator('td:first-child').allInnerTexts()).sort();
const check = async (page, file) => {
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(path.join(audit, file));
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
};
const banner = (page) => page.locator('.desk-elsewhere');

try {
  step('the first tab works on the batch: a file checked');
  const first = await open();
  await check(first, '合格.docx');
  assert.equal(await rowsOf(first).count(), 1);
  assert.equal(await banner(first).count(), 0);

  step('a second tab on the same batch is read-only: said, the file pickers off');
  const second = await open();
  await banner(second).filter({ hasText: '这一批正在另一个标签页里审核' }).waitFor();
  assert.equal(await second.getByLabel('选择文件（.docx、.zip、草稿 .json）').isDisabled(), true);
  await second.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);

  step('the second follows what the first checks');
  await check(first, '合格-样式.docx');
  await second.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);

  step('“在这里审核”: the second takes the batch over, the first becomes read-only');
  await banner(second).getByRole('button', { name: '在这里审核' }).click();
  await banner(second).waitFor({ state: 'detached' });
  await banner(first).filter({ hasText: '另一个标签页接手了这一批' }).waitFor();
  assert.equal(await first.getByLabel('选择文件（.docx、.zip、草稿 .json）').isDisabled(), true);

  step('the second checks a file: a third row, the first follows; nothing overwritten');
  await check(second, '内容不全.docx');
  await first.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);
  await second.reload();
  await second.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);
  assert.deepEqual(await files(second), ['内容不全.docx', '合格-样式.docx', '合格.docx']);

  step('a tab without Web Locks edits too, and claims the batch: the tab that had it is refused and says so');
  const lockless = await context.newPage();
  lockless.on('pageerror', (e) => errors.push(String(e)));
  await lockless.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }); });
  await lockless.goto(`http://127.0.0.1:${port}${base}?desk`);
  await lockless.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);
  assert.equal(await banner(lockless).count(), 0);
  // The second still holds the lock, but the record now names the lockless tab.
  await second.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(path.join(audit, '格式错误.docx'));
  await second.getByRole('status').filter({ hasText: '另一个标签页接手了这一批，这里的这次改动没有保存' }).waitFor();
  await banner(second).filter({ hasText: '另一个标签页接手了这一批' }).waitFor();
  await check(lockless, '没有页码.docx');
  await lockless.reload();
  await lockless.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 4);
  assert.deepEqual(await files(lockless), ['内容不全.docx', '合格-样式.docx', '合格.docx', '没有页码.docx']);

  assert.deepEqual(errors, []);
  console.log('desk two tabs e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
