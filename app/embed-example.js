// How a host page embeds the form (docs/embedding.md): load the module, mount
// with a template and options, and talk to the handle. The second form on the
// page is the custom element <wengao-form>; this script only listens to it.
import init, { mount } from './wengao-app.js';

await init({ module_or_path: new URL('./wengao-app_bg.wasm', import.meta.url) });

const $ = (id) => document.getElementById(id);
const say = (text) => { $('host-message').textContent = text; };
const describe = (s) => `全文${s.words}字，${s.pages}` + s.parts.slice(1).map((p) => `；${p.label}${p.words}字（${p.state === 'fits' ? '合适' : p.state === 'over' ? '超出' : '不足'}）`).join('');
const received = (bytes, fileName) => {
  const li = document.createElement('li');
  li.textContent = `${fileName}（${bytes.length} 字节）`;
  $('received').append(li);
};

let form;
try {
  form = await mount($('form'), $('template').textContent, {
    storageKey: '示例-整改台账',
    toolbar: ['exportDraft', 'importDraft', 'exportDocx'],
    onChange: (summary) => { $('figures').textContent = describe(summary); },
    // false: wengao downloads the file as if no onExport were given.
    onExport: (bytes, fileName) => {
      if (!$('take-files').checked) return false;
      received(bytes, fileName);
    },
  });
} catch (rejected) {
  // A template with errors: they are shown in the element too, with line and column.
  say(`表单没有显示：${rejected.message}`);
}

$('checklist-button').onclick = () => {
  const list = form?.checklist() ?? [];
  $('checklist').replaceChildren(...list.map((entry) => Object.assign(document.createElement('li'), { textContent: entry.message })));
  // coverage entries are reminders only.
  const toFix = list.filter((entry) => entry.kind !== 'coverage').length;
  say(toFix ? `检查清单有${toFix}处要改` : '检查清单上没有要改的：可以提交');
};
$('draft-out').onclick = () => { $('draft-text').value = form?.draft() ?? ''; };
$('draft-in').onclick = () => {
  const answer = form?.setDraft($('draft-text').value);
  say(answer?.ok ? `草稿已放回。${answer.notice}` : `草稿没有放回：${answer?.error ?? '表单已关闭'}`);
};
$('docx-button').onclick = () =>
  form?.exportDocx().then((bytes) => received(bytes, '（按钮）生成的 Word 文件.docx'), (rejected) => say(rejected.message));
$('destroy-button').onclick = () => { form?.destroy(); say('表单已关闭'); };

$('second').addEventListener('wengao-change', (e) => { $('figures-2').textContent = describe(e.detail); });
