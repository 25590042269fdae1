// The component's API in Firefox ESR through WebDriver (#42): the same host
// page and steps as embed.mjs in Chromium (embed-scenario.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { connect, firefox } from './webdriver.mjs';
import { scenario, site } from './embed-scenario.mjs';

const port = 19080 + Math.floor(Math.random() * 500);
const driverPort = port + 600;
const base = '/oa/wengao/';
const tmp = fs.mkdtempSync('/tmp/wengao-ff-embed-');
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-ff-embed-dl-'));
const step = (name) => console.log(`· ${name}`);
const server = await serve(site(tmp), port, base);
const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(driverPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
let b;
try {
  b = await connect(`http://127.0.0.1:${driverPort}`, firefox(downloads, ['application/vnd.openxmlformats-officedocument.wordprocessingml.document']));
  await b.go(`http://127.0.0.1:${port}${base}host.html`);
  const within = (id, xpath) => `//*[@id=${JSON.stringify(id)}]${xpath}`;
  await scenario(
    {
      // The page function's result, or what it threw, as JSON.
      run: async (fn, arg) => {
        const answer = await b.scriptAsync(
          `const done = arguments[arguments.length - 1];
           (${fn.toString()})(arguments[0]).then((value) => done({ value: value === undefined ? null : value }), (e) => done({ thrown: String(e && e.stack || e) }));`,
          [arg ?? null],
        );
        if (answer.thrown) throw new Error(`in the page: ${answer.thrown}`);
        return answer.value;
      },
      type: async (id, label, text) => {
        const el = await b.find(within(id, `//*[@aria-label=${JSON.stringify(label)}]`));
        await b.clear(el);
        await b.type(el, text);
      },
      click: async (id, name) => b.click(await b.find(within(id, `//button[normalize-space(.)=${JSON.stringify(name)}]`))),
      downloads: async () => fs.readdirSync(downloads).length,
    },
    { tmp, name: 'firefox', step },
  );
  console.log('embedding e2e (Firefox ESR): ok');
} finally {
  if (b) await b.quit();
  driver.kill();
  server.close();
}
