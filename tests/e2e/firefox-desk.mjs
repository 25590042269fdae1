// The organizer's desk (审核台) in Firefox ESR through WebDriver: a zip of
// attachments picked, the table filled in by the worker (a module worker
// running wasm), a row opened, the workbook exported and read back with
// exceljs, a reload showing the batch again.
import { spawn, execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { serve } from './serve.mjs';
import { connect } from './webdriver.mjs';

const port = 20080 + Math.floor(Math.random() * 500);
const driverPort = port + 600;
const base = '/tools/wengao/';
const server = await serve('dist', port, base);
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-desk-'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-zip-'));
const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(driverPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
const step = (name) => console.log(`· ${name}`);

const names = ['合格.docx', '格式错误.docx', '没有页码.docx', '内容不全.docx'];
const zip = path.join(tmp, '附件.zip');
execFileSync('zip', ['-q', '-j', zip, ...names.map((n) => path.resolve('tests/fixtures/audit', n))]);
fs.writeFileSync(path.join(tmp, '说明.txt'), '请查收。');

let b;
try {
  b = await connect(`http://127.0.0.1:${driverPort}`, {
    browserName: 'firefox',
    'moz:firefoxOptions': {
      binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
      args: ['-headless'],
      prefs: {
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.helperApps.neverAsk.saveToDisk': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'browser.download.always_ask_before_handling_new_types': false,
      },
    },
  });
  const { find, byLabel, byText, click, type, script } = b;
  const rowCount = () => script('return document.querySelectorAll("table tbody tr").length');

  step('a zip and a text file picked: every row filled in by the worker');
  await b.go(`http://127.0.0.1:${port}${base}?desk`);
  const input = await find('//label[contains(., "选择文件（.docx")]/input');
  await type(input, `${zip}\n${path.join(tmp, '说明.txt')}`);
  await byText('检查完了', 60000);
  assert.equal(await rowCount(), 5);
  const verdicts = await script('return [...document.querySelectorAll("table tbody tr")].map((r) => r.cells[0].innerText + " " + r.cells[r.cells.length - 1].innerText)');
  // The reports came without their cases: each is told it lacks them (配套).
  assert.ok(verdicts.includes('附件.zip/合格.docx 需要修改（1处）'), verdicts.join('\n'));
  assert.ok(verdicts.includes('附件.zip/格式错误.docx 需要修改（21处）'), verdicts.join('\n'));
  assert.ok(verdicts.includes('说明.txt 读不了'), verdicts.join('\n'));

  step('a row opened');
  await click(await byLabel('查看 附件.zip/没有页码.docx'));
  const notes = await byLabel('修改意见');
  assert.match(await script('return arguments[0].value', [b.element(notes)]), /1\. \[格式\] 页码：没有页码（页脚里没有页码域）。/);

  step('the workbook, exported and read back');
  await click(await find('//button[contains(., "导出 Excel")]'));
  const file = path.join(downloads, '审核表.xlsx');
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  assert.equal(book.getWorksheet('审核表').rowCount, 6);

  step('a reload shows the batch again');
  await b.refresh();
  await byLabel('查看 附件.zip/合格.docx');
  assert.equal(await rowCount(), 5);
  console.log('desk e2e (Firefox ESR): ok');
} finally {
  await b?.quit();
  driver.kill();
  server.close();
}
