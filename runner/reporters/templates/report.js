(function () {
  "use strict";
  var body = document.body;
  body.classList.add("js");
  var runs = Array.prototype.slice.call(document.querySelectorAll("details.execution"));
  function setAll(open) { runs.forEach(function (d) { d.open = open; }); }
  var filter = document.getElementById("only-failures");
  filter.addEventListener("click", function () {
    var on = body.classList.toggle("only-failures");
    filter.setAttribute("aria-pressed", on ? "true" : "false");
  });
  document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var shown = runs.length;
  var failing = runs.filter(function (d) { return !d.classList.contains("passed") && !d.classList.contains("skipped"); }).length;
  document.getElementById("count-line").textContent = shown + " executions, " + failing + " with failures";
  body.setAttribute("data-ready", "true");
})();
