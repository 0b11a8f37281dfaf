// Charts from data attributes: the pages carry no inline script (the content security policy forbids it).
(function () {
  function draw(el) {
    if (!window.echarts) return;
    var labels = JSON.parse(el.dataset.labels || "[]");
    var values = JSON.parse(el.dataset.values || "[]");
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      title: { text: el.dataset.title || "", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      grid: { left: 60, right: 16, bottom: 80, top: 40 },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: labels.length > 6 ? 40 : 0, interval: 0 } },
      yAxis: { type: "value" },
      series: [{ type: "bar", data: values, itemStyle: { color: "#b71c1c" } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  // htmx requests carry the anti-forgery token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) e.detail.headers["X-CSRF-TOKEN"] = meta.content;
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart]").forEach(draw);
  });
})();
