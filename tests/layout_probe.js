// What a reader would see as broken layout in the page's own content (article.md-content__inner),
// measured in the browser: returns {scroll, overlaps, broken}. Used by tests/test_layout_browser.py.
//
// - scroll: the page is wider than the window (it scrolls sideways);
// - overlaps: two pieces of text from different text nodes whose boxes cross, as drawn (each box
//   cut by the scroll or overflow boxes around it, so text scrolled or clipped away does not count);
// - broken: a word laid out on more than one line. A word is a run without spaces, hyphens,
//   dashes or slashes, the places a browser may break without cutting a word.
() => {
  const article = document.querySelector("article.md-content__inner");
  const root = document.documentElement;
  const result = { scroll: [root.scrollWidth, root.clientWidth], overlaps: [], broken: [] };
  if (!article) { return result; }

  const clipOf = element => {
    let box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
        const r = node.getBoundingClientRect();
        box = { left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
                right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom) };
      }
    }
    return box;
  };
  // Not drawn: inside a closed <details>, hidden, or transparent (Material's heading anchors).
  const visible = element => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  const boxes = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), index = 0; node; node = walker.nextNode(), index++) {
    const parent = node.parentElement;
    if (!node.data.trim() || parent.closest("svg, script, style, .headerlink") || !visible(parent)) { continue; }
    const clip = clipOf(parent);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const box = { left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top),
                    right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom) };
      if (box.right - box.left > 1 && box.bottom - box.top > 1) {
        boxes.push({ ...box, index, text: node.data.trim().slice(0, 40) });
      }
    }
    // Words: several line boxes for one word means the browser cut it.
    const word = /[^\s\-‐–—\/·]{2,}/g;
    for (let match = word.exec(node.data); match; match = word.exec(node.data)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) { result.broken.push(match[0]); }
    }
  }
  const slack = 1;  // a pixel of anti-aliasing where two lines touch
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.index === b.index) { continue; }
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack) {
        result.overlaps.push(`${a.text} / ${b.text}`);
      }
    }
  }
  return result;
}
