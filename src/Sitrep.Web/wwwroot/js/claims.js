// Claimed control: settlements whose capture or liberation a report claimed, coloured by the
// side the latest claim says holds them, as of the day on the slider; contested ones ringed.
import { getJson, tip } from './api.js';

const SIDES = { RU: '#c0392b', UA: '#1f5fbf' };
const DAY = 86400000;
const dayOf = date => Date.parse(`${date}T00:00:00Z`);
const dateOf = ms => new Date(ms).toISOString().slice(0, 10);

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
    controls.toggle.addEventListener('change', () => controls.toggle.checked ? this.open() : this.closeLayer());
    controls.slider.addEventListener('input', () => this.draw());
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
    this.layer.remove();
    if (this.frontline) this.frontline.remove();
    this.controls.slider.disabled = true;
    this.controls.label.textContent = '';
    this.controls.count.textContent = '';
    this.onChange(null);
  }

  async draw() {
    const asOf = this.asOf();
    const ticket = ++this.request;
    this.controls.label.textContent = asOf ? `as of ${asOf}` : 'no claims';
    if (!asOf) { this.layer.clearLayers(); this.controls.count.textContent = ''; return; }
    const data = await getJson('/api/claims', { ...this.filters, as_of: asOf, size: 1000 });
    if (ticket !== this.request) return;
    this.layer.clearLayers();
    for (const s of data.items) {
      const colour = SIDES[(s.holder ?? '').toUpperCase()] ?? '#6b6b6b';
      const marker = L.circleMarker([s.lat, s.lon], {
        pane: 'claims', radius: 8, weight: s.contested ? 3 : 2, color: s.contested ? '#111' : '#fff', dashArray: s.contested ? '3 2' : null,
        fillColor: colour, fillOpacity: 0.9, className: `claim-marker side-${s.holder ?? 'unknown'}${s.contested ? ' contested' : ''}` });
      const lines = s.claims.map(c => `${c.date}: ${c.subtype} by ${c.actor ?? '?'}${c.claimed_by ? `, claimed by ${c.claimed_by}` : ''} (${c.source ?? c.doc})`);
      marker.bindTooltip(tip([`${s.place}${s.admin1 ? `, ${s.admin1}` : ''}: held by ${s.holder ?? '?'} as claimed by ${s.claimed_by ?? '?'}`,
        s.contested ? `Contested: ${s.contested_because}` : null, ...lines.slice(-5)].filter(Boolean).join('\n')), { className: 'claim-tip' });
      marker.addTo(this.layer);
    }
    this.controls.count.textContent = `${data.total} settlement${data.total === 1 ? '' : 's'} claimed${data.total > data.items.length ? ` (first ${data.items.length} drawn)` : ''}`;
    this.controls.count.dataset.count = String(data.items.length);
    this.onChange(asOf);
  }
}
