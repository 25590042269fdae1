// The organizer's desk (审核台) in Firefox ESR through WebDriver: the zip of
// 20 attachments (desk-attachments.mjs) and a text file picked, the table filled in by the worker (a module worker
// running wasm), a row opened, the workbook exported and read back with
// exceljs, a reload showing the batch again.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { serve } from './serve.mjs';
import { attachmentsZip } from './desk-attachments.mjs';
import { connect, firefox } from './webdriver.mjs';

const port = 20080 + Math.floor(Math.random() * 500);
const driverPort = port + 600;
const base = '/tools/wengao/';
const server = await serve('dist', port, base);
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-desk-'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-zip-'));
const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(driverPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
const step = (name) => console.log(`· ${name}`);

const zip = attachmentsZip(tmp);
fs.writeFileSync(path.join(tmp, '说明.txt'), '请查收。');

let b;
try {
  b = await connect(`http://127.0.0.1:${driverPort}`, firefox(downloads, ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']));
  const { find, byLabel, byText, click, type, script } = b;
  const rowCount = () => script('return document.querySelectorAll("table tbody tr").length');

  step('a zip and a text file picked: every row filled in by the worker');
  await b.go(`http://127.0.0.1:${port}${base}?desk`);
  const input = await find('//label[contains(., "选择文件（.docx")]/input');
  await type(input, `${zip}\n${path.join(tmp, '说明.txt')}`);
  await byText('检查完了', 60000);
  assert.equal(await rowCount(), 21);
  const verdicts = await script('return [...document.querySelectorAll("table tbody tr")].map((r) => r.cells[0].innerText + " " + r.cells[r.cells.length - 1].innerText)');
  assert.ok(verdicts.includes('附件.zip/合格.docx 可以报送（2条提醒）'), verdicts.join('\n'));
  assert.ok(verdicts.includes('附件.zip/格式错误.docx 需要修改（20处）'), verdicts.join('\n'));
  assert.ok(verdicts.includes('附件.zip/旧格式.doc 读不了'), verdicts.join('\n'));
  assert.ok(verdicts.includes('说明.txt 不是报告文件'), verdicts.join('\n'));

  step('a row opened, its 修改意见 copied');
  await click(await byLabel('查看 附件.zip/没有页码.docx'));
  const notes = await byLabel('修改意见');
  assert.match(await script('return arguments[0].value', [b.element(notes)]), /1\. \[格式\] 页码：没有页码（页脚里没有页码域）。/);
  // Headless Firefox may refuse the clipboard to a script: then the desk says
  // how to copy by hand. Either way the clerk is told.
  await click(await find('//button[contains(., "复制修改意见")]'));
  const said = await find('//*[contains(., "已复制修改意见") or contains(., "浏览器不让复制")][not(*)]');
  assert.ok(said);

  step('the workbook, exported and read back');
  await click(await find('//button[contains(., "导出 Excel")]'));
  const file = path.join(downloads, '审核表.xlsx');
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  assert.equal(book.getWorksheet('审核表').rowCount, 22);

  step('a reload shows the batch again');
  await b.refresh();
  await byLabel('查看 附件.zip/合格.docx');
  assert.equal(await rowCount(), 21);
  console.log('desk e2e (Firefox ESR): ok');
} finally {
  await b?.quit();
  driver.kill();
  server.close();
}
