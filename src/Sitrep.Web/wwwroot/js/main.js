// Wires the page: filters live in the URL (so a view can be shared), and every part redraws from them.
import { FILTERS, getJson } from './api.js';
import { IncidentMap } from './map.js';
import { Timeline } from './timeline.js';
import { Panel } from './panel.js';
import { ClaimsLayer } from './claims.js';

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) filters[name] = params.get(name) ?? '';
  return { filters, incident: params.get('incident'), claims: params.get('claims') };
}

function writeUrl(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.incident) params.set('incident', state.incident);
  if (state.claims) params.set('claims', state.claims);
  const url = params.size ? `?${params}` : location.pathname;
  history.replaceState(null, '', url);
}

async function start() {
  const config = await getJson('/api/config');
  const state = readUrl();
  const form = document.getElementById('filters');
  const fill = () => { for (const name of FILTERS) form.elements[name].value = state.filters[name]; };
  fill();

  const panel = new Panel(document.getElementById('panel-body'), document.getElementById('panel-empty'), id => {
    state.incident = id ? String(id) : null;
    writeUrl(state);
  });
  const map = new IncidentMap(document.getElementById('map'), document.getElementById('status'), config,
    id => panel.show(id), (oblast, filters) => panel.list(oblast, filters));
  const claims = new ClaimsLayer(map.map, config, {
    toggle: document.getElementById('claims-on'),
    slider: document.getElementById('claims-date'),
    label: document.getElementById('claims-date-label'),
    count: document.getElementById('claims-count'),
  }, value => { state.claims = value; writeUrl(state); });
  const timeline = new Timeline({
    types: document.getElementById('chart-types'),
    weapons: document.getElementById('chart-weapons'),
    casualties: document.getElementById('chart-casualties'),
    claimants: document.getElementById('claimants'),
  }, (from, to) => {
    state.filters.from = from;
    state.filters.to = to;
    fill();
    apply();
  });

  await map.ready;
  const names = document.getElementById('oblast-names');
  for (const name of map.oblastNames()) names.append(new Option(name));

  let timelineKey = null;
  function apply() {
    writeUrl(state);
    map.setFilters(state.filters);
    claims.setFilters(state.filters);
    // The timeline shows every day whatever the date range, so a brushed range can be widened again.
    const { from, to, ...rest } = state.filters;
    const key = JSON.stringify(rest);
    if (key !== timelineKey) {
      timelineKey = key;
      timeline.load(rest).catch(showError);
    }
    timeline.select(from, to);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    for (const name of FILTERS) state.filters[name] = form.elements[name].value.trim();
    apply();
  });
  form.addEventListener('change', event => {
    if (event.target.tagName === 'SELECT' || event.target.type === 'date') form.requestSubmit();
  });
  document.getElementById('f-reset').addEventListener('click', () => {
    for (const name of FILTERS) state.filters[name] = '';
    fill();
    apply();
  });

  apply();
  if (state.claims) claims.open(state.claims);
  if (state.incident) panel.show(state.incident);
}

function showError(error) {
  const status = document.getElementById('status');
  status.textContent = `Error: ${error.message}`;
  status.classList.add('error');
}

window.addEventListener('DOMContentLoaded', () => start().catch(showError));
