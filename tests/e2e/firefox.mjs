// End-to-end in Firefox ESR through WebDriver (geckodriver from crates.io) and
// the minimal client in webdriver.mjs.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { connect, setValue } from './webdriver.mjs';

const port = 19080 + Math.floor(Math.random() * 500);
const driverPort = port + 600;
const base = '/tools/wengao/';
const origin = `http://127.0.0.1:${port}`;
const server = await serve('dist', port, base);
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-'));
const geckodriver = process.env.GECKODRIVER || 'geckodriver';
const driver = spawn(geckodriver, ['--port', String(driverPort), '--host', '127.0.0.1'], { stdio: 'ignore' });

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
        'browser.helperApps.neverAsk.saveToDisk': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/json',
        'browser.download.always_ask_before_handling_new_types': false,
      },
    },
  });
  const { byLabel, click, clear, textOf, valueOf, type, find } = b;
  await b.go(origin + base);
  await click(await byLabel('新建党建工作述职报告'));
  await type(await byLabel('书记姓名'), '赵六');
  const text = await byLabel('一、（一）一是 正文');
  const meter = await byLabel('一、履职主要情况和特点 字数');
  assert.match(await textOf(meter), /不足/);
  await setValue(b, text, '党建引领'.repeat(350));
  assert.match(await textOf(meter), /合适/, 'the budget state follows the text');
  await clear(text);
  await type(text, '全年主持召开党工委会12次。');
  await new Promise((r) => setTimeout(r, 300));

  await b.refresh();
  const restored = await byLabel('一、（一）一是 正文');
  assert.equal(await valueOf(restored), '全年主持召开党工委会12次。', 'restored after a reload');
  assert.equal(await valueOf(await byLabel('书记姓名')), '赵六');

  await click(await find('//button[normalize-space(.)="导出 Word"]'));
  await click(await find('//button[normalize-space(.)="仍然导出"]'));
  const name = '2026年党建工作述职报告-赵六.docx';
  const file = path.join(downloads, name);
  for (let i = 0; !fs.existsSync(file) && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(fs.existsSync(file), `downloaded ${name}: ${fs.readdirSync(downloads)}`);
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString(), 'PK');
  if (process.env.WENGAO_OUTPUT_DIR) fs.copyFileSync(file, path.join(process.env.WENGAO_OUTPUT_DIR, 'firefox-report.docx'));
  console.log('app e2e (Firefox): ok');

  // The studio: a wrong line's error at its line and column, gone when fixed.
  await click(await b.button('← 返回'));
  await click(await b.button('新建模板'));
  const source = await find('//textarea[@aria-label="模板原文"]');
  await clear(source);
  await type(source, '模板：试一试\n样式：附件1格式\n一级 甲\n  字数：很多字\n');
  const e18 = await b.byText('错误[E18]：无法识别的字数要求“很多字”');
  assert.match(await textOf(e18), /E18/);
  await b.byText('跳到第4行第6列');
  await setValue(b, source, '模板：试一试\n样式：附件1格式\n一级 甲\n  字数：约100字\n  文本 乙\n');
  await b.byText('没有错误');
  await find('//*[@aria-label="模板生成的表单"]//*[@aria-label="一、小标题"]');
  console.log('studio (Firefox): ok');
} finally {
  if (b) await b.quit();
  driver.kill();
  server.close();
  fs.rmSync(downloads, { recursive: true, force: true });
}
