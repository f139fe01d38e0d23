// The teaching page: presets and levers from /api/presets, a run streamed from /api/run (Server-Sent Events read
// through fetch, so that a refused setting comes back as a message), two uPlot charts filled month by month.
"use strict";
(function () {
  const $ = id => document.getElementById(id);
  let presets = [], preset = null, rows = [], band = [], total = 0, start = "", abort = null, charts = [];

  const kinds = { baseline: "Baseline", teaching: "Teaching worlds", "what-if": "What-ifs" };

  function monthToYear(index) {
    const [y, m] = start.split("-").map(Number);
    return y + (m - 1 + index) / 12;
  }

  function leverInput(l) {
    const div = document.createElement("div");
    div.className = "lever";
    const id = "lever-" + l.id;
    const label = document.createElement("label"), input = document.createElement("input");
    input.id = id;
    if (l.kind === "switch") {
      input.type = "checkbox";
      label.append(input, " " + l.label);
      div.appendChild(label);
      input.checked = l.value === "true";
    } else if (l.kind === "month") {
      label.htmlFor = id; label.textContent = l.label;
      input.type = "month";
      div.append(label, input);
      input.value = l.value; input.min = preset.start; input.max = preset.end;
    } else {
      label.htmlFor = id; label.textContent = l.label + " ";
      const out = document.createElement("output");
      label.appendChild(out);
      input.type = "range";
      div.append(label, input);
      input.min = l.min; input.max = l.max; input.step = l.step; input.value = l.value;
      const show = () => { out.textContent = input.value; };
      input.addEventListener("input", show); show();
    }
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.id = id + "-hint";
    hint.textContent = l.description;
    div.appendChild(hint);
    div.querySelector("input").setAttribute("aria-describedby", hint.id);
    return div;
  }

  function currentValue(l) {
    const input = $("lever-" + l.id);
    return l.kind === "switch" ? String(input.checked) : input.value;
  }

  function choose(id, settings) {
    if (abort) { abort.abort(); abort = null; }
    finished(false);
    show("idle", "—");
    $("status").textContent = "Press Run.";
    $("error").hidden = true;
    preset = presets.find(p => p.id === id) || presets[0];
    $("preset").value = preset.id;
    $("lesson").textContent = preset.lesson || preset.description;
    const box = $("levers");
    box.innerHTML = "";
    for (const l of preset.levers) {
      box.appendChild(leverInput(l));
      // What the input holds as the preset stands (a range rounds to its step): only a change from it is sent.
      l.initial = currentValue(l);
    }
    const members = $("members");
    members.value = settings?.get("members") || preset.members;
    $("members-value").textContent = members.value;
    for (const l of preset.levers) {
      const v = settings?.get(l.id);
      if (v === null || v === undefined) continue;
      const input = $("lever-" + l.id);
      if (l.kind === "switch") input.checked = v === "true"; else input.value = v;
      input.dispatchEvent(new Event("input"));
    }
    rows = []; band = [];
    draw();
    link();
  }

  // Only what differs from the preset is sent: an untouched lever keeps the preset's own value (a distribution, say).
  function query() {
    const q = new URLSearchParams({ preset: preset.id });
    if (String($("members").value) !== String(preset.members)) q.set("members", $("members").value);
    for (const l of preset.levers) { const v = currentValue(l); if (v !== l.initial) q.set(l.id, v); }
    return q;
  }

  function link() {
    const href = location.pathname + "?" + query().toString();
    $("share").href = href;
    return href;
  }

  function chartSize() {
    const width = Math.max(280, $("results").clientWidth - 4);
    return { width, height: Math.round(Math.min(250, Math.max(180, width * 0.45))) };
  }

  function draw() {
    for (const c of charts) c.destroy();
    charts = [];
    const n = total || 0;
    const x = Array.from({ length: n }, (_, i) => monthToYear(i));
    const pick = (list, part, q) => x.map((_, i) => (list[i] ? list[i][part][q] : null));
    for (const [element, part] of [["gap-chart", "gap"], ["compute-chart", "compute"]]) {
      const data = [x, pick(band, part, 0), pick(band, part, 2), pick(rows, part, 0), pick(rows, part, 1), pick(rows, part, 2)];
      const opts = {
        ...chartSize(),
        scales: { x: { time: false } },
        axes: [{ values: (u, v) => v.map(t => Math.floor(t)) }, { label: "months" }],
        series: [
          { label: "year" },
          { label: "preset 5 %", stroke: "#bbb" },
          { label: "preset 95 %", stroke: "#bbb" },
          { label: "5 %", stroke: "#7aa7e8" },
          { label: "median", stroke: "#1f3a5f", width: 2 },
          { label: "95 %", stroke: "#7aa7e8" },
        ],
        bands: [{ series: [2, 1], fill: "rgba(160,160,160,0.3)" }, { series: [5, 3], fill: "rgba(31,111,235,0.15)" }],
      };
      charts.push(new uPlot(opts, data, $(element)));
    }
  }

  function show(state, text) {
    const behind = $("behind");
    behind.dataset.state = state;
    if (text !== undefined) behind.textContent = text;
  }

  function behindText(v) {
    if (v === null || v === undefined) return "no gap";
    if (v <= 0) return "level or ahead";
    return `${Math.round(v)} months behind`;
  }

  // The downloads exist once a run is complete, and are made when clicked (the chart is drawn by then).
  let csvUrl = null;
  function finished(done) {
    for (const id of ["csv", "png"]) $(id).hidden = !done;
  }

  function download(event) {
    if (event.currentTarget.id === "csv") {
      const head = "date,gap_p05,gap_p50,gap_p95,compute_gap_p05,compute_gap_p50,compute_gap_p95";
      const lines = rows.filter(Boolean).map(r => [r.date, ...r.gap, ...r.compute].map(v => (v === null ? "" : v)).join(","));
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = URL.createObjectURL(new Blob([head + "\n" + lines.join("\n") + "\n"], { type: "text/csv" }));
      $("csv").href = csvUrl;
    } else {
      $("png").href = $("gap-chart").querySelector("canvas").toDataURL("image/png");
    }
  }

  function handle(name, data) {
    if (name === "start") {
      total = data.months; start = data.start; rows = []; band = [];
      show("running", "…");
      $("status").textContent = `${preset.name}: ${data.members} members, ${data.pair}, ${data.months} months`;
      draw();
    } else if (name === "band") {
      band = data; draw();
    } else if (name === "months") {
      for (const r of data) rows[r.month] = r;
      const last = data[data.length - 1];
      show("running", behindText(last.gap[1]));
      $("behind").dataset.months = String(rows.filter(Boolean).length);
      $("status").textContent = `${last.date}: ${rows.filter(Boolean).length} of ${total} months`;
      const x = charts[0].data[0];
      const pick = (part, q) => x.map((_, i) => (band[i] ? band[i][part][q] : null));
      const mine = (part, q) => x.map((_, i) => (rows[i] ? rows[i][part][q] : null));
      charts[0].setData([x, pick("gap", 0), pick("gap", 2), mine("gap", 0), mine("gap", 1), mine("gap", 2)]);
      charts[1].setData([x, pick("compute", 0), pick("compute", 2), mine("compute", 0), mine("compute", 1), mine("compute", 2)]);
    } else if (name === "done") {
      show("done", behindText(data.gap));
      $("behind").dataset.gap = data.gap === null ? "" : String(data.gap);
      $("status").textContent = `${data.date}: the median member is ${behindText(data.gap)} (compute: ${behindText(data.compute)})`;
      finished(true);
    } else if (name === "error") {
      fail(data.error);
    }
  }

  function fail(message) {
    show("error");
    $("error").hidden = false;
    $("error").textContent = message;
  }

  async function run() {
    if (abort) abort.abort();
    const mine = abort = new AbortController();
    $("error").hidden = true;
    finished(false);
    history.replaceState(null, "", link());
    $("run").disabled = true;
    show("running", "…");
    try {
      const response = await fetch("api/run?" + query().toString(), { signal: mine.signal });
      if (!response.ok) { fail((await response.json()).error); return; }
      const reader = response.body.getReader(), decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1], data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data && !mine.signal.aborted) handle(name, JSON.parse(data));
        }
      }
      if (!mine.signal.aborted && $("behind").dataset.state === "running") fail("the run ended before it was complete");
    } catch (e) {
      if (e.name !== "AbortError") fail("the run stopped: " + e.message);
    } finally {
      if (abort === mine) $("run").disabled = false;
    }
  }

  async function init() {
    const response = await fetch("api/presets");
    presets = await response.json();
    const select = $("preset");
    for (const kind of Object.keys(kinds)) {
      const group = document.createElement("optgroup");
      group.label = kinds[kind];
      for (const p of presets.filter(p => p.kind === kind)) {
        const option = document.createElement("option");
        // "teaching-export-controls" reads as "export controls" under its group's heading.
        option.value = p.id; option.textContent = p.name.replace(/^(teaching|what-if)-/, "").replace(/-/g, " ");
        group.appendChild(option);
      }
      select.appendChild(group);
    }
    const settings = new URLSearchParams(location.search);
    total = 0; start = "2016-01";
    choose(settings.get("preset") || presets[0].id, settings);
    select.addEventListener("change", () => choose(select.value));
    $("members").addEventListener("input", () => { $("members-value").textContent = $("members").value; });
    $("controls").addEventListener("input", link);
    $("run").addEventListener("click", run);
    $("reset").addEventListener("click", () => choose(preset.id));
    $("csv").addEventListener("click", download);
    $("png").addEventListener("click", download);
    window.addEventListener("resize", () => { for (const c of charts) c.setSize(chartSize()); });
    window.addEventListener("pagehide", () => abort?.abort());
    document.body.dataset.ready = "true";
  }

  init().catch(e => fail("the page could not load its presets: " + e.message));
})();
