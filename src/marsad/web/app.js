// marsad web UI: map, timeline, filters, event table, evidence view, coalition view.
// Plain JavaScript over the REST API; no network beyond this server (the base map is a
// bundled world outline; a tile URL is used only when given as ?tiles=...).
"use strict";

const QUAD = {
  AGREE: "vcoop", CONSULT: "vcoop", SUPPORT: "vcoop", CONCEDE: "vcoop",
  COOPERATE: "mcoop", AID: "mcoop", RETREAT: "mcoop",
  REQUEST: "vconf", ACCUSE: "vconf", REJECT: "vconf", THREATEN: "vconf",
  PROTEST: "mconf", SANCTION: "mconf", MOBILIZE: "mconf", COERCE: "mconf", ASSAULT: "mconf",
};
const COLORS = { vcoop: "#1a7f37", mcoop: "#0969da", vconf: "#9a6700", mconf: "#cf222e" };
const QUAD_LABEL = { vcoop: "verbal cooperation", mcoop: "material cooperation",
                     vconf: "verbal conflict", mconf: "material conflict" };
const FILTERS = ["type", "country", "actor", "since", "until", "q", "hide"];
const PAGE = 20;
const AR = { "Apply": "تطبيق", "Reset": "إعادة", "‹ Previous": "‹ السابق", "Next ›": "التالي ›",
             "Quotes": "الاقتباسات", "Quantities": "الأرقام", "Reports of this event": "تقارير الحدث",
             "Date": "التاريخ", "Type": "النوع", "Actor": "الفاعل", "Recipient": "المستهدف",
             "Place": "المكان", "Sources": "المصادر", "Conf.": "الثقة" };

const $ = (sel) => document.querySelector(sel);
let state = {};
let map, markers, world;
let mapEvents = [];

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { sort: p.get("sort") || "date", order: p.get("order") || "desc",
              offset: Number(p.get("offset") || 0), lang: p.get("lang") || "en",
              tiles: p.get("tiles") || "" };
  for (const k of FILTERS) s[k] = p.get(k) || "";
  return s;
}

function query(extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  for (const [k, v] of Object.entries(extra)) if (v !== "" && v != null) p.set(k, v);
  return p;
}

function pushState() {
  const p = query({ sort: state.sort !== "date" ? state.sort : "",
                    order: state.order !== "desc" ? state.order : "",
                    offset: state.offset || "", lang: state.lang !== "en" ? state.lang : "",
                    tiles: state.tiles });
  const url = location.pathname + (p.toString() ? "?" + p : "");
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
}

