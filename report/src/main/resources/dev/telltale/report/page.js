/* Telltale report page. All data text reaches the DOM through text nodes only (see vis()). */
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('telltale-data').textContent);
  const $ = (id) => document.getElementById(id);
  // The SVG namespace, joined so that the page holds no "http:" + "//" literal (ReportPageTest looks for one).
  const SVG = ['http:', '', 'www.w3.org', '2000', 'svg'].join('/');

  // ---------- text ----------
  // C0/C1 controls and lone surrogates become visible escapes such as \u0007.
  const HIDDEN = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  function vis(s, keepNewlines) {
    if (s == null) return '';
    return String(s).replace(HIDDEN, (c) => (keepNewlines && c === '\n') ? c
      : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  }
  function clip(s, n) {
    s = vis(s);
    if (s.length <= n) return s;
    const cut = /[\ud800-\udbff]/.test(s.charAt(n - 1)) ? n - 1 : n;
    return s.slice(0, cut) + '\u2026';
  }
  function text(s) { return document.createTextNode(s); }
  // el('td', {cls, title, ...attrs}, child|string ...): strings become text nodes.
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    if (typeof props === 'string') e.className = props;
    else if (props) {
      for (const k of Object.keys(props)) {
        if (props[k] == null) continue;
        if (k === 'cls') e.className = props[k];
        else e.setAttribute(k, String(props[k]));
      }
    }
    for (const k of kids) if (k != null) e.appendChild(typeof k === 'object' ? k : text(String(k)));
    return e;
  }
  function svgEl(tag, attrs, str) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    if (str != null) e.textContent = str;
    return e;
  }

  // ---------- numbers, durations, times ----------
  const NF0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const NF2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const NF3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const ok = (v) => typeof v === 'number' && isFinite(v);
  const num = (v) => (ok(v) ? v : 0);
  const fmtInt = (v) => (ok(v) ? NF0.format(v) : '\u2013');
  const fmtPct = (v) => (ok(v) ? NF2.format(v) + '%' : '\u2013');
  const fmtMs = (v) => (ok(v) ? NF3.format(v) : '\u2013');
  function fmtRate(v) {
    if (!ok(v)) return '\u2013';
    return (v >= 100 ? NF0.format(v) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + '/s';
  }
  function fmtDur(ms) {
    if (!ok(ms)) return '\u2013';
    const a = Math.abs(ms);
    if (a === 0) return '0 ms';
    if (a < 1) { const us = ms * 1000; return (Math.abs(us) < 10 ? us.toFixed(1) : Math.round(us)) + ' \u00b5s'; }
    if (a < 1000) return (a < 10 ? ms.toFixed(2) : a < 100 ? ms.toFixed(1) : Math.round(ms)) + ' ms';
    const s = ms / 1000;
    if (s < 60) return (s < 10 ? s.toFixed(2) : s.toFixed(1)) + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + String(Math.round(s % 60)).padStart(2, '0') + ' s';
    const m = Math.round(s / 60);
    return Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0') + ' min';
  }
  function iso(ms) {
    if (!ok(ms)) return '\u2013';
    const d = new Date(ms);
    return isNaN(d.getTime()) ? '\u2013' : d.toISOString();
  }
  const hms = (ms) => (ok(ms) ? iso(ms).slice(11, 23) : '\u2013');
  const dateTime = (ms) => (ok(ms) ? iso(ms).slice(0, 19).replace('T', ' ') : '\u2013');

  const T = D.totals || {};
  const R = D.recorder || {};
  const droppedSum = num(R.droppedQueueFull) + num(R.droppedClosed) + num(R.droppedNull);
  const empty = !(num(T.events) > 0);

  // ---------- 1. summary ----------
  function summary() {
    $('title').textContent = vis(D.title || 'Telltale report');
    const meta = $('meta');
    const add = (k, v) => { meta.appendChild(el('dt', null, k)); meta.appendChild(el('dd', null, v)); };
    add('Source', vis(D.source));
    add('Generated', iso(D.generated));
    const w = D.window;
    add('Window', !w || (w.from == null && w.until == null) ? 'whole source'
      : (w.from == null ? 'start' : iso(w.from)) + ' \u2192 ' + (w.until == null ? 'end' : iso(w.until)));
    if (ok(T.first)) add('Events', iso(T.first) + ' \u2192 ' + iso(T.last) + '  (' + fmtDur(T.last - T.first) + ')');

    // Warnings: drops without a final account, damaged parts skipped.
    const skipped = Array.isArray(D.skipped) ? D.skipped : [];
    const warn = [];
    if (R.final == null && (droppedSum > 0 || num(R.lost) > 0)) {
      warn.push(el('p', null, el('strong', null, 'The recorder did not close cleanly'),
        ' (no final account: process killed, still running, or an old queue) and its accounts report ' +
        fmtInt(droppedSum) + ' events dropped and ' + fmtInt(R.lost) + ' lost. The source is incomplete.'));
    }
    if (skipped.length) {
      const ul = el('ul', 'skipped');
      for (const s of skipped.slice(0, 200)) ul.appendChild(el('li', null, clip(s, 500)));
      if (skipped.length > 200) ul.appendChild(el('li', null, '\u2026 and ' + fmtInt(skipped.length - 200) + ' more'));
      warn.push(el('p', null, el('strong', null, 'Damaged parts were skipped: ' + fmtInt(skipped.length)),
        ' \u2014 the numbers below leave them out.'), ul);
    }
    if (warn.length) $('summary').insertBefore(el('div', { id: 'warnings', cls: 'banner warn', role: 'alert' }, ...warn), $('recorder'));

    const f = R.final;
    const rec = $('recorder');
    if (f) {
      rec.textContent = 'Recorder closed cleanly at ' + iso(f.at) + ': emitted ' + fmtInt(f.emitted) + ', persisted ' +
        fmtInt(f.persisted) + ', dropped ' + fmtInt(f.dropped) + ', lost ' + fmtInt(f.lost) + '.';
      rec.classList.add(num(f.dropped) + num(f.lost) > 0 ? 'bad' : 'good');
    } else {
      rec.textContent = 'No final recorder account in this source (process killed, still running, or an old queue).';
      rec.classList.add('muted');
    }

    const stats = [
      ['events', T.events], ['commands', T.commands], ['succeeded', T.succeeded], ['failed', T.failed],
      ['failPercent', T.failPercent, 'fail %'], ['sessions', T.sessions], ['entries', T.entries],
      ['dropped', droppedSum, 'dropped', 'queue full ' + fmtInt(num(R.droppedQueueFull)) + ' \u00b7 closed ' +
        fmtInt(num(R.droppedClosed)) + ' \u00b7 null ' + fmtInt(num(R.droppedNull))],
      ['lost', num(R.lost)],
    ];
    const box = $('stats');
    if (T.sessionsExact === false) stats[5].push('sessions \u2248', 'an estimate: too many distinct sessions to count exactly');
    for (const [key, v, label, hint] of stats) {
      const bad = (key === 'failed' || key === 'failPercent' || key === 'dropped' || key === 'lost') && num(v) > 0;
      box.appendChild(el('div', { cls: 'stat' + (bad ? ' bad' : ''), title: hint },
        el('span', { cls: 'value', 'data-stat': key, 'data-value': ok(v) ? v : '' },
          key === 'failPercent' ? fmtPct(v) : fmtInt(v)),
        el('span', 'label', label || key)));
    }
    if (T.p50Ms != null) {
      $('overall').textContent = 'Command duration over all commands: p50 ' + fmtDur(T.p50Ms) + ' \u00b7 p95 ' +
        fmtDur(T.p95Ms) + ' \u00b7 p99 ' + fmtDur(T.p99Ms) + ' \u00b7 max ' + fmtDur(T.maxMs) +
        (num(T.accounts) > 0 ? ' \u00b7 recorder accounts ' + fmtInt(T.accounts) : '');
    }
    if (empty) $('summary').appendChild(el('p', { id: 'empty', cls: 'banner' }, 'No events in this source'));
  }

  // ---------- chart helpers ----------
  const charts = []; // {box, height, make, u}
  function theme() {
    const cs = getComputedStyle(document.body);
    const v = (n) => cs.getPropertyValue(n).trim();
    return { fg: v('--muted'), grid: v('--grid'), ok: v('--ok'), okFill: v('--ok-fill'), bad: v('--bad'),
      badFill: v('--bad-fill'), shade: v('--shade'), pal: [1, 2, 3, 4, 5].map((i) => v('--c' + i)) };
  }
  const utc = (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
  // x axis labels in UTC, 24 h; the date goes on a second line at the first tick and when the day changes.
  function timeTicks(u, splits, ai, space, incr) {
    return splits.map((v, i) => {
      if (v == null) return '';
      const s = iso(v * 1000), day = s.slice(0, 10);
      if (incr >= 86400) return day;
      const t = incr < 1 ? s.slice(11, 23) : incr < 60 ? s.slice(11, 19) : s.slice(11, 16);
      return i === 0 || day !== iso(splits[i - 1] * 1000).slice(0, 10) ? t + '\n' + day : t;
    });
  }
  function axes(th, yLabel, yValues, yGridFilter) {
    const g = { stroke: th.grid, width: 1 };
    return [
      { stroke: th.fg, grid: g, ticks: g, values: timeTicks, space: 90 },
      { stroke: th.fg, grid: yGridFilter ? Object.assign({ filter: yGridFilter }, g) : g, ticks: g, label: yLabel, values: yValues, size: 64 },
    ];
  }
  function xSeries() {
    return { label: 'time (UTC)', value: (u, v) => (v == null ? '\u2013' : dateTime(v * 1000)) };
  }
  const chartWidth = (box) => Math.max(280, box.clientWidth);
  // x scale (seconds) from the first bucket to the last; one bucket wide when there is only one.
  function xScale(xs) {
    const bucket = (num((D.timeline || {}).bucketMs) || 1000) / 1000;
    const a = xs[0], b = xs.length > 1 ? xs[xs.length - 1] : a + bucket;
    return { time: true, range: () => [a, b] };
  }
  // Registers a chart: make(theme, width, height) returns uPlot options and data.
  function chart(box, height, make) {
    const c = { box, height, make, u: null };
    charts.push(c);
    build(c);
  }
  function build(c) {
    if (c.u) c.u.destroy();
    const [opts, data] = c.make(theme());
    opts.width = chartWidth(c.box);
    opts.height = c.height;
    opts.tzDate = utc;
    opts.padding = [12, 28, 0, 0];
    opts.hooks = opts.hooks || {};
    opts.hooks.draw = (opts.hooks.draw || []).concat([() => { c.box.dataset.drawn = 'true'; }]);
    c.box.dataset.drawn = 'false';
    c.u = new uPlot(opts, data, c.box);
  }
  function note(box, s) { box.appendChild(el('p', 'muted nodata', s)); }

  // Time ranges (seconds) with drops or losses: recorder intervals plus timeline buckets, merged.
  function dropRanges() {
    const r = [];
    for (const iv of R.intervals || []) {
      if (ok(iv.from) && ok(iv.to)) r.push([iv.from / 1000, Math.max(iv.to, iv.from) / 1000]);
    }
    const tl = D.timeline || {};
    const t = tl.t || [], bw = num(tl.bucketMs) || 1000;
    t.forEach((x, i) => {
      if (num((tl.dropped || [])[i]) > 0 || num((tl.lost || [])[i]) > 0) r.push([x / 1000, (x + bw) / 1000]);
    });
    r.sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const x of r) {
      const last = out[out.length - 1];
      if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]); else out.push(x.slice());
    }
    return out;
  }
  function shade(u, ranges, color) {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    ctx.fillStyle = color;
    for (const [a, b] of ranges) {
      let x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
      if (x1 - x0 < 3) { x0 -= 1.5; x1 = x0 + 3; }
      ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
    }
    ctx.restore();
  }

  // ---------- 2. throughput ----------
  function throughput() {
    const tl = D.timeline || {};
    const t = tl.t || [];
    const box = $('throughput-chart');
    if (!t.length) { note(box, 'No timeline data.'); return; }
    const xs = t.map((x) => x / 1000);
    const s = t.map((_, i) => num((tl.succeeded || [])[i]));
    const f = t.map((_, i) => num((tl.failed || [])[i]));
    const stacked = s.map((v, i) => v + f[i]);
    const ranges = dropRanges();
    chart(box, 300, (th) => [{
      series: [xSeries(),
        { label: 'succeeded', stroke: th.ok, fill: th.okFill, width: 1.5,
          value: (u, v, si, i) => (i == null ? '\u2013' : fmtRate(s[i])) },
        { label: 'failed', stroke: th.bad, width: 1.5,
          value: (u, v, si, i) => (i == null ? '\u2013' : fmtRate(f[i])) }],
      bands: [{ series: [2, 1], fill: th.badFill }],
      scales: { x: xScale(xs), y: { range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1] } },
      axes: axes(th, 'commands/s'),
      hooks: { drawClear: [(u) => shade(u, ranges, th.shade)] },
    }, [xs, s, stacked]]);
    const n = $('throughput-note');
    if (ranges.length) n.appendChild(el('span', 'swatch shade'));
    n.appendChild(text(ranges.length
      ? ' Shaded: ' + fmtInt(ranges.length) + ' time range(s) in which the recorder dropped or lost events (' +
        fmtInt(droppedSum) + ' dropped, ' + fmtInt(num(R.lost)) + ' lost in total).'
      : 'No drops or losses recorded in this time range.'));
    if (R.intervalsTruncated) n.appendChild(text(' Only the first ' + fmtInt((R.intervals || []).length) + ' recorder intervals are shown.'));
    n.appendChild(text(' Bucket width ' + fmtDur(num(tl.bucketMs) || 1000) + '.'));
  }

  // ---------- 3. latency ----------
  function latency() {
    const L = D.latency || {};
    const verbs = (L.verbs || []).slice(0, 5);
    const box = $('latency-chart');
    const t = L.t || [];
    const pos = (a) => t.map((_, i) => (ok((a || [])[i]) && a[i] > 0 ? a[i] : null));
    const cols = verbs.map((v) => [pos(v.p50Ms), pos(v.p99Ms)]);
    if (!t.length || !cols.some((c) => c[0].some((x) => x != null) || c[1].some((x) => x != null))) {
      note(box, 'No command durations to show.');
      return;
    }
    const data = [t.map((x) => x / 1000)];
    cols.forEach((c) => data.push(c[0], c[1]));
    const legendValue = (u, v) => (v == null ? '\u2013' : fmtDur(v));
    chart(box, 300, (th) => {
      const series = [xSeries()];
      verbs.forEach((v, i) => {
        const name = clip(v.verb, 40), color = th.pal[i % th.pal.length];
        series.push({ label: name + ' p50', stroke: color, width: 1.5, value: legendValue });
        series.push({ label: name + ' p99', stroke: color, width: 1.5, dash: [6, 4], value: legendValue });
      });
      return [{
        series,
        scales: { x: xScale(data[0]), y: { distr: 3, log: 10 } },
        axes: axes(th, 'duration', (u, splits) => splits.map((v) => (v == null ? '' : fmtDur(v))),
          (u, splits) => splits.map((v) => (v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-6 ? v : null))),
      }, data];
    });
  }

  // ---------- 4. verbs ----------
  const VERB_COLS = [
    ['verb', 'verb', false, (v) => clip(v, 200)], ['commands', 'commands', true, fmtInt],
    ['failed', 'failed', true, fmtInt], ['failPercent', 'fail %', true, fmtPct],
    ['p50Ms', 'p50 ms', true, fmtMs], ['p95Ms', 'p95 ms', true, fmtMs],
    ['p99Ms', 'p99 ms', true, fmtMs], ['maxMs', 'max ms', true, fmtMs],
  ];
  function verbRow(v, cls) {
    const tr = el('tr', cls);
    for (const [key, , numeric, fmt] of VERB_COLS) {
      const val = v[key];
      const td = el('td', { cls: numeric ? 'num' : 'verb', 'data-value': numeric && ok(val) ? val : null,
        title: numeric ? null : clip(val, 2000) }, fmt(val));
      if ((key === 'failed' || key === 'failPercent') && num(val) > 0) td.classList.add('bad');
      tr.appendChild(td);
    }
    return tr;
  }
  function verbsTable() {
    const rows = (D.verbs || []).map((v) => ({ v, tr: verbRow(v) }));
    const table = $('verbs-table');
    if (!rows.length && !D.otherVerbs) { table.replaceWith(el('p', 'muted nodata', 'No commands.')); return; }
    const head = el('tr');
    const tbody = el('tbody');
    let sortKey = null, asc = true;
    for (const [key, label, numeric] of VERB_COLS) {
      const btn = el('button', { type: 'button', 'data-sort': key }, label, el('span', 'arrow'));
      const th = el('th', { cls: numeric ? 'num' : null, scope: 'col' }, btn);
      btn.addEventListener('click', () => {
        asc = sortKey === key ? !asc : true;
        sortKey = key;
        const sign = asc ? 1 : -1;
        rows.sort((a, b) => {
          const x = a.v[key], y = b.v[key];
          if (numeric) {
            if (!ok(x) || !ok(y)) return ok(x) ? -1 : ok(y) ? 1 : 0; // missing numbers last
            return sign * (x - y);
          }
          const p = String(x == null ? '' : x), q = String(y == null ? '' : y);
          return sign * (p < q ? -1 : p > q ? 1 : 0);
        });
        for (const c of head.children) c.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        for (const r of rows) tbody.appendChild(r.tr);
      });
      head.appendChild(th);
    }
    table.appendChild(el('thead', null, head));
    for (const r of rows) tbody.appendChild(r.tr);
    table.appendChild(tbody);
    if (D.otherVerbs) table.appendChild(el('tfoot', null, verbRow(D.otherVerbs, 'other')));
  }

  // ---------- 5. failures ----------
  function failuresTable() {
    const list = D.failures || [];
    const table = $('failures-table');
    if (!list.length) { table.replaceWith(el('p', 'muted nodata', 'No failed commands.')); return; }
    const head = el('tr');
    for (const h of ['verb', 'error type', 'count', 'HTTP status', 'source ids', 'example messages']) {
      head.appendChild(el('th', { scope: 'col', cls: h === 'count' ? 'num' : null }, h));
    }
    const tbody = el('tbody');
    for (const f of list) {
      const http = (f.httpStatuses || []).map((h) => vis(h.status) + ' \u00d7' + fmtInt(h.count)).join('\n');
      const ids = el('td', 'ids');
      for (const id of f.sourceIds || []) ids.appendChild(el('code', { title: clip(id, 2000) }, clip(id, 60)));
      const msgs = el('td', 'msgs');
      for (const m of f.messages || []) {
        msgs.appendChild(el('details', null, el('summary', null, clip(m, 300)), el('pre', null, vis(m, true))));
      }
      if (!msgs.firstChild) msgs.appendChild(text('\u2013'));
      tbody.appendChild(el('tr', null,
        el('td', { cls: 'verb', title: clip(f.verb, 2000) }, clip(f.verb, 200)),
        el('td', { cls: 'etype', title: clip(f.errorType, 2000) }, f.errorType == null ? '\u2013' : clip(f.errorType, 200)),
        el('td', { cls: 'num bad', 'data-value': ok(f.count) ? f.count : null }, fmtInt(f.count)),
        el('td', 'http', http || '\u2013'), ids, msgs));
    }
    table.appendChild(el('thead', null, head));
    table.appendChild(tbody);
    if (num(D.otherFailures) > 0) {
      table.parentNode.after(el('p', 'note', 'Not listed: ' + fmtInt(D.otherFailures) + ' more failed commands in other verb and error-type groups.'));
    }
  }

  // ---------- 6. sessions ----------
  const S = D.sessions || {};
  function sessionsStats() {
    const box = $('sessions-stats');
    const items = [['count', S.count, 'sessions'], ['started', S.started], ['ended', S.ended], ['open', S.open],
      ['p50', S.durationP50Ms, 'duration p50', true], ['p95', S.durationP95Ms, 'duration p95', true],
      ['max', S.durationMaxMs, 'duration max', true]];
    for (const [key, v, label, dur] of items) {
      box.appendChild(el('div', 'stat',
        el('span', { cls: 'value', 'data-session-stat': key, 'data-value': ok(v) ? v : '' }, dur ? fmtDur(v) : fmtInt(v)),
        el('span', 'label', label || key)));
    }
  }
  function niceStep(span, n) {
    const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400]
      .map((s) => s * 1000);
    for (const s of [1, 2, 5, 10, 20, 50, 100, 200, 500].concat(steps)) if (span / s <= n) return s;
    return Math.ceil(span / n / 86400000) * 86400000;
  }
  function sessionsChart() {
    const box = $('sessions-chart');
    box.textContent = '';
    const last = ok(T.last) ? T.last : null;
    const list = (S.longest || []).filter((s) => ok(s.start)).map((s) => {
      const end = ok(s.end) ? s.end : last != null && last >= s.start ? last : s.start;
      return { s, start: s.start, end, open: !ok(s.end) };
    });
    if (!list.length) { note(box, 'No sessions.'); box.dataset.drawn = 'false'; return; }
    const W = chartWidth(box), rowH = 24, top = 6, axisH = 26;
    const labelW = Math.min(230, Math.round(W * 0.32)), right = 12;
    const plotW = Math.max(40, W - labelW - right);
    const t0 = Math.min(...list.map((x) => x.start)), t1 = Math.max(...list.map((x) => x.end));
    const span = Math.max(t1 - t0, 1);
    const X = (t) => labelW + ((t - t0) / span) * plotW;
    const H = top + list.length * rowH + axisH;
    const svg = svgEl('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': 'Longest sessions from start to end', class: 'timeline' });
    const step = niceStep(span, Math.max(2, Math.floor(plotW / 110)));
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const x = X(t);
      svg.appendChild(svgEl('line', { x1: x, x2: x, y1: top, y2: H - axisH + 4, class: 'gridline' }));
      svg.appendChild(svgEl('text', { x, y: H - 8, 'text-anchor': 'middle', class: 'tick' },
        step < 1000 ? hms(t) : hms(t).slice(0, 8)));
    }
    list.forEach((x, i) => {
      const y = top + i * rowH, s = x.s;
      const g = svgEl('g', { class: 'row' });
      g.appendChild(svgEl('title', null, 'session ' + vis(s.id) + '\n' + iso(x.start) + ' \u2192 ' +
        (x.open ? 'still open' : iso(x.end)) + '\n' + fmtDur(s.durationMs) + ', ' + fmtInt(s.commands) +
        ' commands, ' + fmtInt(s.errors) + ' errors'));
      g.appendChild(svgEl('text', { x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'lbl' },
        clip(s.id, 8) + '  ' + fmtDur(s.durationMs)));
      const x0 = X(x.start), w = Math.max(2, X(x.end) - x0);
      g.appendChild(svgEl('rect', { x: x0, y: y + 4, width: w, height: rowH - 8, rx: 3,
        class: 'bar' + (num(s.errors) > 0 ? ' err' : '') + (x.open ? ' open' : '') }));
      svg.appendChild(g);
    });
    box.appendChild(svg);
    box.dataset.drawn = 'true';
  }

  // ---------- 7. conversation ----------
  const ENTRY_TYPES = ['user_input', 'agent_thought', 'dsl_command', 'response', 'error'];
  function conversation() {
    const C = D.conversation;
    if (C == null) return;
    const sec = $('conversation');
    sec.hidden = false;
    const head = $('conversation-head');
    const list = $('conversation-list');
    if (!C.found) {
      head.textContent = 'no events of session ' + clip(C.session, 200) + ' in this source';
      list.remove();
      return;
    }
    const items = C.items || [];
    head.textContent = 'Session ' + clip(C.session, 200) + ': ' + fmtInt(items.length) + ' items' +
      (C.truncated ? ' (truncated: only the first ' + fmtInt(items.length) + ' are shown)' : '') + '. Times in UTC.';
    for (const it of items) {
      const li = el('li', 'item');
      li.appendChild(el('time', { datetime: ok(it.t) ? iso(it.t) : null, title: iso(it.t) }, hms(it.t)));
      const body = el('div', 'body');
      if (it.kind === 'entry') {
        const type = ENTRY_TYPES.includes(it.entry) ? it.entry : 'other';
        li.classList.add('entry', 'e-' + type);
        const meta = el('div', 'line', el('span', 'badge', clip(it.entry, 40)));
        if (it.no != null) meta.appendChild(el('span', 'muted', ' #' + vis(it.no)));
        if (it.source != null) meta.appendChild(el('span', 'muted', ' \u00b7 ' + clip(it.source, 100)));
        body.appendChild(meta);
        body.appendChild(el('pre', 'content', vis(it.content, true)));
      } else if (it.kind === 'command') {
        li.classList.add('command');
        if (it.failed) li.classList.add('failed');
        const line = el('div', 'line', el('span', 'badge', 'command'), ' ', el('code', 'verb', clip(it.verb, 300)),
          el('span', 'muted', ' \u00b7 ' + fmtDur(it.durationMs)));
        if (it.failed) line.appendChild(el('span', 'badge bad', 'failed'));
        body.appendChild(line);
        if (it.failed && (it.errorType != null || it.message != null)) {
          body.appendChild(el('pre', 'content error', (it.errorType != null ? vis(it.errorType) : 'error') +
            (it.message != null ? ': ' + vis(it.message, true) : '')));
        }
      } else {
        li.classList.add('session');
        body.appendChild(el('div', 'line', el('span', 'badge', 'session ' + clip(it.what, 40)),
          it.detail != null ? el('span', 'muted', ' ' + clip(it.detail, 300)) : null));
      }
      li.appendChild(body);
      list.appendChild(li);
    }
  }

  // ---------- run ----------
  summary();
  if (empty) {
    for (const id of ['throughput', 'latency', 'verbs', 'failures', 'sessions']) $(id).hidden = true;
  } else {
    throughput();
    latency();
    verbsTable();
    failuresTable();
    sessionsStats();
    sessionsChart();
  }
  conversation();
  // Content added above may have changed the width (a scroll bar); fit the charts once more.
  for (const c of charts) if (c.u.width !== chartWidth(c.box)) c.u.setSize({ width: chartWidth(c.box), height: c.height });

  // Resize charts to their containers; rebuild them when the colour scheme changes.
  let timer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const c of charts) c.u.setSize({ width: chartWidth(c.box), height: c.height });
      if (!empty) sessionsChart();
    }, 80);
  });
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', () => { for (const c of charts) build(c); });
})();
