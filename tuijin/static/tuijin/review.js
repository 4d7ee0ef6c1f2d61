/* Review page: clicking an extracted item highlights its span in the source text. */
(function () {
  "use strict";
  function textNode(el) {
    for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) return n;
    return null;
  }
  function clear(box) {
    const old = box.querySelector("mark.src");
    if (!old) return;
    const parent = old.parentNode;
    while (old.firstChild) parent.insertBefore(old.firstChild, old);
    parent.removeChild(old);
    parent.normalize();
  }
  function highlight(box, start, end) {
    clear(box);
    const node = textNode(box);
    if (!node || end <= start || end > node.length) return null;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const mark = document.createElement("mark");
    mark.className = "src";
    range.surroundContents(mark);
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    return mark;
  }
  document.addEventListener("DOMContentLoaded", function () {
    const box = document.getElementById("doc-text");
    if (!box) return;
    document.querySelectorAll("tr.item").forEach(function (row) {
      row.addEventListener("click", function (ev) {
        if (ev.target.matches("input[type=checkbox]")) return;
        document.querySelectorAll("tr.item.active").forEach((r) => r.classList.remove("active"));
        row.classList.add("active");
        highlight(box, parseInt(row.dataset.start, 10), parseInt(row.dataset.end, 10));
      });
    });
  });
})();
