// The desk's worker (a module worker): checks received files with the
// wengao-audit program off the page's main thread, one message per file, in
// order. The page stops a batch by terminating the worker.
import init, { check, check_as, templates, use_templates, workbook, notes, booklet, extracts, extracts_docx, ballot, tally_setup, tally } from './wengao-audit.js';

const ready = init({ module_or_path: new URL('./wengao-audit_bg.wasm', import.meta.url) });

onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.kind === 'check') {
      postMessage({ kind: 'checked', rows: check(data.name, new Uint8Array(data.bytes)) });
    } else if (data.kind === 'check_as') {
      const row = check_as(data.name, new Uint8Array(data.bytes), data.entry, data.template);
      postMessage({ kind: 'rechecked', index: data.index, row });
    } else if (data.kind === 'use_templates') {
      use_templates(data.sources);
    } else if (data.kind === 'templates') {
      postMessage({ kind: 'templates', names: templates() });
    } else if (data.kind === 'workbook') {
      const bytes = workbook(data.rows);
      postMessage({ kind: 'workbook', bytes }, [bytes.buffer]);
    } else if (data.kind === 'booklet') {
      const progress = (done, total) => postMessage({ kind: 'progress', done, total });
      const [plan, bytes] = booklet(data.files, data.entries, data.title, data.date, data.list, data.build, progress);
      postMessage({ kind: 'booklet', plan, bytes }, [bytes.buffer]);
    } else if (data.kind === 'ballot') {
      const bytes = ballot(data.files, data.entries, data.title, data.list);
      postMessage({ kind: 'ballot', bytes }, [bytes.buffer]);
    } else if (data.kind === 'extracts') {
      postMessage({ kind: 'extracts', extracts: extracts(data.files, data.entries) });
    } else if (data.kind === 'extracts_docx') {
      const bytes = extracts_docx(data.extracts);
      postMessage({ kind: 'extracts_docx', bytes }, [bytes.buffer]);
    } else if (data.kind === 'tally_setup') {
      postMessage({ kind: 'tally_setup', setup: tally_setup(data.files, data.entries, data.list) });
    } else if (data.kind === 'tally') {
      const bytes = tally(data.setup, data.sheets, data.title, data.word);
      postMessage({ kind: 'tally', word: data.word, bytes }, [bytes.buffer]);
    } else if (data.kind === 'notes') {
      const bytes = notes(data.row);
      postMessage({ kind: 'notes', name: data.name, bytes }, [bytes.buffer]);
    }
  } catch (error) {
    // A panic in the wasm (a bug): this file's row says so, the batch goes on
    // with a fresh worker (the page starts one when it sees `failed`).
    postMessage({ kind: 'failed', of: data.kind, name: data.name || '', error: String(error) });
  }
};
