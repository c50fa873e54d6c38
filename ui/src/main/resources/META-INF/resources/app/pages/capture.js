// Capture: an e-mail file dropped (or chosen) becomes a lead through POST /intake; a CSV file is
// imported through the import API in steps: upload, the mapping (editable), the dry run, the run
// with its progress (GET /imports/{id} polled) and the error report to download.
import {html, nothing} from 'lit';
import {Element, href, personName, uid} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {get, upload, apiUrl, query} from '../api.js';

/** The lead field a mapping names, labelled from the bundle where the lead form has a label for it. */
const FIELD_LABELS = {
  salutation: 'person.salutation', firstName: 'person.firstName', lastName: 'person.lastName',
  jobTitle: 'person.jobTitle', email: 'person.email', businessPhone: 'person.businessPhone',
  mobilePhone: 'person.mobilePhone', preferredContactMethod: 'person.preferredContactMethod',
  language: 'person.language', companyName: 'company.name', website: 'company.website',
  industry: 'company.industry', employees: 'company.employees', annualRevenue: 'company.annualRevenue.amount',
  annualRevenueCurrency: 'company.annualRevenue.currency', street: 'company.address.street',
  postalCode: 'company.address.postalCode', city: 'company.address.city', region: 'company.address.region',
  country: 'company.address.country', source: 'origin.source', sourceDetail: 'origin.detail',
  budget: 'qualification.budget.amount', budgetCurrency: 'qualification.budget.currency',
  need: 'qualification.need', purchaseTimeframe: 'qualification.purchaseTimeframe',
  decisionMaker: 'qualification.decisionMaker', decisionMakerName: 'qualification.decisionMakerName',
  purchaseProcess: 'qualification.purchaseProcess', purchaseProcessNotes: 'qualification.purchaseProcessNotes',
  topic: 'lead.topic', description: 'lead.description', phone: 'person.businessPhone'
};

export function importFieldLabel(name) {
  const key = FIELD_LABELS[name];
  return key ? `${t(key)} (${name})` : name;
}

