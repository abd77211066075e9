// The timeline: incidents per day by type, launched vs intercepted by weapon class, killed and
// injured (uPlot), and the same launched/intercepted figures by claimant. Dragging across a
// chart picks a range of days, which filters the map.
import { TYPES, colourOf, getJson, el } from './api.js';

const DAY = 86400;
const toSeconds = date => Date.parse(`${date}T00:00:00Z`) / 1000;
const toDate = seconds => new Date(Math.round(seconds / DAY) * DAY * 1000).toISOString().slice(0, 10);

// /api/stats is paginated by days; the widest page (10,000 days) holds any real range, and a
// longer one is joined from its pages, types absent from a page counting zero there.
const STATS_PAGE = 10000;
async function allDays(filters) {
  const stats = await getJson('/api/stats', { ...filters, size: STATS_PAGE });
  for (let page = 2; stats.more; page++) {
    const next = await getJson('/api/stats', { ...filters, size: STATS_PAGE, page });
    const zeros = n => new Array(n).fill(0);
    for (const code of new Set([...Object.keys(stats.by_type), ...Object.keys(next.by_type)]))
      stats.by_type[code] = [...(stats.by_type[code] ?? zeros(stats.days.length)), ...(next.by_type[code] ?? zeros(next.days.length))];
    for (const key of Object.keys(stats.daily)) stats.daily[key] = [...stats.daily[key], ...next.daily[key]];
    stats.days = [...stats.days, ...next.days];
    stats.more = next.more;
  }
  return stats;
}

export class Timeline {
  constructor(targets, onRange) {
    this.targets = targets;
    this.onRange = onRange;
    this.charts = [];
    this.range = [null, null];
    window.addEventListener('resize', () => this.resize());
  }

  async load(filters) {
    const stats = await allDays(filters);
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    this.claimants(stats.by_claimant);
    if (!stats.days.length) {
      for (const key of ['types', 'weapons', 'casualties'])
        this.targets[key].replaceChildren(el('p', { class: 'muted', text: 'No dated incidents match.' }));
      return;
    }
    // The server sends one value per day from the first to the last, quiet days as zero.
    const days = stats.days.map(toSeconds);
    const types = TYPES.filter(([code]) => stats.by_type[code]);
    const byType = code => stats.by_type[code];
    const daily = key => stats.daily[key];
    // Bars: a day is a count, not a point on a curve.
    const bars = uPlot.paths.bars({ size: [0.9, 10], align: 1 });

    this.chart(this.targets.types, [days, ...types.map(([code]) => byType(code))],
      types.map(([code, label]) => ({ label, stroke: colourOf(code), width: 1, fill: `${colourOf(code)}bb`, paths: bars })));
    this.chart(this.targets.weapons,
      [days, daily('missiles_launched'), daily('missiles_intercepted'), daily('drones_launched'), daily('drones_intercepted')],
      [{ label: 'Missiles launched', stroke: '#b2182b', width: 1.5 }, { label: 'Missiles intercepted', stroke: '#b2182b', dash: [4, 3], width: 1.5 },
       { label: 'Drones launched', stroke: '#2166ac', width: 1.5 }, { label: 'Drones intercepted', stroke: '#2166ac', dash: [4, 3], width: 1.5 }]);
    this.chart(this.targets.casualties, [days, daily('killed'), daily('injured')],
      [{ label: 'Killed', stroke: '#1f2328', width: 1, fill: '#1f2328cc', paths: bars }, { label: 'Injured', stroke: '#e6850e', width: 1, fill: '#e6850e99', paths: bars }]);
    this.select(...this.range);
  }

  chart(target, data, series) {
    target.replaceChildren();
    const chart = new uPlot({
      width: Math.max(260, target.clientWidth),
      height: 150,
      legend: { live: false },
      cursor: { drag: { x: true, y: false, setScale: false }, sync: { key: 'timeline' } },
      scales: { x: { time: true } },
      axes: [{ stroke: '#555', grid: { stroke: '#eee' } }, { stroke: '#555', grid: { stroke: '#eee' }, size: 52 }],
      series: [{}, ...series.map(s => ({ ...s, points: { show: false } }))],
      hooks: { setSelect: [u => this.selected(u)] },
    }, data, target);
    this.charts.push(chart);
  }

  selected(u) {
    if (this.quiet) return;
    if (u.select.width < 3) {
      this.onRange('', '');
      return;
    }
    const from = toDate(u.posToVal(u.select.left, 'x'));
    const to = toDate(u.posToVal(u.select.left + u.select.width, 'x'));
    this.onRange(from, to);
  }

  // Shows a range chosen elsewhere (the date inputs, the URL) on every chart, without firing.
  select(from, to) {
    this.range = [from, to];
    this.quiet = true;
    for (const u of this.charts) {
      if (!from && !to) { u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false); continue; }
      const [min, max] = [u.scales.x.min, u.scales.x.max];
      const left = u.valToPos(Math.max(min, from ? toSeconds(from) : min), 'x');
      const right = u.valToPos(Math.min(max, to ? toSeconds(to) : max), 'x');
      u.setSelect({ left, width: Math.max(1, right - left), top: 0, height: u.bbox.height / devicePixelRatio }, false);
    }
    this.quiet = false;
  }

  resize() {
    for (const u of this.charts) u.setSize({ width: Math.max(260, u.root.parentElement.clientWidth), height: 150 });
    this.select(...this.range);
  }

  claimants(rows) {
    const table = this.targets.claimants;
    const max = Math.max(1, ...rows.map(r => Math.max(r.missiles_launched, r.drones_launched)));
    const bar = (value, cls) => { const b = el('span', { class: `bar ${cls}` }); b.style.width = `${(100 * value / max).toFixed(1)}%`; return b; };
    const cell = (launched, intercepted, cls) => el('td', {},
      el('div', { class: 'bars' }, bar(launched, `${cls} launched`), bar(intercepted, `${cls} intercepted`)),
      el('small', { text: `${launched.toLocaleString('en')} / ${intercepted.toLocaleString('en')}` }));
    table.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', { text: 'Claimed by' }), el('th', { text: 'Incidents' }),
        el('th', { text: 'Missiles launched / intercepted' }), el('th', { text: 'Drones launched / intercepted' }))),
      el('tbody', {}, ...rows.filter(r => r.missiles_launched || r.drones_launched || r.incidents).slice(0, 8).map(r =>
        el('tr', {}, el('th', { text: r.claimant || 'nobody named' }), el('td', { text: r.incidents.toLocaleString('en') }),
          cell(r.missiles_launched, r.missiles_intercepted, 'missiles'), cell(r.drones_launched, r.drones_intercepted, 'drones')))));
  }
}
