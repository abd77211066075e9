// Claimed control: settlements whose capture or liberation a report claimed, coloured by the
// side the latest claim says holds them, as of the day on the slider; contested ones ringed.
// The server sends what is in the map's view: each settlement when few, else grid cells with
// counts per side, so every claimed settlement in view is drawn or counted.
import { getJson, tip, el, viewOf } from './api.js';

const SIDES = { RU: '#c0392b', UA: '#1f5fbf' };
const DAY = 86400000;
const dayOf = date => Date.parse(`${date}T00:00:00Z`);
const dateOf = ms => new Date(ms).toISOString().slice(0, 10);
const colourOf = holder => SIDES[(holder ?? '').toUpperCase()] ?? '#6b6b6b';
// Slider steps and map moves come in bursts: ask once they pause.
const SETTLE_MS = 150;

export class ClaimsLayer {
  constructor(map, config, controls, onChange) {
    this.map = map;
    this.config = config;
    this.controls = controls;
    this.onChange = onChange;
    this.layer = L.layerGroup();
    this.frontline = null;
    this.filters = {};
    this.request = 0;
    this.pending = null;
    controls.toggle.addEventListener('change', () => controls.toggle.checked ? this.open() : this.closeLayer());
    controls.slider.addEventListener('input', () => { this.label(); this.schedule(); });
    map.on('moveend', () => { if (this.controls.toggle.checked) this.schedule(); });
  }

  schedule() {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.draw(), SETTLE_MS);
  }

  label() {
    const asOf = this.asOf();
    this.controls.label.textContent = asOf ? `as of ${asOf}` : 'no claims';
    return asOf;
  }

  setFilters(filters) {
    // Claims are shown as of the slider's day, so the date range does not cut them.
    const { from, to, type, ...rest } = filters;
    this.filters = rest;
    if (this.controls.toggle.checked) this.open(this.asOf());
  }

  asOf() {
    return this.first ? dateOf(this.first + Number(this.controls.slider.value) * DAY) : null;
  }

  async open(asOf) {
    this.controls.toggle.checked = true;
    const all = await getJson('/api/claims', { ...this.filters, size: 1 });
    this.first = all.first_date ? dayOf(all.first_date) : null;
    const last = all.last_date ? dayOf(all.last_date) : null;
    const slider = this.controls.slider;
    slider.disabled = !this.first;
    slider.max = this.first ? String(Math.round((last - this.first) / DAY)) : '0';
    const wanted = asOf && this.first ? Math.round((dayOf(asOf) - this.first) / DAY) : Number(slider.max);
    slider.value = String(Math.max(0, Math.min(Number(slider.max), wanted)));
    this.layer.addTo(this.map);
    if (this.config.frontline && !this.frontline) {
      const shape = await (await fetch('/api/frontline')).json();
      this.frontline = L.geoJSON(shape, { pane: 'claims', interactive: false,
        style: { color: '#5b2a86', weight: 2, dashArray: '6 4', fillColor: '#5b2a86', fillOpacity: 0.08, className: 'frontline' } });
    }
    if (this.frontline) this.frontline.addTo(this.map);
    await this.draw();
  }

  closeLayer() {
    clearTimeout(this.pending);
    this.request++;
    this.layer.remove();
    if (this.frontline) this.frontline.remove();
    this.controls.slider.disabled = true;
    this.controls.label.textContent = '';
    this.controls.count.textContent = '';
    this.onChange(null);
  }

  async draw() {
    const asOf = this.label();
    const ticket = ++this.request;
    const count = this.controls.count;
    if (!asOf) { this.layer.clearLayers(); count.textContent = ''; return; }
    let data;
    try {
      data = await getJson('/api/claims', { ...this.filters, as_of: asOf, ...viewOf(this.map) });
    } catch (error) {
      if (ticket === this.request) count.textContent = `Error: ${error.message}`;
      return;
    }
    if (ticket !== this.request) return; // a newer view or day already asked
    this.layer.clearLayers();
    if (data.shown === 'cells') for (const c of data.cells) this.cell(c);
    else for (const s of data.items) this.settlement(s);
    const plural = n => `${n.toLocaleString('en')} settlement${n === 1 ? '' : 's'}`;
    count.textContent = `${plural(data.total)} claimed; ${data.in_view.toLocaleString('en')} in view`
      + (data.shown === 'cells' ? `, counted in ${data.cells.length} squares (click one to zoom in)` : '');
    Object.assign(count.dataset, {
      count: String(data.shown === 'cells' ? 0 : data.items.length), cells: String(data.shown === 'cells' ? data.cells.length : 0),
      inView: String(data.in_view), total: String(data.total), shown: data.shown, ready: String(ticket) });
    this.onChange(asOf);
  }

  settlement(s) {
    const marker = L.circleMarker([s.lat, s.lon], {
      pane: 'claims', radius: 8, weight: s.contested ? 3 : 2, color: s.contested ? '#111' : '#fff', dashArray: s.contested ? '3 2' : null,
      fillColor: colourOf(s.holder), fillOpacity: 0.9, className: `claim-marker side-${s.holder ?? 'unknown'}${s.contested ? ' contested' : ''}` });
    const lines = s.claims.map(c => `${c.date}: ${c.subtype} by ${c.actor ?? '?'}${c.claimed_by ? `, claimed by ${c.claimed_by}` : ''} (${c.source ?? c.doc})`);
    marker.bindTooltip(tip([`${s.place}${s.admin1 ? `, ${s.admin1}` : ''}: held by ${s.holder ?? '?'} as claimed by ${s.claimed_by ?? '?'}`,
      s.contested ? `Contested: ${s.contested_because}` : null, ...lines.slice(-5)].filter(Boolean).join('\n')), { className: 'claim-tip' });
    marker.addTo(this.layer);
  }

  // Many settlements in one grid cell: a square with their count, coloured by the side holding
  // most of them, its border dashed when any is contested; a click zooms to them.
  cell(c) {
    const [majority] = Object.entries(c.holders).sort((a, b) => b[1] - a[1])[0];
    const size = Math.round(Math.min(50, 20 + 6 * Math.log10(c.count)));
    const sides = Object.entries(c.holders).map(([side, n]) => `${side} ${n}`).join(', ');
    const icon = L.divIcon({ className: `claim-cell side-${majority}${c.contested ? ' contested' : ''}`, iconSize: [size, size],
      html: el('div', { class: 'claim-cell-body', text: c.count >= 10000 ? `${Math.round(c.count / 1000)}k` : String(c.count) }) });
    const marker = L.marker([c.lat, c.lon], { icon, pane: 'claims',
      title: `${c.count} claimed settlements held by ${sides}${c.contested ? `; ${c.contested} contested` : ''}` });
    marker.on('add', () => { marker.getElement().style.setProperty('--cell-colour', colourOf(majority)); });
    marker.on('click', () => {
      const [west, south, east, north] = c.bounds;
      const bounds = L.latLngBounds([south, west], [north, east]);
      const zoom = Math.min(14, Math.max(this.map.getZoom() + 1, this.map.getBoundsZoom(bounds)));
      this.map.setView(bounds.getCenter(), zoom);
    });
    marker.addTo(this.layer);
  }
}
