// End-to-end in WebKit (Safari's engine): Debian's WebKitGTK WebDriver under Xvfb,
// driven by the minimal client in webdriver.mjs. The drafter's flow: 新建,
// typing, the budget state, autosave and reload, a Word file imported, a second
// tab read-only (Web Locks), export (the Blob read back instead of downloaded).
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { connect, setValue } from './webdriver.mjs';
import { onScreen } from './phone-measure.mjs';

const port = 21080 + Math.floor(Math.random() * 500);
const driverPort = port + 600;
const base = '/tools/wengao/';
const origin = `http://127.0.0.1:${port}`;
const server = await serve('dist', port, base);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-webkit-'));
const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${driverPort}`],
  { stdio: 'ignore', detached: true, env: { ...process.env, HOME: home } });
const step = (name) => console.log(`· ${name}`);
let b;

try {
  b = await connect(`http://127.0.0.1:${driverPort}`, {});
  const { byLabel, byText, button, click, textOf, valueOf, type, script, scriptAsync } = b;
  const version = await script('return navigator.userAgent');
  step(`WebKit: ${version.match(/AppleWebKit\/[\d.]+/)?.[0]}`);
  await b.go(origin + base);
  await b.startReady();

  step('新建, typing, the budget follows');
  await click(await byLabel('新建党建工作述职报告', 30000));
  await b.typeLabelled('书记姓名', '钱七');
  await b.formReady();
  const text = await byLabel('一、（一）一是 正文');
  const meter = await byLabel('一、履职主要情况和特点 字数');
  assert.match(await textOf(meter), /不足/);
  await setValue(b, text, '党建引领'.repeat(350));
  assert.match(await textOf(meter), /合适/);
  await setValue(b, text, '全年主持召开党工委会12次。');
  await byText('已自动保存');

  step('reload: restored from IndexedDB');
  await b.refresh();
  assert.equal(await valueOf(await byLabel('一、（一）一是 正文', 30000)), '全年主持召开党工委会12次。');
  assert.equal(await valueOf(await byLabel('书记姓名')), '钱七');

  step('a second tab on the same draft is read-only');
  const first = await b.window();
  const second = await b.newWindow();
  await b.switchTo(second);
  await b.go(origin + base);
  await byText('这份草稿正在另一个标签页里编辑', 30000);
  assert.equal(await b.enabled(await byLabel('书记姓名')), false, 'read-only in the second tab');
  await b.closeWindow();
  await b.switchTo(first);

  step('export: the .docx Blob is a zip');
  await script(`window.__blobs = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__blobs.push(blob); return make.call(URL, blob); };
    HTMLAnchorElement.prototype.click = function () { window.__named = this.download; };`);
  await click(await button('导出 Word'));
  await click(await button('仍然导出'));
  const exported = await scriptAsync(`const done = arguments[arguments.length - 1];
    const wait = () => window.__blobs.length ? window.__blobs[0].arrayBuffer().then((a) => done([window.__named, new TextDecoder('latin1').decode(new Uint8Array(a).slice(0, 2)), a.byteLength])) : setTimeout(wait, 100);
    wait();`);
  assert.equal(exported[0], '2026年党建工作述职报告-钱七.docx');
  assert.equal(exported[1], 'PK');
  assert.ok(exported[2] > 5000, `a whole package: ${exported[2]} bytes`);

  step('import a Word file: the 创新案例 with its two pictures');
  await click(await button('← 返回'));
  await click(await b.find('//select[@aria-label="导入为哪种报告"]/option[@value="创新案例"]'));
  const picker = await b.find('//label[contains(normalize-space(.), "导入 Word 文件")]/input');
  await type(picker, path.resolve('tests/fixtures/import/创新案例-python-docx.docx'));
  await byText('已导入。读入162字', 30000);
  assert.equal(await valueOf(await byLabel('副标题')), '“楼门党小组”把服务送到家门口');
  await byLabel('第2幅的案例图片说明');

  step('at a phone\'s width: every control inside the screen, no sideways scrolling, the bars on top a fifth at most');
  await b.windowSize(390, 844);
  const phone = async (screen) => {
    const m = await script(`return (${onScreen.toString()})()`);
    assert.deepEqual(m.past, [], `${screen}: controls past the edge`);
    assert.equal(m.scrolls, false, `${screen}: the page scrolls sideways`);
    assert.deepEqual(m.small, [], `${screen}: targets under 24 px`);
    assert.ok(m.bars <= 0.2, `${screen}: the bars on top take ${(m.bars * 100).toFixed(0)} %`);
    console.log(`  ${screen}: ${await script('return document.documentElement.clientWidth')} px wide, inside the screen, bars ${(m.bars * 100).toFixed(0)} %`);
  };
  await phone('the 创新案例 form');
  await click(await button('更多'));
  await button('导出草稿');
  await phone('its menu open');
  await b.screenshot('docs/screenshots/phone-webkit.png');
  console.log('app e2e (WebKit): ok');
} finally {
  if (b) await b.quit();
  try { process.kill(-driver.pid, 'SIGTERM'); } catch (e) { /* gone */ }
  server.close();
  fs.rmSync(home, { recursive: true, force: true });
}
