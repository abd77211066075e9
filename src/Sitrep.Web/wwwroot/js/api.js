// The JSON API: the only data the page uses.
export const FILTERS = ['type', 'actor', 'oblast', 'claimant', 'weapon', 'text', 'from', 'to'];

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  const response = await fetch(query.size ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${path}: HTTP ${response.status}`);
  return body;
}

// What a map shows, as the API's map views take it: bbox=WEST,SOUTH,EAST,NORTH and zoom.
export function viewOf(map) {
  const bounds = map.getBounds();
  const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(v => v.toFixed(4)).join(',');
  return { view: 'map', zoom: map.getZoom(), bbox };
}

// Event types: colours and labels, one place for map, legend and charts.
export const TYPES = [
  ['strike', 'Strike', '#d7301f'],
  ['air_defense', 'Air defense', '#7b3294'],
  ['ground_combat', 'Ground combat', '#e6850e'],
  ['territorial_change', 'Territorial change', '#8c510a'],
  ['cyber', 'Cyber', '#1b9e77'],
  ['aid', 'Aid', '#2c7fb8'],
  ['diplomacy', 'Diplomacy', '#41ab5d'],
  ['threat', 'Threat', '#e7298a'],
  ['policy', 'Policy', '#636363'],
  ['other', 'Other', '#a6a6a6'],
];
const colours = new Map(TYPES.map(([code, , colour]) => [code, colour]));
export const colourOf = type => colours.get(type) ?? '#a6a6a6';
export const labelOf = type => (TYPES.find(t => t[0] === type) ?? [type, type])[1];

// Builds an element with text only: article text never goes through innerHTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      node.append(child instanceof Node ? child : String(child));
  return node;
}

// Leaflet puts a string tooltip in as HTML; an element keeps names and sources as text.
export const tip = text => el('div', { class: 'tip', text });