/** A drop zone with a file input: the input makes it keyboard-operable, dropping a file does the same. */
function dropZone(id, text, accept, onFile, busy) {
  const over = (e) => { e.preventDefault(); e.currentTarget.classList.add('over'); };
  const leave = (e) => e.currentTarget.classList.remove('over');
  const drop = (e) => {
    e.preventDefault();
    e.currentTarget.classList.remove('over');
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return html`<div class="drop-zone" id="${id}-zone" @dragover=${over} @dragleave=${leave} @drop=${drop}>
    <p>${text}</p>
    <input class="file-input" type="file" id=${id} accept=${accept} ?disabled=${busy}
      @change=${(e) => { const f = e.target.files[0]; e.target.value = ''; if (f) onFile(f); }}>
    <label class="button" for=${id}>${t('capture.choose')}<span class="sr-only">: ${text}</span></label>
  </div>`;
}

class Capture extends Element {
  static properties = {mail: {state: true}, mailError: {state: true}, mailBusy: {state: true}};

  async takeMail(file, onDuplicate) {
    this.mailBusy = true;
    this.mailError = '';
    try {
      const {data} = await upload(`/intake${query({name: file.name, onDuplicate})}`, file, 'message/rfc822');
      this.mail = {file, result: data};
    } catch (e) {
      this.mail = null;
      const reasons = e.problem && e.problem.problems;
      this.mailError = reasons && reasons.length ? `${e.message}` : e.message;
    } finally {
      this.mailBusy = false;
    }
  }

  render() {
    return html`<section class="page capture">
      <div class="page-head"><h1>${t('capture.title')}</h1></div>
      <section class="card" aria-labelledby="mail-title">
        <h2 id="mail-title">${t('capture.mail.title')}</h2>
        <p class="sub">${t('capture.mail.text')}</p>
        ${dropZone('mail-file', t('capture.mail.drop'), '.eml,message/rfc822', (f) => this.takeMail(f), this.mailBusy)}
        ${this.mailBusy ? html`<p role="status">${t('app.loading')}</p>` : nothing}
        ${this.mailError ? html`<p class="form-error" role="alert" id="mail-error">${this.mailError}</p>` : nothing}
        ${this.mail ? this.mailResult() : nothing}
      </section>
      <ll-import-wizard></ll-import-wizard>
    </section>`;
  }

  mailResult() {
    const r = this.mail.result;
    return html`<div class="mail-result" id="mail-result" role="status">
      <h3>${t('capture.mail.result', {name: this.mail.file.name})}</h3>
      ${r.outcomes.map((o) => html`<div class="outcome">
        <p><span class="status outcome-${o.outcome.toLowerCase()}">${label('intake', o.outcome)}</span>
          ${o.replayed ? html`<span class="sub">${t('capture.mail.replayed')}</span>` : nothing}
          ${o.lead ? html`<a id="mail-lead" href=${href(`/leads/${o.lead.id}`)}>${t('capture.mail.openLead')}</a>` : nothing}
          ${o.reason ? html`<span class="sub">${o.reason}</span>` : nothing}</p>
        ${o.duplicates ? html`<p>${t('duplicates.text', {n: o.duplicates.length})}</p>
          <ul class="duplicates">${o.duplicates.map((d) => html`<li>
            <a href=${href(`/leads/${d.id}`)}>${t('duplicates.open', {name: personName(d)})}</a>
            <span class="sub">${[d.companyName, d.email].filter(Boolean).join(' · ')}</span></li>`)}</ul>
          <button id="mail-create-anyway" @click=${() => this.takeMail(this.mail.file, 'CREATE')}>
            ${t('duplicates.createAnyway')}</button>` : nothing}
        ${o.errors ? html`<ul class="errors">${o.errors.map((e) => html`<li>${e.field}: ${e.reason}</li>`)}</ul>` : nothing}
        ${o.extracted ? this.extracted(o.extracted) : nothing}
      </div>`)}
      ${r.problems && r.problems.length ? html`<ul class="errors">${r.problems.map((p) => html`<li>${p}</li>`)}</ul>`
        : nothing}
    </div>`;
  }

  extracted(x) {
    const rows = Object.entries(x).filter(([, f]) => f);
    if (!rows.length) return nothing;
    return html`<table class="leads compact"><caption class="sr-only">${t('capture.mail.extracted')}</caption>
      <thead><tr><th scope="col">${t('capture.field')}</th><th scope="col">${t('capture.value')}</th>
        <th scope="col">${t('capture.foundIn')}</th></tr></thead>
      <tbody>${rows.map(([name, f]) => html`<tr><td>${FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name}</td><td>${f.value}</td>
        <td class="sub">${f.from || ''}</td></tr>`)}</tbody></table>`;
  }
}
customElements.define('ll-capture', Capture);

/** The CSV import wizard: upload → mapping and dry run → run with progress → result and error report. */
class ImportWizard extends Element {
  static properties = {step: {state: true}, dry: {state: true}, job: {state: true}, error: {state: true},
    errors: {state: true}, busy: {state: true}};

  constructor() {
    super();
    this.step = 'upload';
    this.policy = 'SKIP';
    this.errors = {};
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  /** The mapping the user sees: every column of the file with its field ('' leaves it out). */
  columnsOf(mapping) {
    const cols = mapping.columns.map((c) => [c.column, c.field]);
    for (const c of [...mapping.ignored, ...mapping.unmapped]) cols.push([c, '']);
    return cols;
  }

  mappingParam() {
    return this.columns ? JSON.stringify(Object.fromEntries(this.columns)) : undefined;
  }

  async dryRun() {
    this.busy = true;
    this.error = '';
    this.errors = {};
    try {
      const {data} = await upload(`/imports${query({dryRun: 'true', rows: 1000, policy: this.policy,
        mapping: this.mappingParam(), name: this.file.name})}`, this.file, 'text/csv');
      this.dry = data;
      this.runs = (this.runs || 0) + 1;
      this.columns = this.columnsOf(data.mapping);
      this.fields = data.mapping.fields || [];
      this.step = 'mapping';
    } catch (e) {
      this.problem(e);
      const mapping = e.status === 400 && e.problem.mapping;
      if (mapping) {
        // The columns could not be mapped (e.g. none to the last name): the problem carries the
        // mapping as far as the server got, so the user maps the columns by hand and tries again.
        this.columns = this.columns || this.columnsOf(mapping);
        this.fields = mapping.fields || [];
        this.dry = null;
        this.error = '';
        this.step = 'mapping';
      }
    } finally {
      this.busy = false;
    }
  }

  problem(e) {
    this.errors = e.fields || {};
    this.error = e.message;
  }

  choose(file) {
    this.file = file;
    this.runs = 0;
    this.columns = null;
    this.dry = null;
    this.dryRun();
  }

  async run() {
    this.busy = true;
    this.error = '';
    try {
      const {data} = await upload(`/imports${query({policy: this.policy, mapping: this.mappingParam(),
        name: this.file.name})}`, this.file, 'text/csv');
      this.job = data;
      this.total = this.dry && !this.dry.moreRows ? this.dry.rows.length : null;
      this.step = 'running';
      this.poll();
    } catch (e) {
      this.problem(e);
    } finally {
      this.busy = false;
    }
  }

  async poll() {
    try {
      const {data} = await get(`/imports/${this.job.id}`);
      this.job = data;
    } catch (e) {
      this.error = e.message;
      return;
    }
    if (this.job.state === 'DONE' || this.job.state === 'FAILED') {
      this.step = 'done';
      return;
    }
    this.timer = setTimeout(() => this.poll(), 400);
  }

  restart() {
    clearTimeout(this.timer);
    this.step = 'upload';
    this.file = null;
    this.dry = null;
    this.job = null;
    this.columns = null;
    this.error = '';
    this.errors = {};
  }

  render() {
    const steps = ['upload', 'mapping', 'running'];
    const at = this.step === 'done' ? 3 : steps.indexOf(this.step);
    return html`<section class="card import-wizard" id="import-wizard" aria-labelledby="import-title">
      <h2 id="import-title">${t('import.title')}</h2>
      <ol class="wizard-steps">${steps.map((s, i) => html`<li class=${i < at ? 'done' : i === at ? 'current' : ''}
        aria-current=${i === at ? 'step' : 'false'}>${t(`import.step.${s}`)}</li>`)}</ol>
      ${this.error ? html`<p class="form-error" role="alert" id="import-error">${this.error}</p>` : nothing}
      ${this.step === 'upload' ? this.uploadStep() : nothing}
      ${this.step === 'mapping' ? this.mappingStep() : nothing}
      ${this.step === 'running' || this.step === 'done' ? this.progressStep() : nothing}
    </section>`;
  }

  uploadStep() {
    return html`<p class="sub">${t('import.text')}</p>
      <div class="field inline">
        <label for="import-policy">${t('import.policy')}</label>
        <select id="import-policy" @change=${(e) => { this.policy = e.target.value; }}>
          ${['SKIP', 'UPDATE', 'CREATE'].map((p) => html`<option value=${p} ?selected=${p === this.policy}>
            ${t(`import.policy.${p}`)}</option>`)}
        </select>
      </div>
      ${dropZone('import-file', t('import.drop'), '.csv,text/csv', (f) => this.choose(f), this.busy)}
      ${this.busy ? html`<p role="status">${t('app.loading')}</p>` : nothing}`;
  }

  mappingStep() {
    const d = this.dry;
    const mappingError = this.errors.mapping;
    return html`${d ? html`<p>${t('import.file', {name: this.file.name, encoding: d.encoding,
      delimiter: d.delimiter === '\t' ? 'Tab' : d.delimiter})}</p>` : html`<p>${this.file.name}</p>`}
      <h3 id="mapping-title">${t('import.mapping')}</h3>
      <p class="sub">${t('import.mapping.text')}</p>
      ${mappingError ? html`<div class="form-error" role="alert" id="mapping-error"><p>${mappingError}</p>
        ${d ? nothing : html`<p>${t('import.mapByHand')}</p>`}</div>` : nothing}
      <table class="leads compact mapping" aria-labelledby="mapping-title">
        <thead><tr><th scope="col">${t('import.column')}</th><th scope="col">${t('import.field')}</th></tr></thead>
        <tbody>${this.columns.map(([column, fieldName], i) => {
          const id = `map-${i}`;
          const err = this.errors[`mapping.${column}`];
          return html`<tr><td><label for=${id}>${column}</label></td><td>
            <select id=${id} data-column=${column} aria-invalid=${err ? 'true' : 'false'}
                aria-describedby=${err ? `${id}-error` : nothing}
                @change=${(e) => { this.columns[i] = [column, e.target.value]; this.requestUpdate(); }}>
              <option value="" ?selected=${!fieldName}>${t('import.leaveOut')}</option>
              ${this.fields.map((f) => html`<option value=${f} ?selected=${f === fieldName}>${importFieldLabel(f)}</option>`)}
            </select>${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : nothing}</td></tr>`;
        })}</tbody>
      </table>
      <div class="form-actions">
        <button id="import-dry-run" ?disabled=${this.busy} @click=${() => this.dryRun()}>${t('import.dryRunAgain')}</button>
      </div>
      ${d ? this.dryRunResult(d) : html`<div class="form-actions">
        <button @click=${() => this.restart()}>${t('form.cancel')}</button></div>`}`;
  }

  dryRunResult(d) {
    const s = d.summary;
    return html`<h3 id="dry-title">${t('import.dryRun')}</h3>
      <p id="dry-summary" class="summary" data-run=${this.runs}>
        ${['create', 'update', 'duplicate', 'error'].map((k) => html`<span class="count ${k}" data-kind=${k}>
          ${t(`import.result.${k}`)}: <strong>${fmt.number(s[k])}</strong></span>`)}
        ${d.moreRows ? html`<span class="sub">${t('import.moreRows', {n: fmt.number(d.rows.length)})}</span>` : nothing}
      </p>
      <div class="table-wrap"><table class="leads compact" id="dry-rows" aria-labelledby="dry-title">
        <thead><tr><th scope="col">${t('import.row')}</th><th scope="col">${t('import.result')}</th>
          <th scope="col">${t('import.details')}</th></tr></thead>
        <tbody>${d.rows.filter((r) => r.result !== 'create').slice(0, 50).map((r) => html`<tr class="row-${r.result}">
          <td>${r.row}</td><td>${t(`import.rowResult.${r.result}`)}</td>
          <td>${r.errors ? r.errors.map((e) => html`<div>${e.field}: ${e.reason}</div>`) : nothing}
            ${r.duplicateOf ? html`<a href=${href(`/leads/${r.duplicateOf}`)}>${t('import.openLead')}</a>` : nothing}
            ${r.updates ? html`<a href=${href(`/leads/${r.updates}`)}>${t('import.openLead')}</a>` : nothing}</td>
        </tr>`)}
        ${d.rows.every((r) => r.result === 'create') ? html`<tr><td colspan="3" class="empty">${t('import.allCreate')}</td>
          </tr>` : nothing}</tbody>
      </table></div>
      <div class="form-actions">
        <button @click=${() => this.restart()}>${t('form.cancel')}</button>
        <button class="primary" id="import-run" ?disabled=${this.busy} @click=${() => this.run()}>
          ${t('import.run')}</button>
      </div>`;
  }

  progressStep() {
    const j = this.job;
    const done = this.step === 'done';
    const total = done ? j.rowsRead : this.total;
    return html`<div class="import-progress" id="import-progress">
      <label for="import-bar">${done ? t(`import.state.${j.state}`) : t('import.running', {n: fmt.number(j.rowsRead)})}</label>
      <progress id="import-bar" max=${total || 1}
        value=${total ? Math.min(j.rowsRead, total) : (done ? 1 : nothing)}
        aria-valuetext=${t('import.rowsRead', {n: fmt.number(j.rowsRead)})}></progress>
      <p id="import-counts" class="summary" role="status">
        <span class="count create" data-kind="created">${t('import.created')}: <strong>${fmt.number(j.created)}</strong></span>
        <span class="count update" data-kind="updated">${t('import.updated')}: <strong>${fmt.number(j.updated)}</strong></span>
        <span class="count duplicate" data-kind="skipped">${t('import.skipped')}: <strong>${fmt.number(j.skippedAsDuplicate)}</strong></span>
        <span class="count error" data-kind="failed">${t('import.failed')}: <strong>${fmt.number(j.failed)}</strong></span>
      </p>
      ${j.lastError ? html`<p class="form-error">${j.lastError}</p>` : nothing}
      ${done ? html`<div class="form-actions">
        ${j.errors > 0 ? html`<a class="button" id="import-errors" href=${apiUrl(`/imports/${j.id}/errors`)}
          download="import-errors-${j.id}.csv">${t('import.errorReport', {n: fmt.number(j.errors)})}</a>` : nothing}
        <a class="button" href=${href('/leads', {source: 'IMPORT'})}>${t('import.showLeads')}</a>
        <button class="primary" id="import-again" @click=${() => this.restart()}>${t('import.another')}</button>
      </div>` : nothing}
    </div>`;
  }
}
customElements.define('ll-import-wizard', ImportWizard);