async function api(path, params) {
  const r = await fetch(path + (params && params.toString() ? "?" + params : ""));
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function fillControls() {
  for (const k of ["type", "country", "actor", "since", "until", "q"]) $("#f-" + k).value = state[k];
  $("#f-hide").checked = !!state.hide;
  for (const a of document.querySelectorAll(".exports a")) {
    a.href = "/api/export?" + query({ format: a.dataset.fmt });
  }
  const ar = state.lang === "ar";
  document.documentElement.lang = ar ? "ar" : "en";
  document.documentElement.dir = ar ? "rtl" : "ltr";
  $("#lang-toggle").textContent = ar ? "English" : "العربية";
  for (const el of document.querySelectorAll("button, h3, th button")) {
    const en = el.dataset.en || el.textContent.trim();
    el.dataset.en = en;
    if (AR[en]) el.textContent = ar ? AR[en] : en;
  }
}

function actorText(a) { return a ? (a.name || a.text) + (a.country ? ` (${a.country})` : "") : ""; }

// -- map ---------------------------------------------------------------------------------
async function initMap() {
  map = L.map("map", { worldCopyJump: true, attributionControl: true }).setView([30, 30], 3);
  if (state.tiles) {
    L.tileLayer(state.tiles, { maxZoom: 12, attribution: "tiles: " + new URL(state.tiles).host }).addTo(map);
  } else {
    const geo = await (await fetch("/static/vendor/world-110m.geojson")).json();
    world = L.geoJSON(geo, { style: { color: "#8c959f", weight: 1, fillColor: "#eaeef2", fillOpacity: 1 },
                             interactive: false }).addTo(map);
    map.attributionControl.addAttribution("outline: Natural Earth");
  }
  markers = L.layerGroup().addTo(map);
  map.on("zoomend", renderMap);
  $("#legend").innerHTML = Object.entries(QUAD_LABEL)
    .map(([k, v]) => `<span style="background:${COLORS[k]}"></span>${v}`).join("");
}

function renderMap() {
  markers.clearLayers();
  const cell = 360 / Math.pow(2, map.getZoom() + 4);  // grid clusters shrink as one zooms in
  const cells = new Map();
  for (const e of mapEvents) {
    const loc = e.location;
    if (!loc || loc.lat == null) continue;
    const key = Math.round(loc.lat / cell) + ":" + Math.round(loc.lon / cell);
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(e);
  }
  for (const evs of cells.values()) {
    const e = evs[0];
    const ll = [e.location.lat, e.location.lon];
    if (evs.length === 1) {
      const n = (e.sources || []).length || 1;
      L.circleMarker(ll, { radius: 5 + 3 * Math.sqrt(n), color: COLORS[QUAD[e.event_type]],
                           fillOpacity: .7, weight: 1 })
        .bindTooltip(`${e.event_type} · ${e.location.name} · ${n} source(s)`)
        .on("click", () => openEvidence(e)).addTo(markers);
    } else {
      const icon = L.divIcon({ className: "cluster-icon", html: String(evs.length),
                               iconSize: [28, 28] });
      L.marker(ll, { icon, keyboard: true, title: `${evs.length} events` })
        .on("click", () => map.setView(ll, map.getZoom() + 2)).addTo(markers);
    }
  }
}

// -- timeline ----------------------------------------------------------------------------
function renderTimeline() {
  const svg = $("#timeline");
  const W = svg.clientWidth || 600, H = svg.clientHeight || 380, pad = 24;
  const byDay = new Map();
  for (const e of mapEvents) {
    const d = (e.date && e.date.value || "").slice(0, 10);
    if (d.length !== 10) continue;
    if (!byDay.has(d)) byDay.set(d, {});
    const q = QUAD[e.event_type];
    byDay.get(d)[q] = (byDay.get(d)[q] || 0) + 1;
  }
  const days = [...byDay.keys()].sort();
  svg.innerHTML = "";
  if (!days.length) return;
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]) + 864e5;
  const x = (t) => pad + (W - 2 * pad) * (t - t0) / (t1 - t0);
  const max = Math.max(...days.map((d) => Object.values(byDay.get(d)).reduce((a, b) => a + b, 0)));
  const y = (n) => (H - pad) * n / max;
  const bw = Math.max(1, x(t0 + 864e5) - x(t0) - 1);
  const ns = "http://www.w3.org/2000/svg";
  for (const d of days) {
    let acc = 0;
    for (const q of ["mconf", "vconf", "mcoop", "vcoop"]) {
      const n = byDay.get(d)[q] || 0;
      if (!n) continue;
      const r = document.createElementNS(ns, "rect");
      r.setAttribute("x", x(Date.parse(d))); r.setAttribute("width", bw);
      r.setAttribute("y", H - pad - y(acc + n)); r.setAttribute("height", y(n));
      r.setAttribute("fill", COLORS[q]);
      const title = document.createElementNS(ns, "title");
      title.textContent = `${d}: ${n} ${QUAD_LABEL[q]}`;
      r.appendChild(title); svg.appendChild(r);
      acc += n;
    }
  }
  for (const [t, anchor] of [[t0, "start"], [t1 - 864e5, "end"]]) {
    const lab = document.createElementNS(ns, "text");
    lab.setAttribute("x", x(t)); lab.setAttribute("y", H - 6);
    lab.setAttribute("text-anchor", anchor); lab.setAttribute("font-size", "11");
    lab.textContent = new Date(t).toISOString().slice(0, 10);
    svg.appendChild(lab);
  }
  // brushing: drag across the chart to filter map and table to that range
  const brush = document.createElementNS(ns, "rect");
  brush.setAttribute("fill", "rgba(11,87,208,.15)"); brush.setAttribute("y", 0);
  brush.setAttribute("height", H - pad); brush.setAttribute("width", 0);
  svg.appendChild(brush);
  let start = null;
  const toDay = (px) => new Date(t0 + (px - pad) / (W - 2 * pad) * (t1 - t0)).toISOString().slice(0, 10);
  svg.onmousedown = (ev) => { start = ev.offsetX; brush.setAttribute("x", start); };
  svg.onmousemove = (ev) => {
    if (start == null) return;
    brush.setAttribute("x", Math.min(start, ev.offsetX));
    brush.setAttribute("width", Math.abs(ev.offsetX - start));
  };
  svg.onmouseup = (ev) => {
    if (start == null) return;
    const a = Math.min(start, ev.offsetX), b = Math.max(start, ev.offsetX);
    start = null;
    if (b - a < 3) return;
    state.since = toDay(a); state.until = toDay(b); state.offset = 0;
    pushState(); refresh();
  };
}

