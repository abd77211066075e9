// The incident panel: every report with source, date and link; each source's figures side by
// side with the range and the best figure; the evidence sentences highlighted in the report text.
// All article text is inserted as text nodes, never as HTML.
import { getJson, el, labelOf } from './api.js';

const MEASURES = [
  ['killed', 'Killed'], ['injured', 'Injured'],
  ['missiles_launched', 'Missiles launched'], ['missiles_intercepted', 'Missiles intercepted'],
  ['drones_launched', 'Drones launched'], ['drones_intercepted', 'Drones intercepted'],
];

// Only web links become links; anything else (javascript:, data:) stays text.
const safeUrl = url => { try { const u = new URL(url); return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null; } catch { return null; } };

export class Panel {
  constructor(body, empty, onChange) {
    this.body = body;
    this.empty = empty;
    this.onChange = onChange;
  }

  open() {
    this.empty.hidden = true;
    this.body.hidden = false;
    this.body.replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
  }

  close() {
    this.body.hidden = true;
    this.empty.hidden = false;
    this.onChange(null);
  }

  closeButton() {
    return el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => this.close() });
  }

  async list(oblast, filters) {
    this.open();
    const data = await getJson('/api/incidents', { ...filters, oblast, level: 'oblast', size: 200 });
    const items = el('ul', { class: 'incident-list' });
    for (const row of data.items) {
      items.append(el('li', {}, el('a', { href: '#', text: `${row.date_min ?? 'undated'} · ${labelOf(row.type)}${row.subtype ? ` (${row.subtype})` : ''} · ${row.sources ?? ''}`,
        onclick: e => { e.preventDefault(); this.show(row.id); } })));
    }
    this.body.replaceChildren(this.closeButton(),
      el('h2', { text: `${oblast}: known only as the oblast` }),
      el('p', { class: 'muted', text: `${data.total} incident${data.total === 1 ? '' : 's'}${data.total > data.items.length ? `, first ${data.items.length} shown` : ''}` }),
      items);
  }

  async show(id) {
    this.open();
    let incident;
    try {
      incident = await getJson(`/api/incidents/${encodeURIComponent(id)}`);
    } catch (error) {
      this.body.replaceChildren(this.closeButton(), el('p', { class: 'error', text: error.message }));
      return;
    }
    this.onChange(incident.id);
    const where = [incident.place, incident.admin1 && incident.admin1 !== incident.place ? incident.admin1 : null].filter(Boolean).join(', ');
    const when = incident.date_first === incident.date_last || !incident.date_last ? (incident.date_first ?? 'undated') : `${incident.date_first} to ${incident.date_last}`;
    const who = [incident.actor ? `by ${incident.actor}` : null, incident.target_actor ? `against ${incident.target_actor}` : null].filter(Boolean).join(' ');
    this.body.replaceChildren(
      this.closeButton(),
      el('h2', { class: 'incident-title', text: `${labelOf(incident.type)}${incident.subtype ? ` (${incident.subtype})` : ''}` }),
      el('p', { class: 'incident-meta', text: [where || 'no place', when, who].filter(Boolean).join(' · ') }),
      el('p', { class: 'muted', text: `${incident.reports.length} report${incident.reports.length === 1 ? '' : 's'} from ${incident.sources.join(', ')}${incident.claimed_by.length ? `; claimed by ${incident.claimed_by.join(', ')}` : ''}` }),
      this.figures(incident),
      ...incident.reports.map(report => this.report(report)));
    this.body.scrollTop = 0;
    const first = this.body.querySelector('.report-text mark');
    if (first) first.parentElement.scrollTop = Math.max(0, first.offsetTop - first.parentElement.offsetTop - 40);
  }

  figures(incident) {
    const rows = MEASURES.filter(([key]) => incident.best[key]);
    if (!rows.length) return el('p', { class: 'muted figures-none', text: 'No source gives figures.' });
    // One column per report (a source can file two reports), in the order of the reports.
    const columns = [];
    for (const f of incident.figures) {
      const key = `${f.doc}`;
      if (!columns.some(c => c.key === key)) columns.push({ key, source: f.source ?? f.doc, claimedBy: f.claimed_by });
    }
    const head = el('tr', {}, el('th', { text: 'Figure' }),
      ...columns.map(c => el('th', { title: c.key }, c.source, c.claimedBy ? el('small', { text: ` (claimed by ${c.claimedBy})` }) : null)),
      el('th', { text: 'Range' }), el('th', { class: 'best', text: 'Best' }));
    const body = rows.map(([key, label]) => {
      const best = incident.best[key];
      return el('tr', {}, el('th', { text: label }),
        ...columns.map(c => {
          const f = incident.figures.find(x => x.figure === key && x.doc === c.key);
          return el('td', { class: f && f.value !== best.value ? 'differs' : null, text: f ? String(f.value) : '–' });
        }),
        el('td', { text: best.min === best.max ? String(best.min) : `${best.min}–${best.max}` }),
        el('td', { class: 'best', title: best.rule, text: String(best.value) }));
    });
    return el('table', { class: 'figures' }, el('thead', {}, head), el('tbody', {}, ...body));
  }

  report(report) {
    const url = report.url ? safeUrl(report.url) : null;
    const header = el('div', { class: 'report-head' },
      el('strong', { class: 'report-source', text: report.source ?? report.doc }),
      el('span', { class: 'report-date', text: report.published ?? 'no date' }),
      url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: 'link' }) : (report.url ? el('span', { class: 'muted', text: report.url }) : null));
    const event = report.event ?? {};
    const facts = [event.date ? `dated ${event.date}` : 'undated', event.killed != null ? `${event.killed} killed` : null,
      event.injured != null ? `${event.injured} injured` : null,
      ...(event.weapons ?? []).map(w => [w.model ?? w.class, w.launched != null ? `${w.launched} launched` : null, w.intercepted != null ? `${w.intercepted} intercepted` : null].filter(Boolean).join(' ')),
      event.claimed_by ? `claimed by ${event.claimed_by}` : null].filter(Boolean).join(' · ');
    return el('article', { class: 'report' }, header,
      report.title ? el('div', { class: 'report-title', text: report.title }) : null,
      el('div', { class: 'report-facts', text: facts }),
      this.text(report));
  }

  // The report text with the evidence spans wrapped in <mark>: slices of the text, as text nodes.
  text(report) {
    const spans = [...(report.evidence ?? [])].sort((a, b) => a.start - b.start);
    if (!report.text) {
      return el('div', { class: 'report-text alone' },
        report.text_problem ? el('p', { class: 'muted', text: report.text_problem }) : null,
        ...spans.map(s => el('p', {}, el('mark', { class: 'evidence', text: s.text }))));
    }
    const box = el('div', { class: 'report-text' });
    let at = 0;
    for (const s of spans) {
      const start = Math.max(at, s.start), end = Math.min(report.text.length, s.end);
      if (end <= start) continue;
      box.append(document.createTextNode(report.text.slice(at, start)));
      box.append(el('mark', { class: 'evidence', text: report.text.slice(start, end) }));
      at = end;
    }
    box.append(document.createTextNode(report.text.slice(at)));
    return box;
  }
}
