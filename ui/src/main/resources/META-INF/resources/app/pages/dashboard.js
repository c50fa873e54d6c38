// The dashboard: the tenant's leads by rating, source, stage and status, new leads per week, the
// funnel (leads that reached each stage, opportunities won) and the average time in each stage,
// from GET statistics/leads (counted in the database). Each chart has its figures as a table too,
// for screen readers and for reading exact numbers.
import {html, nothing} from 'lit';
import {ref} from 'lit/directives/ref.js';
import {Element} from '../base.js';
import {t, label, fmt, currentLocale, stageName} from '../i18n.js';
import {get} from '../api.js';

let Chart = null;

/** Chart.js, loaded when the dashboard first opens (not with every page of the app). */
async function loadCharts() {
  if (Chart) return;
  const c = await import('chart.js');
  c.Chart.register(c.BarController, c.BarElement, c.DoughnutController, c.ArcElement, c.LineController, c.LineElement,
    c.PointElement, c.CategoryScale, c.LinearScale, c.Legend, c.Tooltip);
  Chart = c.Chart;
}

const RATING_COLOURS = {HOT: '#b42318', WARM: '#d97706', COLD: '#1e4f8a', null: '#8a94a3'};
const PALETTE = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309', '#be123c', '#4d7c0f', '#0369a1', '#a21caf', '#57534e',
  '#15803d', '#9f1239'];

class Dashboard extends Element {
  static properties = {stats: {state: true}, stages: {state: true}, error: {state: true}};

  constructor() {
    super();
    this.charts = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    this.charts.forEach((c) => c.destroy());
    this.charts.clear();
    super.disconnectedCallback();
  }

  async load() {
    try {
      const [stats, processes] = await Promise.all([get('/statistics/leads'),
        get('/processes').catch(() => ({data: {items: []}})), loadCharts()]);
      this.stages = processes.data.items;
      this.stats = stats.data;
    } catch (e) {
      this.error = e.message;
    }
  }

  /**
   * Open leads per stage named as the process names them. A lead that never moved has no stage
   * key: it is in the first stage, counted there when the tenant's process is known (one offered).
   */
  stageRows() {
    const processes = this.stages || [];
    const names = new Map();
    processes.forEach((p) => p.stages.forEach((st) => {
      if (!names.has(st.key)) names.set(st.key, stageName(p.id, st.key, st.name));
    }));
    const first = processes.length === 1 ? processes[0].stages[0]?.key : null;
    const counts = new Map();
    for (const c of this.stats.byStage) {
      const key = c.key === null && first ? first : c.key;
      counts.set(key, (counts.get(key) || 0) + c.count);
    }
    const order = processes.length === 1 ? processes[0].stages.map((st) => st.key) : [];
    return [...counts.entries()]
      .sort((a, b) => (order.indexOf(a[0]) - order.indexOf(b[0])) || b[1] - a[1])
      .map(([key, count]) => [key === null ? t('dashboard.firstStage') : names.get(key) || key, count]);
  }

  /** The tenant's process stages in order ([key, name]), when its process is known (one offered). */
  processStages() {
    const processes = this.stages || [];
    return processes.length === 1
      ? processes[0].stages.map((st) => [st.key, stageName(processes[0].id, st.key, st.name)]) : [];
  }

  /** The funnel: the leads that reached each stage (every lead the first), then the opportunities won. */
  funnelRows() {
    const s = this.stats;
    const reached = new Map(s.reachedStage.map((c) => [c.key, c.count]));
    const stages = this.processStages();
    const rows = stages.length
      ? stages.map(([key, name], i) => [name, i === 0 ? s.total : reached.get(key) || 0])
      : s.reachedStage.map((c) => [c.key === null ? t('dashboard.firstStage') : c.key, c.count]);
    rows.push([t('dashboard.won'), s.won]);
    return rows;
  }

  /** The average stay in each stage that ended, in days for the chart; the first stage's key may be null. */
  timeRows() {
    const stages = this.processStages();
    const first = stages.length ? stages[0][0] : null;
    const sums = new Map();
    for (const st of this.stats.timeInStage) {
      const key = st.key === null ? first : st.key;
      const [stays, seconds] = sums.get(key) || [0, 0];
      sums.set(key, [stays + st.stays, seconds + st.averageSeconds * st.stays]);
    }
    const names = new Map(stages);
    const order = stages.map(([key]) => key);
    return [...sums.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([key, [stays, seconds]]) => [key === null ? t('dashboard.firstStage') : names.get(key) || key,
        Math.round(seconds / stays)]);
  }