// -- table -------------------------------------------------------------------------------
async function loadTable() {
  const page = await api("/api/events", query({ sort: state.sort, order: state.order,
                                                limit: PAGE, offset: state.offset }));
  $("#count").textContent = `${page.total} events (clusters of reports)`;
  const tb = $("#events tbody");
  tb.innerHTML = "";
  for (const e of page.events) {
    const tr = document.createElement("tr");
    tr.tabIndex = 0;
    tr.dataset.type = e.event_type;
    const cells = [(e.date && e.date.value) || "", e.event_type + (e.mode ? ` / ${e.mode}` : ""),
                   actorText(e.actor), actorText(e.recipient),
                   e.location ? e.location.name : "", (e.sources || []).length,
                   (e.confidence || 0).toFixed(2)];
    for (const c of cells) {
      const td = document.createElement("td");
      td.textContent = c; td.dir = "auto"; tr.appendChild(td);
    }
    tr.addEventListener("click", () => openEvidence(e));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvidence(e); });
    tb.appendChild(tr);
  }
  $("#page").textContent = `${state.offset + 1}–${state.offset + page.events.length} / ${page.total}`;
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.offset + PAGE >= page.total;
}

// -- evidence ----------------------------------------------------------------------------
async function openEvidence(e) {
  const doc = await api("/api/documents/" + encodeURIComponent(e.doc_id));
  $("#evidence").hidden = false;
  $("#ev-title").textContent = `${e.event_type}${e.mode ? " / " + e.mode : ""} — ${doc.title || doc.id}`;
  $("#ev-meta").textContent = [e.date && e.date.value, e.location && e.location.name,
    e.negated ? "negated" : "", e.hypothetical ? "hypothetical" : "",
    e.historical ? "historical" : ""].filter(Boolean).join(" · ");
  const spans = [];
  const add = (o, cls) => { if (o && o.start != null && o.end > o.start) spans.push([o.start, o.end, cls]); };
  add(e.trigger, "trigger"); add(e.actor, "actor"); add(e.recipient, "recipient");
  add(e.location, "place"); add(e.date, "date");
  spans.sort((a, b) => a[0] - b[0]);
  const text = doc.text || "";
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [s, t, cls] of spans) {
    if (s < pos) continue;  // overlapping spans: the first wins
    frag.appendChild(document.createTextNode(text.slice(pos, s)));
    const m = document.createElement("mark");
    m.className = cls; m.title = cls; m.textContent = text.slice(s, t);
    frag.appendChild(m);
    pos = t;
  }
  frag.appendChild(document.createTextNode(text.slice(pos)));
  $("#ev-text").replaceChildren(frag);
  const list = (sel, items) => {
    const ul = $(sel); ul.innerHTML = "";
    for (const it of items) { const li = document.createElement("li"); li.textContent = it; ul.appendChild(li); }
  };
  list("#ev-quotes", (doc.quotes || []).map((q) => `${q.speaker ? (q.speaker.name || q.speaker.text) : "?"}: «${q.text}»`));
  list("#ev-quantities", (doc.quantities || []).map((q) => `${q.text} → ${q.value} ${q.unit || ""}${q.country ? " (" + q.country + ")" : ""}`));
  const ul = $("#ev-sources"); ul.innerHTML = "";
  for (const id of e.sources || [e.doc_id]) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = "/api/documents/" + encodeURIComponent(id); a.textContent = id;
    li.appendChild(a); ul.appendChild(li);
  }
  $("#evidence").scrollIntoView({ block: "nearest" });
  $("#close-evidence").focus();
}

