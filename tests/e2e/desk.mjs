// End-to-end: the organizer's desk (审核台) in Chromium, as a 组织科 clerk uses
// it: from the start screen to the desk, a zip of 20 e-mail attachments picked
// (reports that pass, reports broken in known ways, our own exports, files that
// are not Word documents), the table filling in with a progress bar, a row
// opened, its 修改意见 copied and saved as a Word file, a file checked again as
// another template, the table exported and read back with a real .xlsx reader
// (exceljs), a unit's report with its cases, a draft file checked. Prints how long the batch took and the longest task
// the page's main thread ran meanwhile (a measurement, not an assertion).
// Needs dist/ and target/debug/wengao (to render our own exports).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { serve, consoleError } from './serve.mjs';
import { attachmentsZip, audit, gbkZip } from './desk-attachments.mjs';

const port = 19080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const server = await serve('dist', port, base);
const tmp = fs.mkdtempSync('/tmp/wengao-desk-');
const step = (name) => console.log(`· ${name}`);

const zip = attachmentsZip(tmp);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
const page = await context.newPage();
const errors = [];
const fetched = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (consoleError(m)) errors.push(m.text()); });
page.on('request', (r) => fetched.push(r.url().slice(r.url().lastIndexOf('/') + 1)));
await page.addInitScript(() => {
  // A request of the kind named in window.delayedKind reaches the worker 1.5 s
  // late: its answer then arrives after the clerk has switched batches.
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, transfer) {
    if (window.delayedKind && message && message.kind === window.delayedKind) {
      setTimeout(() => post.call(this, message, transfer), 1500);
    } else {
      post.call(this, message, transfer);
    }
  };
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
});

