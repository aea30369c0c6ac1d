// Keyboard niceties; the pages work without them.
// "/" focuses the search box; "j" and "k" move to the next and previous result;
// Escape leaves the search box.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
                      target.isContentEditable);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var box = document.getElementById("q");
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) { return; }
    if (event.key === "/" && box) {
      event.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (event.key === "j" || event.key === "k") {
      var links = Array.prototype.slice.call(document.querySelectorAll("a.hit-link"));
      if (!links.length) { return; }
      var at = links.indexOf(document.activeElement);
      var next = event.key === "j" ? at + 1 : (at < 0 ? links.length - 1 : at - 1);
      next = Math.max(0, Math.min(links.length - 1, next));
      links[next].focus();
      links[next].scrollIntoView({block: "nearest"});
      event.preventDefault();
    }
  });
})();
