// A minimal W3C WebDriver client over fetch, for the engines Playwright cannot
// drive from Debian's packages (Firefox ESR through geckodriver, WebKit through
// WebKitWebDriver): no browser download, no extra npm package. Elements are
// found by their accessible names (aria-label) or their text.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Waits for a driver at `driverUrl` and opens a session with `capabilities`. */
export async function connect(driverUrl, capabilities) {
  const wd = async (method, url, body) => {
    const res = await fetch(`${driverUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await wd('GET', '/status');
      break;
    } catch (e) {
      if (i > 150) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const session = (await wd('POST', '/session', { capabilities: { alwaysMatch: capabilities } })).sessionId;
  const s = (rest) => `/session/${session}${rest}`;
  const find = async (xpath, timeout = 15000) => {
    const end = Date.now() + timeout;
    for (;;) {
      try {
        const found = await wd('POST', s('/element'), { using: 'xpath', value: xpath });
        return found[ELEMENT];
      } catch (e) {
        if (Date.now() > end) throw new Error(`not found: ${xpath}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  };
  const element = (id) => ({ [ELEMENT]: id });
  // Polls `script` until it returns true.
  const until = async (script, failure, timeout) => {
    const end = Date.now() + timeout;
    while (!(await wd('POST', s('/execute/sync'), { script, args: [] }))) {
      if (Date.now() > end) throw new Error(failure);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    find,
    byLabel: (label, timeout) => find(`//*[@aria-label=${JSON.stringify(label)}]`, timeout),
    byText: (text, timeout) => find(`//*[contains(normalize-space(.), ${JSON.stringify(text)}) and not(*[contains(normalize-space(.), ${JSON.stringify(text)})])]`, timeout),
    button: (text, timeout) => find(`//button[normalize-space(.)=${JSON.stringify(text)}]`, timeout),
    type: (el, text) => wd('POST', s(`/element/${el}/value`), { text }),
    // Types into the field labelled `label`, found again if it went from the
    // page between finding and typing (the skeleton's field, when the full
    // app's form takes over at that moment).
    typeLabelled: async (label, text) => {
      for (let tries = 0; ; tries++) {
        const el = await find(`//*[@aria-label=${JSON.stringify(label)}]`);
        try {
          return await wd('POST', s(`/element/${el}/value`), { text });
        } catch (e) {
          if (tries > 2 || !/stale element/.test(e.message)) throw e;
        }
      }
    },
    click: (el) => wd('POST', s(`/element/${el}/click`), {}),
    clear: (el) => wd('POST', s(`/element/${el}/clear`), {}),
    textOf: (el) => wd('GET', s(`/element/${el}/text`)),
    valueOf: (el) => wd('GET', s(`/element/${el}/property/value`)),
    enabled: (el) => wd('GET', s(`/element/${el}/enabled`)),
    script: (body, args = []) => wd('POST', s('/execute/sync'), { script: body, args }),
    scriptAsync: (body, args = []) => wd('POST', s('/execute/async'), { script: body, args }),
    element,
    go: (url) => wd('POST', s('/url'), { url }),
    window: () => wd('GET', s('/window')),
    newWindow: async () => (await wd('POST', s('/window/new'), { type: 'tab' })).handle,
    switchTo: (handle) => wd('POST', s('/window'), { handle }),
    closeWindow: () => wd('DELETE', s('/window')),
    refresh: () => wd('POST', s('/refresh'), {}),
    windowSize: (width, height) => wd('POST', s('/window/rect'), { width, height }),
    screenshot: async (file) => (await import('node:fs')).writeFileSync(file, Buffer.from(await wd('GET', s('/screenshot')), 'base64')),
    // index.html's copy of the start screen is usable at once; elements found
    // in it go with it when the start program takes over: wait for that.
    startReady: (timeout = 30000) =>
      until("return !!document.querySelector('#wengao main.start:not([data-static])')", 'the start program did not take over from the copy', timeout),
    // 新建's form as plain HTML (app/skeleton.js) is typeable at once; elements
    // found in it go with it when the full app's form takes over: wait for that.
    // 60 s: WebKitGTK under Xvfb compiles the full app's 1.7 MB of wasm slowly, and a clean-clone run
    // once took longer than 30 s (sessions 15 and 16); a wait, not a timed assertion.
    formReady: (timeout = 60000) =>
      until("return !document.getElementById('wengao-skeleton') && !!document.querySelector('#wengao .editor')", 'the form did not take over from its skeleton', timeout),
    quit: () => wd('DELETE', s('')).catch(() => {}),
  };
}

/** Sets an input's or textarea's value as a paste would, and fires `input`. */
export const setValue = (b, el, value) =>
  b.script('const [el, v] = arguments; el.value = v; el.dispatchEvent(new Event("input", { bubbles: true }));', [b.element(el), value]);

/** Headless Firefox ESR that saves downloads of the `types` (MIME types) into
 *  the folder `downloads` without asking. */
export const firefox = (downloads, types) => ({
  browserName: 'firefox',
  'moz:firefoxOptions': {
    binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
    args: ['-headless'],
    prefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.helperApps.neverAsk.saveToDisk': types.join(','),
      'browser.download.always_ask_before_handling_new_types': false,
    },
  },
});
