// How the form sits on a phone's screen, measured in the page (phone.mjs in
// Chromium, webkit.mjs in WebKit): a page function, self-contained.
/** What is wrong with the screen as it is: controls past the edge, horizontal
 *  scrolling, small targets, and how much of the screen the bars on top take. */
export const onScreen = () => {
  const width = document.documentElement.clientWidth;
  // Laid out (fixed elements too: their offsetParent is null).
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const name = (e) => e.getAttribute('aria-label') || e.textContent.trim().slice(0, 12) || e.tagName;
  const controls = [...document.querySelectorAll('#wengao button, #wengao a[href], #wengao input, #wengao textarea, #wengao select, #wengao summary, #wengao .file-button')]
    .filter(shown)
    // A file input is the whole of its label (the label is the target).
    .filter((e) => !(e.type === 'file' && e.closest('.file-button')))
    // Inside a table that scrolls on its own, the table's edge counts, not the cell's.
    .filter((e) => !e.closest('.table'));
  const rect = (e) => e.getBoundingClientRect();
  const bars = ['.editor .toolbar', '.editor .summary'].map((s) => document.querySelector(s)).filter(Boolean);
  return {
    past: controls.filter((e) => rect(e).right > width + 0.5 || rect(e).left < -0.5).map(name),
    scrolls: document.documentElement.scrollWidth > width,
    small: controls.filter((e) => rect(e).height < 24 || rect(e).width < 24).map(name),
    fingerSmall: [...document.querySelectorAll('.editor .toolbar button, .editor .toolbar .file-button, .editor .summary button')]
      .filter(shown)
      .filter((e) => rect(e).height < 44 || rect(e).width < 44)
      .map(name),
    bars: bars.reduce((sum, e) => sum + rect(e).height, 0) / window.innerHeight,
  };
};
