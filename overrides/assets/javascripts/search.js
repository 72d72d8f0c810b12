// Site search: Pagefind's index (pagefind/, written after each build) behind Material's search box.
// The index is fetched in small pieces, only those a query needs, and only once the box is used:
// opening a page costs nothing. Keys as in Material: / (or s, f) opens the box, the arrow keys walk
// the results, Enter opens the first one, Escape closes.
(() => {
  "use strict";
  const box = document.querySelector("[data-hb-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector("[data-hb-search-input]");
  const form = box.querySelector("[data-hb-search-form]");
  const list = box.querySelector("[data-hb-search-results]");
  const status = box.querySelector("[data-hb-search-status]");
  const hint = status.textContent;
  const SHOWN = 10;
  let engine = null;
  let asked = 0; // the latest query: results of an earlier one arrive late and are dropped

  function load() {
    if (!engine) {
      const bundle = new URL(box.dataset.hbSearchBundle, location.href).href;
      const root = new URL(box.dataset.hbSearchRoot, location.href).pathname;
      engine = import(bundle + "pagefind.js").then(async (pagefind) => {
        // A person's page names them and their company in metadata (contact.md.j2): matching it
        // counts twice what a page title does.
        await pagefind.options({ baseUrl: root, excerptLength: 22, ranking: { metaWeights: { person: 10, company: 10 } } });
        await pagefind.init();
        return pagefind;
      });
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // An excerpt is text with the matched words in <mark>: rebuilt from text nodes, nothing else runs.
  function excerpt(html) {
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    const paragraph = document.createElement("p");
    for (const node of parsed.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    if (data.meta.kind) {
      const kind = document.createElement("span");
      kind.className = "hb-search__kind";
      kind.textContent = data.meta.kind;
      title.append(kind, " ");
    }
    title.append(data.meta.title || data.url);
    article.append(title, excerpt(data.excerpt));
    link.append(article);
    li.append(link);
    return li;
  }

  // Pages holding the words in the order typed come first ("Jane Doe", or a question's words), each
  // group in Pagefind's order, which follows the weights the pages give their words.
  async function ranked(pagefind, query) {
    const words = query.split(/\s+/);
    const [all, phrase] = await Promise.all([
      pagefind.search(query),
      words.length > 1 && !query.includes('"') ? pagefind.search(`"${query}"`) : null,
    ]);
    if (!all) return null;
    if (!phrase || !phrase.results.length) return all.results;
    const together = new Set(phrase.results.map((result) => result.id));
    return [...all.results.filter((r) => together.has(r.id)), ...all.results.filter((r) => !together.has(r.id))];
  }

  function say(text) {
    status.textContent = text;
  }

  async function search() {
    const query = input.value.trim();
    const number = ++asked;
    if (!query) {
      list.replaceChildren();
      say(hint);
      return;
    }
    let pagefind;
    try {
      pagefind = await load();
    } catch (error) {
      say("Search needs the site served over http (mkdocs serve, or any web server): it cannot run from files opened directly.");
      return;
    }
    const results = await ranked(pagefind, query);
    if (number !== asked || !results) return;
    // Each result's words are one more small file: show the best at once, then the others.
    const rest = Promise.all(results.slice(1, SHOWN).map((result) => result.data()));
    const best = results.length ? [await results[0].data()] : [];
    if (number !== asked) return;
    list.replaceChildren(...best.map(item));
    const others = await rest;
    if (number !== asked) return;
    list.append(...others.map(item));
    const count = results.length;
    say(count === 0 ? `No page matches “${query}”.`
      : count === 1 ? "1 matching page"
      : count > SHOWN ? `${count} matching pages, the best ${SHOWN} shown` : `${count} matching pages`);
  }

  function open() {
    toggle.checked = true;
    load().catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return [...list.querySelectorAll("a")];
  }

  // The search script and the index's table of contents (together about 150 KB, fetched once and
  // then cached) load when the page has nothing else to do, so the first query finds them ready.
  const idle = window.requestIdleCallback || ((then) => setTimeout(then, 200));
  if (document.readyState === "complete") idle(() => load().catch(() => {}));
  else window.addEventListener("load", () => idle(() => load().catch(() => {})));

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => setTimeout(() => { search(); input.focus(); }));

  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [input, ...links()];
    const at = stops.indexOf(document.activeElement);
    if (at < 0 || stops.length < 2) return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    stops[(at + step + stops.length) % stops.length].focus();
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || !["/", "s", "f"].includes(event.key)) return;
    const at = document.activeElement;
    if (at && (at.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName))) return;
    event.preventDefault();
    open();
    input.focus();
    input.select();
  });
})();
