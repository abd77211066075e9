// The map: incidents as circles coloured by type and sized by casualties, clustered by the
// server when many are in view; incidents known only as an oblast drawn as the oblast.
import { TYPES, colourOf, labelOf, getJson, el, tip, viewOf } from './api.js';

const radius = casualties => Math.min(22, 5 + 2.2 * Math.sqrt(casualties || 0));
const dominant = types => Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];

export class IncidentMap {
  constructor(container, status, config, onIncident, onOblast) {
    this.status = status;
    this.onIncident = onIncident;
    this.onOblast = onOblast;
    this.filters = {};
    this.map = L.map(container, { zoomControl: true, worldCopyJump: true, minZoom: 2 }).setView([48.6, 33.5], 6);
    this.oblastShapes = new Map();
    this.incidents = L.layerGroup().addTo(this.map);
    this.oblastLayer = L.layerGroup().addTo(this.map);
    this.request = 0;
    this.map.createPane('claims').style.zIndex = 450;
    this.legend();
    this.ready = this.basemap(config);
    this.map.on('moveend', () => this.refresh());
  }

  async basemap(config) {
    if (config.tile_url) {
      L.tileLayer(config.tile_url, { attribution: config.tile_attribution ?? '', maxZoom: 18 }).addTo(this.map);
    }
    const response = await fetch('/lib/basemap.geojson');
    const basemap = await response.json();
    const countries = basemap.features.filter(f => f.properties.layer === 'country');
    const oblasts = basemap.features.filter(f => f.properties.layer === 'oblast');
    if (!config.tile_url) {
      this.map.getContainer().classList.add('plain-basemap');
      L.geoJSON(countries, { interactive: false, style: f => ({
        color: '#8a8f98', weight: 1, fillColor: f.properties.country === 'UA' ? '#fbf8ef' : '#eceae4', fillOpacity: 1 }) }).addTo(this.map);
    }
    L.geoJSON(oblasts, { interactive: false, style: { color: '#a3a7ae', weight: 0.7, fill: false, dashArray: '3 3' } }).addTo(this.map);
    for (const feature of oblasts) this.oblastShapes.set(feature.properties.name.toLowerCase(), feature);
  }

  oblastNames() {
    return [...this.oblastShapes.values()].filter(f => f.properties.country === 'UA').map(f => f.properties.name).sort();
  }

  setFilters(filters) {
    this.filters = { ...filters };
    this.refresh();
  }

  async refresh() {
    const ticket = ++this.request;
    this.status.classList.remove('error');
    let data;
    try {
      data = await getJson('/api/incidents', { ...this.filters, ...viewOf(this.map) });
    } catch (error) {
      if (ticket === this.request) { this.status.textContent = `Error: ${error.message}`; this.status.classList.add('error'); }
      return;
    }
    if (ticket !== this.request) return; // a newer view or filter already asked
    this.draw(data);
  }

  draw(data) {
    this.incidents.clearLayers();
    this.oblastLayer.clearLayers();
    let drawnOblast = 0;
    for (const oblast of data.oblasts) {
      const shape = this.oblastShapes.get(oblast.admin1.toLowerCase());
      if (!shape) continue;
      drawnOblast += oblast.count;
      const colour = colourOf(dominant(oblast.types));
      const layer = L.geoJSON(shape, { style: {
        color: colour, weight: 2, fillColor: colour, fillOpacity: Math.min(0.3, 0.1 + 0.03 * Math.log2(1 + oblast.count)),
        className: 'oblast-incidents' } });
      layer.bindTooltip(tip(`${oblast.admin1}: ${oblast.count} incident${oblast.count === 1 ? '' : 's'} known only as the oblast`), { sticky: true });
      layer.on('click', () => this.onOblast(oblast.admin1, this.filters));
      layer.addTo(this.oblastLayer);
    }
    if (data.shown === 'points') {
      for (const p of data.points) {
        const marker = L.circleMarker([p.lat, p.lon], {
          radius: radius((p.killed ?? 0) + (p.injured ?? 0)), color: '#1f2328', weight: 1, fillColor: colourOf(p.type), fillOpacity: 0.85,
          className: `incident-marker incident-${p.id} type-${p.type}` });
        const figures = [p.killed ? `${p.killed} killed` : null, p.injured ? `${p.injured} injured` : null].filter(Boolean).join(', ');
        marker.bindTooltip(tip(`${labelOf(p.type)}${p.subtype ? ` (${p.subtype})` : ''} · ${p.place ?? ''} · ${p.date ?? 'undated'}${figures ? ` · ${figures}` : ''}${p.reports > 1 ? ` · ${p.reports} reports` : ''}`));
        marker.on('click', () => this.onIncident(p.id));
        marker.addTo(this.incidents);
      }
    } else {
      for (const c of data.clusters) {
        const size = Math.round(Math.min(54, 22 + 6 * Math.log10(c.count)));
        const icon = L.divIcon({ className: 'cluster-marker', iconSize: [size, size],
          html: el('div', { class: 'cluster-body', text: c.count >= 10000 ? `${Math.round(c.count / 1000)}k` : String(c.count) }) });
        const marker = L.marker([c.lat, c.lon], { icon, title: `${c.count} incidents; most: ${labelOf(dominant(c.types))}` });
        marker.on('add', () => { marker.getElement().style.setProperty('--cluster-colour', colourOf(dominant(c.types))); });
        marker.on('click', () => this.map.setView([c.lat, c.lon], Math.min(this.map.getZoom() + 2, 18)));
        marker.addTo(this.incidents);
      }
    }
    const onMap = data.shown === 'points' ? data.points.length : data.in_view;
    const parts = [`${data.total.toLocaleString('en')} incidents`,
      `${onMap.toLocaleString('en')} ${data.shown === 'points' ? 'drawn as points' : 'in clusters'} in view`];
    if (drawnOblast) parts.push(`${drawnOblast.toLocaleString('en')} as oblasts`);
    if (data.unlocated) parts.push(`${data.unlocated.toLocaleString('en')} without a place`);
    this.status.textContent = parts.join(' · ');
    this.status.dataset.total = data.total;
    this.status.dataset.points = data.shown === 'points' ? data.points.length : 0;
    this.status.dataset.oblast = drawnOblast;
    this.status.dataset.shown = data.shown;
    this.status.dataset.ready = String(this.request);
  }

  legend() {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const types = el('div', { class: 'types' });
      for (const [, label, colour] of TYPES) {
        const swatch = el('span', { class: 'swatch' });
        swatch.style.background = colour;
        types.append(el('div', {}, swatch, label));
      }
      const box = el('div', { class: 'legend' }, el('strong', { text: 'Incidents' }), types);
      const sizes = el('div', { class: 'sizes' });
      for (const casualties of [0, 10, 50]) {
        const dot = el('span', { class: 'size-dot' });
        const d = 2 * radius(casualties);
        dot.style.width = dot.style.height = `${d}px`;
        sizes.append(dot, el('small', { text: casualties ? `${casualties}` : '0' }));
      }
      box.append(el('div', { class: 'legend-note', text: 'Size: killed + injured' }), sizes,
        el('div', { class: 'legend-note', text: 'Filled oblast: known only as the oblast' }),
        el('div', { class: 'legend-note', text: 'Numbered circle: a cluster; click to zoom' }));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(this.map);
  }
}
