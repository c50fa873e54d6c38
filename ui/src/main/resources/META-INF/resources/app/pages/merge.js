// Merging duplicates (#/leads/<survivor>/merge?with=<other>): field by field the user chooses which
// lead's value survives; the merge's dry run (POST /leads/{id}/merge?dryRun=true) shows the result
// and what moves before the merge itself.
import {html, nothing} from 'lit';
import {Element, href, navigate, personName} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {get, post} from '../api.js';
import {loadUsers, userName} from '../users.js';

const FIELD_KEYS = {
  'company.address': 'merge.field.address', origin: 'lead.source', topic: 'lead.topic',
  description: 'lead.description', ownerId: 'lead.owner', 'qualification.budget': 'qualification.budget',
  'company.annualRevenue': 'company.annualRevenue'
};

function fieldLabel(path) {
  return t(FIELD_KEYS[path] || path);
}

const ENUM_GROUPS = {'qualification.purchaseTimeframe': 'timeframe', 'qualification.purchaseProcess': 'purchaseProcess',
  'person.preferredContactMethod': 'contactMethod'};

/** A field's value as the user reads it. */
function show(path, v) {
  if (v === null || v === undefined || v === '') return html`<span class="empty">${t('merge.empty')}</span>`;
  if (path === 'ownerId') return userName(v);
  if (path === 'origin') return [label('source', v.source), v.detail].filter(Boolean).join(' — ');
  if (typeof v === 'boolean') return v ? t('form.yes') : t('form.no');
  if (typeof v === 'number') return fmt.number(v);
  if (typeof v === 'object') {
    if ('amount' in v) return fmt.money(v);
    return Object.values(v).filter((x) => x !== null && x !== '').join(', ') || html`<span class="empty">${t('merge.empty')}</span>`;
  }
  if (ENUM_GROUPS[path]) return label(ENUM_GROUPS[path], v);
  return String(v);
}

class MergePage extends Element {
  static properties = {leadId: {type: String}, otherId: {type: String}, leads: {state: true}, fields: {state: true},
    preview: {state: true}, error: {state: true}, busy: {state: true}, all: {state: true}};

  willUpdate(changed) {
    if (changed.has('leadId') || changed.has('otherId')) this.load();
  }

  async load() {
    this.leads = null;
    this.preview = null;
    this.error = '';
    try {
      await loadUsers();
      const [a, b] = await Promise.all([get(`/leads/${this.leadId}`), get(`/leads/${this.otherId}`)]);
      this.leads = {[this.leadId]: a.data, [this.otherId]: b.data};
      this.etag = a.etag;
      const {data} = await this.merge(true, {});
      // Every field with the value each lead has; the choice starts where the server would take it from.
      this.fields = data.fields.map((f) => {
        const values = {[f.from]: f.value};
        for (const alt of f.alternatives || []) values[alt.leadId] = alt.value;
        // a lead the answer names no value for has none
        const distinct = new Set([this.leadId, this.otherId].map((id) => JSON.stringify(values[id] ?? null)));
        return {field: f.field, values, choice: f.from, differs: distinct.size > 1};
      });
    } catch (e) {
      this.error = e.message;
    }
  }

  choices() {
    return Object.fromEntries(this.fields.map((f) => [f.field, f.choice]));
  }

  merge(dryRun, fields) {
    return post(`/leads/${this.leadId}/merge${dryRun ? '?dryRun=true' : ''}`,
      {mergedIds: [this.otherId], fields}, dryRun ? {} : {headers: {'If-Match': this.etag}});
  }