try {
  step('the start screen links to the desk; the desk\'s code is fetched only there');
  await page.goto(`http://127.0.0.1:${port}${base}`);
  await page.getByRole('link', { name: '打开审核台' }).click();
  await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
  assert.ok(fetched.includes('wengao-desk_bg.wasm'));

  step('a zip of 20 attachments: the table fills in, with a progress bar');
  const t0 = Date.now();
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(zip);
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor({ timeout: 120000 });
  const took = Date.now() - t0;
  assert.equal(await page.getByRole('progressbar', { name: '检查进度' }).getAttribute('value'), '1');
  const rows = page.getByRole('table', { name: '审核表' }).locator('tbody tr');
  assert.equal(await rows.count(), 20);
  const verdictOf = async (file) => (await rows.filter({ hasText: file }).locator('td').last().innerText()).trim();
  // Clicks `button`, saves the Word file it downloads (named `name`; kept as
  // `keep` for the yardsticks: validate-ooxml and audit-ooxml in scripts/test)
  // and gives its document.xml.
  const downloadedWord = async (button, name, keep) => {
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    assert.equal(file.suggestedFilename(), name);
    const saved = path.join(tmp, name);
    await file.saveAs(saved);
    if (process.env.WENGAO_OUTPUT_DIR) fs.copyFileSync(saved, path.join(process.env.WENGAO_OUTPUT_DIR, keep));
    return execFileSync('unzip', ['-p', saved, 'word/document.xml']).toString();
  };
  assert.match(await verdictOf('合格.docx'), /^可以报送/);
  assert.match(await verdictOf('合格-样式.docx'), /^可以报送/);
  assert.match(await verdictOf('导出-创新案例.docx'), /^可以报送/);
  assert.match(await verdictOf('格式错误.docx'), /^需要修改（20处）/);
  assert.equal(await verdictOf('旧格式.doc'), '读不了');
  assert.equal(await verdictOf('截断.docx'), '读不了');
  assert.equal(await verdictOf('加密.docx'), '读不了');
  assert.ok(fetched.includes('wengao-audit_bg.wasm'), 'the checking ran in the worker');
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  console.log(`  20 files checked in ${took} ms; longest main-thread task ${longest.toFixed(0)} ms`);

  await page.screenshot({ path: 'docs/screenshots/desk-table.png', fullPage: false });

  step('sorting and filtering');
  await page.getByRole('button', { name: '字数' }).click();
  await page.getByRole('button', { name: '字数' }).click();
  assert.equal(await page.getByRole('columnheader', { name: '字数' }).getAttribute('aria-sort'), 'descending');
  await page.getByLabel('显示').selectOption('pass');
  const passing = await rows.count();
  assert.ok(passing >= 6 && passing < 20, `${passing} passing rows`);
  await page.getByLabel('显示').selectOption('all');
  await page.getByLabel('查找（文件名、单位、姓名）').fill('页码');
  assert.equal(await rows.count(), 3, '没有页码, 页码错误 and its LibreOffice copy');
  await page.getByLabel('查找（文件名、单位、姓名）').fill('');

  step('a row opened: its findings, and the 修改意见 copied');
  await page.getByRole('button', { name: '查看 附件.zip/没有页码.docx' }).click();
  const detail = page.getByRole('region', { name: '附件.zip/没有页码.docx' });
  await detail.getByRole('listitem').filter({ hasText: '没有页码（页脚里没有页码域）' }).waitFor();
  // 页数 is the file laid out in its own formatting (LibreOffice prints it on 8 pages);
  // python-docx saved a template's figures, not believed.
  await detail.getByText('8页（按文件自己的格式排）；文件里记着1页，但和这份文件的字数对不上').waitFor();
  await detail.getByRole('button', { name: '复制修改意见' }).click();
  await detail.getByText('已复制修改意见').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Every fixture report is XX街道党工委's: ten reports of one unit, a note on each.
  assert.equal(copied, 'XX街道党工委 张三的党建工作述职报告修改意见：\n1. [格式] 页码：没有页码（页脚里没有页码域）。\n'
    + '2. （提醒）[页数] 全文：文件按自己的格式排是8页，超过上限6页（按模板的格式重排：全文约9页，上限6页：超出，约需删减960字）。\n'
    + '3. （提醒）[配套] 这一批里有XX街道党工委的党建工作述职报告10份，每个单位应只有一份（核对是不是发了两个版本，或者单位名称写错了）。\n');
  await detail.screenshot({ path: 'docs/screenshots/desk-detail.png' });

  step('the 修改意见 saved as a Word file');
  const notesXml = await downloadedWord(detail.getByRole('button', { name: '导出修改意见（.docx）' }), 'XX街道党工委党建工作述职报告修改意见.docx', 'desk-notes.docx');
  assert.ok(notesXml.includes('没有页码（页脚里没有页码域）'), 'the finding is in the Word file');

  step('a unit\'s report and its cases: the 配套 column');
  const cell = async (file, column) => {
    const headers = await page.getByRole('table', { name: '审核表' }).locator('thead th').allInnerTexts();
    return (await rows.filter({ hasText: file }).first().locator('td').nth(headers.indexOf(column)).innerText()).trim();
  };
  assert.match(await cell('附件.zip/合格.docx', '配套'), /^基层党建创新案例[12]篇$/);
  assert.equal(await cell('导出-创新案例.docx', '配套'), '随党建工作述职报告');

  step('a file checked again as the template the clerk chooses, kept over a reload');
  await page.getByRole('button', { name: '查看 附件.zip/合格.docx', exact: true }).click();
  const chosen = page.getByRole('region', { name: '附件.zip/合格.docx' });
  await chosen.getByLabel('按哪个模板检查（自动认出）').selectOption('基层党建创新案例');
  await page.getByRole('status').filter({ hasText: '已按“基层党建创新案例”重新检查：需要修改' }).waitFor();
  assert.equal(await cell('附件.zip/合格.docx', '模板'), '基层党建创新案例');
  await chosen.getByLabel('按哪个模板检查（手选）').waitFor();
  await page.reload();
  await rows.first().waitFor();
  assert.equal(await cell('附件.zip/合格.docx', '模板'), '基层党建创新案例');
  await page.getByRole('button', { name: '查看 附件.zip/合格.docx', exact: true }).click();
  await chosen.getByLabel('按哪个模板检查（手选）').selectOption('党建工作述职报告');
  await page.getByRole('status').filter({ hasText: '已按“党建工作述职报告”重新检查：可以报送' }).waitFor();
  assert.match(await verdictOf('附件.zip/合格.docx'), /^可以报送/);

  step('the workbook, exported and read back');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click();
  const saved = path.join(tmp, '审核表.xlsx');
  await (await download).saveAs(saved);
  // Kept for the yardsticks (scripts/test runs audit-ooxml over it).
  if (process.env.WENGAO_OUTPUT_DIR) fs.copyFileSync(saved, path.join(process.env.WENGAO_OUTPUT_DIR, 'desk.xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  assert.deepEqual(book.worksheets.map((w) => w.name), ['审核表', '问题']);
  const table = book.getWorksheet('审核表');
  assert.equal(table.rowCount, 21);
  const header = table.getRow(1).values.slice(1);
  const col = (name) => header.indexOf(name) + 1;
  const byFile = (file) => table.getRows(2, 20).find((r) => r.getCell(col('文件')).value === file);
  assert.equal(byFile('附件.zip/合格.docx').getCell(col('结论')).value, '可以报送');
  assert.equal(byFile('附件.zip/合格.docx').getCell(col('字数')).value, 3086);
  assert.equal(byFile('附件.zip/格式错误.docx').getCell(col('问题数')).value, 20);
  assert.equal(byFile('附件.zip/旧格式.doc').getCell(col('结论')).value, '读不了');
  const findings = book.getWorksheet('问题');
  const ofWrong = findings.getRows(2, findings.rowCount - 1).filter((r) => r.getCell(1).value === '附件.zip/格式错误.docx');
  assert.equal(ofWrong.length, 22, 'every finding of 格式错误.docx, the two notes included (its pages, ten reports of one unit)');

  step('the batch is kept: a reload shows it again; the same zip again is skipped');
  await page.reload();
  await rows.first().waitFor();
  assert.equal(await rows.count(), 20);
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(zip);
  await page.getByRole('status').filter({ hasText: '检查完了' }).filter({ hasText: '和这一批里已有的一个文件完全相同，跳过了' }).waitFor();
  assert.equal(await rows.count(), 20);

  step('batches side by side: a new one, then back to the first');
  page.once('dialog', (d) => d.accept('XX工委基层'));
  await page.getByRole('button', { name: '新的一批' }).click();
  await page.getByRole('table', { name: '审核表' }).waitFor({ state: 'detached' });
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(path.join(audit, '合格.docx'));
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
  assert.equal(await rows.count(), 1, 'a file of another batch is not a duplicate here');
  assert.match(await verdictOf('合格.docx'), /^需要修改（1处）/, 'a report without its cases');
  assert.match(await cell('合格.docx', '配套'), /^基层党建创新案例0篇$/);
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles('tests/fixtures/drafts/创新案例.json');
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
  assert.equal(await rows.count(), 2);
  assert.match(await verdictOf('创新案例.json'), /^可以报送/, 'a draft file, checked as the Word file it makes');
  assert.match(await verdictOf('合格.docx'), /^可以报送/, 'its case came in: the report passes now');

  step('the batch as a 述职材料汇编: the contents shown first, then the booklet');
  const booklet = page.getByRole('region', { name: '述职材料汇编' });
  await booklet.getByLabel('封面标题').fill('XX区2026年党建述职材料汇编');
  await booklet.getByLabel('封面日期').fill('2027年1月');
  await booklet.getByLabel(/^述职顺序/).fill('XX街道党工委\n');
  await booklet.getByRole('button', { name: '排出目录' }).click();
  const contents = booklet.getByRole('list', { name: '汇编目录' }).getByRole('listitem');
  await contents.first().waitFor();
  const lines = await contents.allInnerTexts();
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^XX街道党工委书记 张三\s+2026年党建工作述职报告\s*1（9页）$/, "the report first, from page 1 (re-set from its draft: 9 pages, as our own export)");
  assert.match(lines[1], /^XX街道党工委基层党建创新案例\s*11（\d页）$/, 'its case after it, on the next odd page');
  await booklet.screenshot({ path: 'docs/screenshots/desk-booklet.png' });
  // While the 汇编 is made, its progress shows (seen by an observer: two files go fast).
  await page.evaluate(() => {
    window.sawProgress = [];
    new MutationObserver(() => {
      const shown = document.querySelector('progress[aria-label="编排进度"]');
      if (shown) window.sawProgress.push(shown.parentElement.innerText);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const bookletXml = await downloadedWord(booklet.getByRole('button', { name: '导出汇编（.docx）' }), 'XX区2026年党建述职材料汇编.docx', 'desk-booklet.docx');
  for (const text of ['XX区2026年党建述职材料汇编', '目  录', '2026年党建工作述职报告', 'XX街道党工委基层党建创新案例']) {
    assert.ok(bookletXml.includes(text), `the booklet holds ${text}`);
  }
  const progressSeen = await page.evaluate(() => window.sawProgress);
  assert.ok(progressSeen.some((t) => /正在编排：已读 \d \/ 2 份材料/.test(t)), JSON.stringify(progressSeen));
  assert.equal(await page.locator('progress[aria-label="编排进度"]').count(), 0, 'gone when done');

  step('the 述职测评表 of the batch: a row per person, a column per 测评指标');
  const ballotXml = await downloadedWord(booklet.getByRole('button', { name: '导出测评表（.docx）' }), '党建述职测评表.docx', 'desk-ballot.docx');
  for (const text of ['党建述职测评表', '序号', 'XX街道党工委', '张三', '落实党建统领主体责任情况', '总体评价', '□较好']) {
    assert.ok(ballotXml.includes(text), `the sheet holds ${text}`);
  }
  assert.ok(ballotXml.includes('w:orient="landscape"'), 'landscape');

  step('the 摘要 for publication: extracted from the report, edited, exported');
  const summaries = page.getByRole('region', { name: '摘要（公布用）' });
  await summaries.getByRole('button', { name: '摘出摘要' }).click();
  const extract = summaries.getByRole('textbox', { name: '合格.docx的摘要' });
  await extract.waitFor();
  assert.equal(await summaries.locator('article').count(), 1, 'only the report: the case\'s template declares no 摘要');
  const extracted = await extract.inputValue();
  assert.match(extracted, /^一、履职主要情况和特点\n（一）坚持以上率下，压紧压实管党治党政治责任\n一是带头履行第一责任人职责。/);
  const count = summaries.locator('article .count');
  assert.match(await count.innerText(), /^\d+字，上限660字$/);
  await summaries.screenshot({ path: 'docs/screenshots/desk-summary.png' });
  // Typed past the budget: said, in red; cut back again.
  await extract.fill(`${extracted}\n${'补充一句说明，'.repeat(40)}`);
  assert.match(await count.innerText(), /超出\d+字$/);
  await extract.fill(extracted.replace(/\n三、下一步工作思路和措施[\s\S]*$/, '\n三、下一步工作思路和措施'));
  assert.match(await count.innerText(), /^\d+字，上限660字$/);
  const summaryXml = await downloadedWord(summaries.getByRole('button', { name: '导出摘要（.docx）' }), '摘要.docx', 'desk-summary.docx');
  assert.ok(summaryXml.includes('2026年党建工作述职报告（摘要）'));
  assert.ok(summaryXml.includes('三、下一步工作思路和措施'));
  assert.ok(!summaryXml.includes('建强基层党务工作者队伍'), 'the leads cut in the box are not in the file');
  step('the 摘要 as edited is kept over a reload');
  const edited = await extract.inputValue();
  await page.reload();
  await extract.waitFor();
  assert.equal(await extract.inputValue(), edited);
  const first = await page.getByLabel('审核批次').locator('option').last().getAttribute('value');
  await page.getByLabel('审核批次').selectOption(first);
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 20);
  await page.reload();
  // The batches are listed once storage is read.
  await page.getByLabel('审核批次').locator('option').nth(1).waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('审核批次').locator('option').count(), 2);

  step('a zip made on a Chinese Windows (GBK names, no UTF-8 flag): both units, each under its own name');
  // 东城街道述职报告.docx and 西城街道述职报告.docx: alike but for two bytes, one string before #36.
  const gbk = (hex) => Buffer.from(hex.replace(/ /g, ''), 'hex');
  const zipGbk = gbkZip(tmp, [
    [Buffer.concat([gbk('b6ab b3c7 bdd6 b5c0 caf6 d6b0 b1a8 b8e6'), Buffer.from('.docx')]), path.join(audit, '合格.docx')],
    [Buffer.concat([gbk('cef7 b3c7 bdd6 b5c0 caf6 d6b0 b1a8 b8e6'), Buffer.from('.docx')]), path.join(audit, '合格-样式.docx')],
  ]);
  page.once('dialog', (d) => d.accept('各单位'));
  await page.getByRole('button', { name: '新的一批' }).click();
  await page.getByRole('table', { name: '审核表' }).waitFor({ state: 'detached' });
  await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(zipGbk);
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor();
  assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), ['各单位材料.zip/东城街道述职报告.docx', '各单位材料.zip/西城街道述职报告.docx']);

  step('an answer asked for in one batch and arriving after a switch to another stays out of it (#38 item 8)');
  await page.evaluate(() => { window.delayedKind = 'extracts'; });
  await summaries.getByRole('button', { name: '摘出摘要' }).click();
  await page.getByLabel('审核批次').selectOption({ label: 'XX工委基层' });
  await page.getByRole('status').filter({ hasText: '换到这一批之前要的摘要到了，没有放进这一批' }).waitFor();
  await page.evaluate(() => { window.delayedKind = null; });
  assert.equal(await extract.inputValue(), edited, 'the 摘要 of the batch shown, as edited, not the other batch\'s');
  await page.reload();
  await page.getByLabel('审核批次').locator('option').nth(2).waitFor({ state: 'attached' });
  await page.getByLabel('审核批次').selectOption({ label: 'XX工委基层' });
  await extract.waitFor();
  assert.equal(await extract.inputValue(), edited, 'nor in storage');

  assert.deepEqual(errors, []);
  console.log('desk e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
