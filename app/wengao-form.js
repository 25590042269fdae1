// <wengao-form>: the embedded form as a custom element, for pages that are not
// modules (docs/embedding.md). Load it with a plain script tag from the folder
// that holds wengao-app.js:
//
//   <script src="/tools/wengao/wengao-form.js"></script>
//   <wengao-form template="#my-template" storage-key="整改-2026"></wengao-form>
//
// Attributes (read when the element is added to the page):
//   template     "#id" of an element holding the .wg text (a <script type="text/plain">),
//                or the URL of a .wg file (same origin)
//   storage-key  where this browser keeps the draft; "false": nowhere (the page keeps it)
//   toolbar      the buttons to show, space-separated (exportDraft importDraft importWord
//                exportDocx exportPptx); "" for none
// Events (bubbling, on the element):
//   wengao-ready   the form is shown
//   wengao-change  detail: the figures (as onChange gives them, with detail.draft())
//   wengao-export  detail: { bytes, fileName }; preventDefault() takes the file, else it downloads
//   wengao-error   detail: { message, diagnostics } (the template's errors, also shown in the element)
// Methods, once ready (before: they reject or answer undefined): draft(), setDraft(json),
// checklist(), summary(), exportDocx(), exportPptx(). Removing the element destroys the form.
(() => {
  if (customElements.get('wengao-form')) return;
  // The folder this script came from, where wengao-app.js is.
  const script = document.currentScript || document.querySelector('script[src*="wengao-form.js"]');
  const folder = new URL('.', script ? script.src : document.baseURI);
  let loading;
  const load = () =>
    (loading ??= import(new URL('wengao-app.js', folder).href).then(async (glue) => {
      await glue.default({ module_or_path: new URL('wengao-app_bg.wasm', folder) });
      return glue;
    }));

  class WengaoForm extends HTMLElement {
    #handle = null;
    // Whether the element is on the page (a move is a disconnect and a
    // connect in one task: the form stays).
    #wanted = false;
    // Mounts and destroys, one after another: two never overlap in the element.
    #queue = Promise.resolve();

    connectedCallback() {
      if (this.#wanted) return;
      this.#wanted = true;
      this.#queue = this.#queue.then(() => (this.#wanted && !this.#handle ? this.#mount() : null)).catch((error) => this.#say('wengao-error', error));
    }

    disconnectedCallback() {
      queueMicrotask(() => {
        if (this.isConnected) return;
        this.#wanted = false;
        this.#queue = this.#queue.then(() => {
          this.#handle?.destroy();
          this.#handle = null;
        });
      });
    }

    async #mount() {
      const glue = await load();
      const template = await this.#template();
      if (!this.#wanted) return;
      const key = this.getAttribute('storage-key');
      const toolbar = this.getAttribute('toolbar');
      this.#handle = await glue.mount(this, template, {
        storageKey: key === 'false' ? false : key || undefined,
        toolbar: toolbar === null ? undefined : toolbar.split(/\s+/).filter(Boolean),
        onChange: (summary) => this.#say('wengao-change', summary),
        // Taken when a listener called preventDefault(); else wengao downloads it.
        onExport: (bytes, fileName) =>
          !this.dispatchEvent(new CustomEvent('wengao-export', { bubbles: true, cancelable: true, detail: { bytes, fileName } })),
      });
      // Removed meanwhile: the destroy queued behind this mount takes it.
      this.#say('wengao-ready', null);
    }

    async #template() {
      const source = this.getAttribute('template') || '';
      if (source.startsWith('#')) {
        const holder = document.getElementById(source.slice(1));
        if (!holder) throw { message: `页面上没有 id 为“${source.slice(1)}”的模板`, diagnostics: [] };
        return holder.textContent;
      }
      const response = await fetch(new URL(source, document.baseURI)).catch(() => null);
      if (!response || !response.ok) throw { message: `模板文件“${source}”没能取到`, diagnostics: [] };
      return response.text();
    }

    #say(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
    }

    #gone(name) {
      return Promise.reject({ message: `表单还没有准备好（${name}）：请等 wengao-ready`, diagnostics: [] });
    }

    draft() {
      return this.#handle?.draft();
    }
    setDraft(draft) {
      return this.#handle ? this.#handle.setDraft(draft) : { ok: false, error: '表单还没有准备好：请等 wengao-ready' };
    }
    checklist() {
      return this.#handle?.checklist();
    }
    summary() {
      return this.#handle?.summary();
    }
    exportDocx() {
      return this.#handle ? this.#handle.exportDocx() : this.#gone('exportDocx');
    }
    exportPptx() {
      return this.#handle ? this.#handle.exportPptx() : this.#gone('exportPptx');
    }
  }

  customElements.define('wengao-form', WengaoForm);
})();