  async showPreview() {
    this.busy = true;
    this.error = '';
    try {
      this.preview = (await this.merge(true, this.choices())).data;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  async doMerge() {
    this.busy = true;
    this.error = '';
    try {
      await this.merge(false, this.choices());
      navigate(`/leads/${this.leadId}`, {merged: '1'});
    } catch (e) {
      this.error = e.status === 412 ? t('merge.changed') : e.message;
    } finally {
      this.busy = false;
    }
  }

  choose(f, leadId) {
    f.choice = leadId;
    this.preview = null;
    this.requestUpdate();
  }

  render() {
    if (!this.leads) {
      return html`<section class="page">${this.error ? html`<p class="form-error" role="alert">${this.error}</p>`
        : html`<p class="loading" role="status">${t('app.loading')}</p>`}</section>`;
    }
    const ids = [this.leadId, this.otherId];
    const name = (id) => [personName(this.leads[id].person) || id, this.leads[id].company?.name].filter(Boolean).join(', ');
    return html`<section class="page merge-page">
      <div class="page-head">
        <h1>${t('merge.title')}</h1>
        <a class="button" id="merge-swap" href=${href(`/leads/${this.otherId}/merge`, {with: this.leadId})}>
          ${t('merge.swap', {name: name(this.otherId)})}</a>
      </div>
      <p>${t('merge.text', {survivor: name(this.leadId), other: name(this.otherId)})}</p>
      ${this.error ? html`<p class="form-error" role="alert" id="merge-error">${this.error}</p>` : nothing}
      <div class="table-wrap"><table class="leads merge-fields">
        <caption class="sr-only">${t('merge.choose')}</caption>
        <thead><tr><th scope="col">${t('merge.field')}</th>
          ${ids.map((id, i) => html`<th scope="col"><a href=${href(`/leads/${id}`)}>${name(id)}</a>
            <span class="sub">${i === 0 ? t('merge.survivor') : t('merge.mergedAway')} ·
              ${label('status', this.leads[id].status)} · ${fmt.date(this.leads[id].createdAt)}</span></th>`)}</tr></thead>
        <tbody>${this.fields.map((f, row) => (!this.all && !f.differs ? nothing : html`<tr>
          <th scope="row" id="mf-${row}">${fieldLabel(f.field)}</th>
          ${ids.map((id, i) => {
            const rid = `mf-${row}-${i}`;
            return html`<td class=${f.choice === id ? 'chosen' : ''}>
              <input type="radio" name="mf-${row}" id=${rid} data-field=${f.field} data-lead=${id}
                .checked=${f.choice === id} @change=${() => this.choose(f, id)}>
              <label for=${rid}><span class="sr-only">${fieldLabel(f.field)}, ${name(id)}: </span>
                ${show(f.field, f.values[id])}</label></td>`;
          })}
        </tr>`))}</tbody>
      </table></div>
      <div class="field checkbox">
        <input type="checkbox" id="merge-all" .checked=${!!this.all} @change=${(e) => { this.all = e.target.checked; }}>
        <label for="merge-all">${t('merge.showAll', {n: this.fields.filter((f) => !f.differs).length})}</label>
      </div>
      <div class="form-actions">
        <a class="button" href=${href(`/leads/${this.leadId}`)}>${t('form.cancel')}</a>
        <button id="merge-preview" ?disabled=${this.busy} @click=${() => this.showPreview()}>${t('merge.preview')}</button>
      </div>
      ${this.preview ? this.previewView() : nothing}
    </section>`;
  }

  previewView() {
    const p = this.preview;
    const moves = Object.entries(p.moves || {}).filter(([, n]) => n > 0);
    return html`<section class="card merge-preview" id="merge-result" aria-labelledby="merge-result-title">
      <h2 id="merge-result-title">${t('merge.previewTitle')}</h2>
      <dl class="merge-values">${p.fields.filter((f) => f.value !== null && f.value !== undefined && f.value !== '')
        .map((f) => html`<div><dt>${fieldLabel(f.field)}</dt>
        <dd data-field=${f.field}>${show(f.field, f.value)}</dd></div>`)}</dl>
      <h3>${t('merge.moves')}</h3>
      ${moves.length ? html`<ul id="merge-moves">${moves.map(([k, n]) => html`<li>${t(`merge.move.${k}`)}: ${fmt.number(n)}</li>`)}</ul>`
        : html`<p class="empty">${t('merge.nothingMoves')}</p>`}
      <p class="notice">${t('merge.final')}</p>
      <div class="form-actions">
        <button class="primary" id="merge-confirm" ?disabled=${this.busy} @click=${() => this.doMerge()}>
          ${t('merge.confirm')}</button>
      </div>
    </section>`;
  }
}
customElements.define('ll-merge', MergePage);
