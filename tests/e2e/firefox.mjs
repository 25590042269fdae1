// End-to-end in Firefox ESR through WebDriver (geckodriver from crates.io) and
// the minimal client in webdriver.mjs.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { connect, firefox, setValue } from './webdriver.mjs';

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
  b = await connect(`http://127.0.0.1:${driverPort}`, firefox(downloads, ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/json']));
  const { byLabel, click, clear, textOf, valueOf, type, find } = b;
  await b.go(origin + base);
  await b.startReady();
  await click(await byLabel('新建党建工作述职报告'));
  await b.typeLabelled('书记姓名', '赵六');
  await b.formReady();
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

  // A panic inside the wasm (crash_for_test, app/src/main.rs): a plain message, 重新载入 back to the draft.
  await b.scriptAsync(`const done = arguments[arguments.length - 1];
    window.wengaoLoadApp().then((glue) => { try { glue.crash_for_test(); } catch (e) { /* the trap after the panic */ } done(); }, (e) => done(String(e)));`);
  const crash = await find('//*[@role="alertdialog" and @id="wengao-crash"]');
  assert.match(await textOf(crash), /程序出错了[\s\S]*草稿不会丢/);
  await click(await find('//*[@id="wengao-crash"]//a[normalize-space(.)="重新载入"]'));
  for (let i = 0; (await b.script('return !!document.getElementById("wengao-crash")')) && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await b.script('return !!document.getElementById("wengao-crash")'), false, 'the page was loaded again');
  assert.equal(await valueOf(await byLabel('一、（一）一是 正文')), '全年主持召开党工委会12次。', 'the draft after the crash and reload');
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

  // The studio, as a template author: a template typed line by line, a wrong
  // line's error at its line and column and gone when fixed, the form following;
  // reload; a draft from it, filled and exported; the template edited (a part
  // renamed, one removed) and the draft reopened with nothing lost.
  await click(await b.button('← 返回'));
  await click(await b.button('新建模板'));
  await setValue(b, await byLabel('模板名称'), '社区工作总结');
  const source = await find('//textarea[@aria-label="模板原文"]');
  await clear(source);
  for (const line of ['模板：社区工作总结', '样式：附件1格式', '', '字段 社区', '  类型：文本', '  标签：社区名称', '',
    '标题：{社区}年度工作总结', '', '一级 主要工作', '  标题：主要工作', '  字数：很多字']) {
    await type(source, line + '\n');
  }
  const e18 = await b.byText('错误[E18]：无法识别的字数要求“很多字”');
  assert.match(await textOf(e18), /E18/);
  await b.byText('跳到第12行第6列');
  const typed = '模板：社区工作总结\n样式：附件1格式\n\n字段 社区\n  类型：文本\n  标签：社区名称\n\n标题：{社区}年度工作总结\n\n' +
    '一级 主要工作\n  标题：主要工作\n  字数：约500字\n  文本 做法\n    段落：多段\n\n一级 下步打算\n  标题：下一步打算\n  文本 打算\n';
  await setValue(b, source, typed);
  await b.byText('没有错误');
  await find('//*[@aria-label="模板生成的表单"]//*[normalize-space(.)="一、主要工作"]');
  await find('//*[@aria-label="模板生成的表单"]//*[@aria-label="社区名称"]');
  await new Promise((r) => setTimeout(r, 300));
  await b.refresh();
  assert.equal(await valueOf(await find('//textarea[@aria-label="模板原文"]')), typed, 'the template as typed after a reload');

  await click(await b.button('← 返回'));
  await b.byText('本机模板 · 可以使用');
  await click(await byLabel('用社区工作总结新建草稿'));
  await type(await byLabel('社区名称'), '八角社区');
  await type(await find('//textarea[contains(@aria-label, "做法")]'), '全年组织志愿服务活动48次，服务居民3200人次。');
  await type(await find('//textarea[contains(@aria-label, "打算")]'), '明年重点做好老旧小区加装电梯的协调工作。');
  await click(await find('//button[normalize-space(.)="导出 Word"]'));
  await click(await find('//button[normalize-space(.)="仍然导出"]'));
  const studioFile = path.join(downloads, '八角社区年度工作总结.docx');
  for (let i = 0; !fs.existsSync(studioFile) && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(fs.existsSync(studioFile), `downloaded: ${fs.readdirSync(downloads)}`);
  if (process.env.WENGAO_OUTPUT_DIR) fs.copyFileSync(studioFile, path.join(process.env.WENGAO_OUTPUT_DIR, 'firefox-studio.docx'));

  await click(await b.button('← 返回'));
  await click(await byLabel('编辑模板社区工作总结'));
  const edited = typed.replace('一级 主要工作', '一级 工作').replace('\n一级 下步打算\n  标题：下一步打算\n  文本 打算\n', '\n');
  assert.notEqual(edited, typed);
  await setValue(b, await find('//textarea[@aria-label="模板原文"]'), edited);
  await b.byText('没有错误');
  await new Promise((r) => setTimeout(r, 300));
  await click(await b.button('← 返回'));
  await click(await find('//button[starts-with(@aria-label, "打开八角社区年度工作总结")]'));
  const orphaned = await find('//section[@id="orphaned"]');
  const kept = await textOf(orphaned);
  assert.match(kept, /【原“主要工作”】全年组织志愿服务活动48次/);
  assert.match(kept, /【原“下步打算”】明年重点做好老旧小区加装电梯的协调工作。/);
  assert.equal(await valueOf(await byLabel('社区名称')), '八角社区');
  console.log('studio (Firefox): ok');
} finally {
  if (b) await b.quit();
  driver.kill();
  server.close();
  fs.rmSync(downloads, { recursive: true, force: true });
}
