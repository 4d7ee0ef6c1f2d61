/* tuijin — small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  var FONT = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  var PALETTE = ["#1f3a5f", "#b5262c", "#d98c1f", "#2e7d4f", "#5b2d8c", "#0f6662", "#7a8699", "#c45a8a"];

  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  /* <div class="chart" data-chart="bar|pie" data-source="json-script-id" data-series="count|investment"
          data-label="legend text"></div>; the JSON holds {labels, counts, investment, links}. */
  function initChart(el) {
    if (typeof window.echarts === "undefined" || el.dataset.ready) return;
    var data = readJSON(el.dataset.source);
    if (!data || !data.labels || !data.labels.length) return;
    var key = el.dataset.series || "count";
    var limit = parseInt(el.dataset.limit || "0", 10);
    var labels = data.labels.slice();
    var values = (key === "investment" ? data.investment : data.counts).slice();
    var links = (data.links || []).slice();
    if (limit && labels.length > limit) {
      labels = labels.slice(0, limit); values = values.slice(0, limit); links = links.slice(0, limit);
    }
    var name = el.dataset.label || "";
    var horizontal = el.dataset.chart !== "pie" && labels.length > 6;
    if (horizontal) el.style.height = Math.max(280, labels.length * 24 + 40) + "px";
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var option;
    if (el.dataset.chart === "pie") {
      option = {
        color: PALETTE,
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: "item", formatter: "{b}<br>" + name + "：{c}（{d}%）" },
        series: [{
          name: name, type: "pie", radius: ["35%", "62%"], center: ["50%", "52%"],
          label: { formatter: "{b}\n{c}", fontFamily: FONT },
          data: labels.map(function (label, i) {
            var item = { name: label, value: values[i] };
            if (data.colours && data.colours[i]) item.itemStyle = { color: data.colours[i] };
            return item;
          })
        }]
      };
    } else {
      var category = { type: "category", data: labels, inverse: horizontal,
        axisLabel: { interval: 0, fontFamily: FONT, width: 130, overflow: "truncate" } };
      var value = { type: "value", name: horizontal ? "" : name, nameTextStyle: { fontFamily: FONT } };
      option = {
        color: PALETTE,
        textStyle: { fontFamily: FONT },
        grid: { left: 8, right: 40, top: horizontal ? 8 : 28, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? category : value,
        series: [{ name: name, type: "bar", data: values, barMaxWidth: horizontal ? 16 : 38,
          label: { show: true, position: horizontal ? "right" : "top" } }]
      };
    }
    chart.setOption(option);
    if (links.length) {
      chart.on("click", function (params) {
        var url = links[params.dataIndex];
        if (url) window.location.href = url;
      });
    }
    el.dataset.ready = "1";
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function initCharts(root) {
    (root || document).querySelectorAll(".chart[data-chart]").forEach(initChart);
  }

  /* Filter forms: leave empty fields out of the URL (?q=x rather than ?q=x&unit=&role=…). */
  document.addEventListener("htmx:configRequest", function (evt) {
    if (evt.detail.verb !== "get") return;
    var params = evt.detail.parameters;
    Object.keys(params).forEach(function (key) {
      if (params[key] === "") delete params[key];
    });
  });
  document.addEventListener("submit", function (evt) {
    var form = evt.target;
    if (!form.classList || !form.classList.contains("filterform") || window.htmx) return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") el.disabled = true;
    });
  });

  /* Export links carry the filters the page shows now (the filter form pushes them into the URL). */
  document.addEventListener("click", function (evt) {
    var link = evt.target.closest ? evt.target.closest("a[data-export]") : null;
    if (!link) return;
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    var query = params.toString();
    link.href = link.dataset.export + (query ? "?" + query : "");
  });

  /* A select with data-autosubmit sends its form when changed (the language choice, the unit a
     report is filled in for); no inline onchange, which the Content-Security-Policy forbids. */
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (el && el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) el.form.submit();
  });

  /* A choice among thousands (tuijin/core/search_select.py): the <select> holds only the chosen
     row; typing in the box beside it fetches matches into its <datalist>, and picking one puts it
     into the select, whose change sends the filter form. The box has no name: the query string
     keeps only `unit=<pk>`. */
  var suggestTimer = null;
  function searchSelectParts(box) {
    var wrap = box.closest(".search-select");
    return wrap ? { select: wrap.querySelector("select"), list: wrap.querySelector("datalist") } : null;
  }
  /* The suggestion the box names exactly, put into the select (which sends the form); false when
     the box names none. */
  function searchSelectPick(box) {
    var parts = searchSelectParts(box);
    if (!parts || !parts.select || !parts.list) return false;
    var picked = Array.prototype.find.call(parts.list.options, function (o) { return o.value === box.value; });
    if (!picked) return false;
    var option = Array.prototype.find.call(parts.select.options, function (o) { return o.value === picked.dataset.id; });
    if (!option) {
      option = document.createElement("option");
      option.value = picked.dataset.id;
      option.textContent = picked.value;
      parts.select.appendChild(option);
    }
    box.value = "";
    parts.list.textContent = "";
    parts.select.value = option.value;
    parts.select.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }
  document.addEventListener("input", function (evt) {
    var box = evt.target;
    if (!box.classList || !box.classList.contains("search-select-box")) return;
    window.clearTimeout(suggestTimer);
    if (searchSelectPick(box)) return;  // a suggestion chosen from the list
    var parts = searchSelectParts(box);
    var text = box.value.trim();
    if (!parts || !parts.list) return;
    if (!text) { parts.list.textContent = ""; return; }
    suggestTimer = window.setTimeout(function () {
      fetch(box.dataset.suggest + "?q=" + encodeURIComponent(text), {
        credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : [];
      }).then(function (rows) {
        parts.list.textContent = "";
        rows.forEach(function (row) {
          var option = document.createElement("option");
          option.value = row.name;
          option.dataset.id = String(row.id);
          parts.list.appendChild(option);
        });
      }).catch(function () { parts.list.textContent = ""; });
    }, 250);
  });
  /* Captured before HTMX sees it: the box's own change must not send the form, the select's does. */
  document.addEventListener("change", function (evt) {
    var box = evt.target;
    if (!box.classList || !box.classList.contains("search-select-box")) return;
    evt.stopPropagation();
    searchSelectPick(box);
  }, true);

  document.addEventListener("DOMContentLoaded", function () { initCharts(document); });
  document.addEventListener("htmx:afterSwap", function (evt) { initCharts(evt.target); });
})();
