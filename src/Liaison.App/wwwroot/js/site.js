// Charts and pickers from data attributes: the pages carry no inline script (the content security policy forbids it).
(function () {
  // Script runs: the phone menu may hide behind its button now (site.css shows it open without script).
  document.documentElement.classList.remove("no-js");

  // A picker: an ordinary text input (it still takes a typed code without script) becomes a type-ahead
  // over /api/v1/pick/{kind}; data-picker-query adds filters (level=village, under=..., village=...),
  // data-picker-label names the value already in it; data-picker-many takes several (sent joined by commas).
  function picker(el) {
    if (!window.TomSelect || el.tomselect) return;
    var url = "/api/v1/pick/" + el.dataset.picker;
    var extra = el.dataset.pickerQuery ? "&" + el.dataset.pickerQuery : "";
    var many = el.hasAttribute("data-picker-many");
    var values = el.value ? (many ? el.value.split(",") : [el.value]) : [];
    var initial = values.map(function (v) { return { value: v, text: (!many && el.dataset.pickerLabel) || v }; });
    var texts = document.documentElement.dataset;
    var widget = new TomSelect(el, {
      maxItems: many ? null : 1,
      delimiter: ",",
      create: false,
      closeAfterSelect: !many,
      valueField: "value",
      labelField: "text",
      searchField: [],
      options: initial,
      items: values,
      preload: "focus",
      loadThrottle: 250,
      // The server has matched and ordered the results; the widget keeps them as they come.
      score: function () { return function () { return 1; }; },
      load: function (query, done) {
        fetch(url + "?q=" + encodeURIComponent(query) + extra, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (rows) {
            // An answer arriving after the person has chosen (or closed the list) must not open it
            // again: the widget opens on every answer while focused and takes the focus back a tick
            // later, even from the field the person has moved on to. Locked, it cannot open.
            if (widget.isOpen) { done(rows); return; }
            widget.lock();
            done(rows);
            widget.unlock();
          }, function () { done(); });
      },
      render: {
        option: function (d, esc) { return "<div>" + esc(d.text) + (d.path ? "<span class=\"path\">" + esc(d.path) + "</span>" : "") + "</div>"; },
        item: function (d, esc) { return "<div>" + esc(d.text) + "</div>"; },
        no_results: function () { return "<div class=\"no-results\">" + (texts.nothingFound || "") + "</div>"; }
      }
    });
  }

  function draw(el) {
    if (!window.echarts) return;
    var labels = JSON.parse(el.dataset.labels || "[]");
    // Either one bar series (data-values) or several named ones (data-series: [{name, type, values}]).
    var many = el.dataset.series ? JSON.parse(el.dataset.series) : null;
    var series = many
      ? many.map(function (s) { return { name: s.name, type: s.type, data: s.values, smooth: s.type === "line", yAxisIndex: s.axis || 0 }; })
      : [{ type: "bar", data: JSON.parse(el.dataset.values || "[]"), itemStyle: { color: "#b71c1c" } }];
    // SVG draws crisply when the page is printed.
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      color: ["#b71c1c", "#1565c0", "#ef6c00", "#2e7d32"],
      title: { text: el.dataset.title || "", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: many ? { top: 0 } : undefined,
      grid: { left: 60, right: many ? 64 : 16, bottom: 80, top: many ? 64 : 40 },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: labels.length > 6 ? 40 : 0, interval: 0 } },
      // A series on axis 1 (a running total beside monthly counts) gets a scale of its own on the right.
      yAxis: many && many.some(function (s) { return s.axis === 1; }) ? [{ type: "value" }, { type: "value", splitLine: { show: false } }] : { type: "value" },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  // htmx requests carry the anti-forgery token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) e.detail.headers["X-CSRF-TOKEN"] = meta.content;
  });
  // A choice that decides which part of a form applies (a deed's kind and its quantities): the
  // fieldsets marked data-when="VALUE" inside the select's form show only for their value, and the
  // hidden ones are disabled so they neither block nor send. Without script all show; the server
  // reads the chosen one.
  function shows(select) {
    var parts = select.form ? select.form.querySelectorAll("fieldset[data-when]") : [];
    function apply() {
      parts.forEach(function (f) {
        var on = f.dataset.when === select.value;
        f.hidden = !on;
        f.disabled = !on;
      });
    }
    select.addEventListener("change", apply);
    apply();
  }
  // Signing out drops the village pages an inspector kept for work without a network
  // (offline-pages.js): the next person on the phone must not open them. The field app's queue of
  // unsent records is not touched.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!window.caches || !form.action || new URL(form.action).pathname !== "/account/logout" || form.dataset.cleared) return;
    e.preventDefault();
    form.dataset.cleared = "true";
    caches.keys()
      .then(function (keys) { return Promise.all(keys.filter(function (k) { return k.indexOf("liaison-supervision-") === 0; }).map(function (k) { return caches.delete(k); })); })
      .catch(function () { })
      .then(function () { form.submit(); });
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-shows]").forEach(shows);
    document.querySelectorAll("[data-chart]").forEach(draw);
    document.querySelectorAll("input[data-picker]").forEach(picker);
    document.querySelectorAll("[data-print]").forEach(function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); window.print(); });
    });
  });
})();
