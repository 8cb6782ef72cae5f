// The header's search box: Pagefind's index (pagefind/, written after every
// build) is loaded on first use, so pages that are only read stay light.
// Results list briefings with their country (Pagefind meta "country").
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[type=search]");
  var panel = form.querySelector(".search-results");
  var root = new URL(form.getAttribute("data-site"), document.baseURI);
  var engine = null;
  var latest = 0;
  form.hidden = false;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function show(query, results) {
    panel.textContent = "";
    if (!query) { return; }
    panel.appendChild(element("p", "search-count",
      results.length ? results.length + (results.length === 1 ? " page" : " pages") + " found" :
        "Nothing found for “" + query + "”"));
    var list = element("ul", "search-list");
    results.forEach(function (data) {
      var item = element("li", "search-hit");
      var link = element("a", "", data.meta.title || data.url);
      link.href = data.url;
      item.appendChild(link);
      var kind = data.meta.country ? "Briefing on " + data.meta.country : (data.meta.kind || "");
      if (kind) { item.appendChild(element("span", "search-kind", kind)); }
      var excerpt = element("p", "search-excerpt");
      excerpt.innerHTML = data.excerpt; // Pagefind's own text with <mark> around the match
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { show("", []); return; }
    load().then(function (pagefind) {
      return pagefind.debouncedSearch(query, {}, 200);
    }).then(function (search) {
      if (!search || ticket !== latest) { return null; }
      return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (results && ticket === latest) { show(query, results); }
    }).catch(function () {
      if (ticket === latest) { panel.textContent = "Search is not available here."; }
    });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; show("", []); }
  });
}());