  /** A chart drawn on a canvas once it is in the page, redrawn when the figures or the language change. */
  chart(id, config) {
    return ref((canvas) => {
      if (!canvas) return;
      const old = this.charts.get(id);
      if (old) old.destroy();
      this.charts.set(id, new Chart(canvas, {...config, options: {responsive: true, maintainAspectRatio: false,
        animation: false, locale: currentLocale(), plugins: {legend: {display: config.type === 'doughnut',
          position: 'bottom'}}, ...(config.options || {})}}));
    });
  }

  panel(id, title, rows, config, format = fmt.number) {
    return html`<section class="card chart-card" aria-labelledby="${id}-title">
      <h2 id="${id}-title">${title}</h2>
      <div class="chart"><canvas id=${id} role="img" aria-label=${title} ${this.chart(id, config)}></canvas></div>
      <details class="figures"><summary>${t('dashboard.figures')}</summary>
        <table><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${format(v)}</td></tr>`)}</tbody>
        </table></details>
    </section>`;
  }

  render() {
    const s = this.stats;
    if (this.error) return html`<section class="page"><p class="form-error" role="alert">${this.error}</p></section>`;
    if (!s) return html`<p class="loading" role="status">${t('app.loading')}</p>`;
    const name = (group, key) => (key === null ? t(`dashboard.none.${group}`) : label(group, key));
    const rating = s.byRating.map((c) => [name('rating', c.key), c.count, RATING_COLOURS[c.key]]);
    const source = s.bySource.map((c) => [name('source', c.key), c.count]);
    const stage = this.stageRows();
    const status = s.byStatus.map((c) => [name('status', c.key), c.count]);
    const weeks = s.newPerWeek.map((w) => [fmt.dayMonth(w.weekOf), w.count]);
    const funnel = this.funnelRows();
    const times = this.timeRows();
    // the chart's unit follows the longest stay: seconds, minutes, hours or days
    const longest = Math.max(0, ...times.map((r) => r[1]));
    const unit = [['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]]
      .find(([, size]) => longest >= 2 * size) || ['seconds', 1];
    const bar = (rows, colours) => ({type: 'bar', data: {labels: rows.map((r) => r[0]), datasets: [{
      data: rows.map((r) => r[1]), backgroundColor: colours || '#1d4ed8', borderRadius: 4}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
    return html`<section class="page dashboard">
      <div class="page-head"><h1>${t('nav.dashboard')}</h1>
        <p class="total">${t('dashboard.total', {n: fmt.number(s.total)})}</p></div>
      <div class="charts">
        ${this.panel('by-rating', t('dashboard.byRating'), rating, {type: 'doughnut', data: {labels: rating.map((r) => r[0]),
          datasets: [{data: rating.map((r) => r[1]), backgroundColor: rating.map((r) => r[2])}]}})}
        ${this.panel('by-source', t('dashboard.bySource'), source, bar(source, PALETTE))}
        ${this.panel('by-stage', t('dashboard.byStage'), stage, bar(stage))}
        ${this.panel('by-status', t('dashboard.byStatus'), status, bar(status, ['#1d4ed8', '#166534', '#b42318']))}
        ${this.panel('per-week', t('dashboard.perWeek'), weeks, {type: 'line', data: {labels: weeks.map((r) => r[0]),
          datasets: [{data: weeks.map((r) => r[1]), borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', tension: 0.2}]},
        options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}})}
        ${this.panel('funnel', t('dashboard.funnel'), funnel, {type: 'bar', data: {labels: funnel.map((r) => r[0]),
          datasets: [{data: funnel.map((r) => r[1]), backgroundColor: funnel.map((r, i) => (i === funnel.length - 1
            ? '#166534' : '#1d4ed8')), borderRadius: 4}]},
        options: {indexAxis: 'y', scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}})}
        ${this.panel('time-in-stage', t('dashboard.timeInStage'), times, {type: 'bar', data: {labels: times.map((r) => r[0]),
          datasets: [{data: times.map((r) => r[1] / unit[1]), backgroundColor: '#0f766e', borderRadius: 4}]},
        options: {scales: {y: {beginAtZero: true, title: {display: true, text: t(`dashboard.unit.${unit[0]}`)}}}}},
        (v) => fmt.duration(v))}
      </div>
    </section>`;
  }
}
customElements.define('ll-dashboard', Dashboard);