// -- coalition view ------------------------------------------------------------------------
async function loadCoalition() {
  const rels = await api("/api/relations", new URLSearchParams({ type: "contributes_to" }));
  const rows = new Map();
  for (const r of rels) {
    const key = (r.subject.country || r.subject.name) + "|" + (r.object.name || "");
    const row = rows.get(key) || { member: r.subject.country || r.subject.name,
                                   alliance: r.object.name || "", theaters: new Set(), contrib: new Set() };
    for (const t of r.attributes.theater || []) row.theaters.add(t);
    for (const c of r.attributes.contribution || []) row.contrib.add(c);
    rows.set(key, row);
  }
  const tb = $("#coalition-table tbody"); tb.innerHTML = "";
  for (const row of [...rows.values()].sort((a, b) => a.member.localeCompare(b.member))) {
    const tr = document.createElement("tr");
    for (const c of [row.member, row.alliance, [...row.theaters].join(", "), [...row.contrib].join(", ")]) {
      const td = document.createElement("td"); td.textContent = c; tr.appendChild(td);
    }
    tb.appendChild(tr);
  }
}

// -- wiring --------------------------------------------------------------------------------
async function refresh() {
  fillControls();
  const all = await api("/api/events", query({ limit: 1000 }));
  mapEvents = all.events;
  renderMap(); renderTimeline();
  await loadTable();
  document.body.dataset.ready = "1";
}

async function main() {
  state = readState();
  const types = Object.keys(QUAD).sort();
  for (const t of types) {
    const o = document.createElement("option"); o.value = t; o.textContent = t; $("#f-type").appendChild(o);
  }
  await initMap();
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    for (const k of ["type", "country", "actor", "since", "until", "q"]) state[k] = $("#f-" + k).value.trim();
    state.country = state.country.toUpperCase();
    state.hide = $("#f-hide").checked ? "negated,hypothetical,historical" : "";
    state.offset = 0; pushState(); refresh();
  });
  $("#f-type").addEventListener("change", () => $("#filters").requestSubmit());
  $("#f-reset").addEventListener("click", () => {
    for (const k of FILTERS) state[k] = ""; state.offset = 0; pushState(); refresh();
  });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); pushState(); loadTable(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; pushState(); loadTable(); });
  for (const b of document.querySelectorAll("th button[data-sort]")) {
    b.addEventListener("click", () => {
      state.order = state.sort === b.dataset.sort && state.order === "desc" ? "asc" : "desc";
      state.sort = b.dataset.sort; state.offset = 0; pushState(); loadTable();
    });
  }
  $("#close-evidence").addEventListener("click", () => { $("#evidence").hidden = true; });
  $("#lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar"; pushState(); fillControls();
  });
  window.addEventListener("popstate", () => { state = readState(); refresh(); });
  await Promise.all([refresh(), loadCoalition()]);
}

main().catch((err) => { console.error(err); $("#count").textContent = "error: " + err.message; });
