// Nothing typed is lost in Firefox either: Firefox ESR on a profile of its own is
// killed (SIGKILL on every process of that profile: a crash, a power cut) 0 and
// 200 ms after the last key, then started again on the same profile through a
// new geckodriver session. Prints what survived; fails if anything typed is lost
// or the restart does not say what it restored.
import { spawn, execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { connect } from './webdriver.mjs';

const port = 25080 + Math.floor(Math.random() * 500);
let driverPort = port + 600;
const base = '/tools/wengao/';
const app = `http://127.0.0.1:${port}${base}`;
const server = await serve('dist', port, base);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-kill-'));
let driver;

/** Firefox on `profile`, through a geckodriver of its own (a killed browser leaves
 * its driver's one session behind). */
async function launch() {
  if (driver) driver.kill();
  driverPort += 1;
  driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(driverPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
  return connect(`http://127.0.0.1:${driverPort}`, {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary: process.env.FIREFOX || '/usr/bin/firefox-esr', args: ['-headless', '-profile', profile] },
  });
}

/** SIGKILL to every Firefox process on this profile, and wait until they are gone. */
async function kill() {
  const pids = () => {
    try {
      return execFileSync('pgrep', ['-f', profile]).toString().trim().split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  for (const pid of pids()) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  for (let i = 0; pids().length > 0; i++) {
    if (i > 100) throw new Error('Firefox did not go away');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const field = '一、（一）一是 正文';
let b;
try {
  b = await launch();
  await b.go(app);
  await b.startReady();
  await b.click(await b.byLabel('新建党建工作述职报告', 20000));
  // What is typed into 新建's skeleton is saved once the form takes over (app/skeleton.js).
  await b.formReady();
  let expected = '';
  for (const wait of [0, 200]) {
    const typed = `第${wait}轮党建引领基层治理扎实推进全面从严治党主体责任落实落细`.slice(0, 30);
    await b.type(await b.byLabel(field), typed);
    expected += typed;
    await new Promise((r) => setTimeout(r, wait));
    await kill();
    b = await launch();
    await b.go(app);
    const banner = await b.byText('上次浏览器没有正常关闭', 20000);
    assert.match(await b.textOf(banner), /已恢复这份草稿最后一次自动保存的内容（\d+月\d+日 \d\d:\d\d:\d\d）/);
    const kept = await b.valueOf(await b.byLabel(field));
    const lost = expected.length - [...kept].filter((_, k) => kept[k] === expected[k]).length;
    console.log(`  Firefox killed ${wait} ms after the last key: ${kept.length} of ${expected.length} characters kept, ${Math.max(lost, 0)} lost`);
    assert.equal(kept, expected, 'nothing typed is lost');
  }
  console.log('durability (Firefox): ok');
} finally {
  if (b) await b.quit();
  await kill().catch(() => {});
  if (driver) driver.kill();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
