// How a host page embeds the form: load the module, then mount with a template.
import init, { mount } from './wengao-app.js';

await init({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) });
mount(document.getElementById('form'), document.getElementById('template').textContent);
