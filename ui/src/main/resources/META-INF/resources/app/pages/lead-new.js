import {html, nothing} from 'lit';
import {Element, field, enumOptions, navigate, href, personName, dialog} from '../base.js';
import {t, label} from '../i18n.js';
import {post} from '../api.js';
import {SOURCES, TIMEFRAMES, CURRENCIES} from '../enums.js';
import {leadBody, formErrors} from '../lead-form.js';

/** A new lead; a likely duplicate is shown with "open existing" or "create anyway". */
class LeadNew extends Element {
  static properties = {errors: {state: true}, message: {state: true}, duplicates: {state: true}, busy: {state: true}};

  constructor() {
    super();
    this.values = {source: 'TRADE_FAIR', currency: 'EUR'};
    this.errors = {};
    this.duplicates = null;
  }

  async save(allowDuplicate) {
    this.busy = true;
    this.errors = {};
    this.message = '';
    try {
      const {data} = await post(`/leads?allowDuplicate=${allowDuplicate ? 'true' : 'false'}`, leadBody(this.values));
      navigate(`/leads/${data.id}`);
    } catch (e) {
      if (e.status === 409 && e.problem.duplicates) {
        this.duplicates = e.problem.duplicates;
      } else {
        this.errors = formErrors(e.fields);
        this.message = Object.keys(e.fields).length ? t('form.fix') : e.message;
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    const v = this.values;
    const o = {errors: this.errors};
    return html`<section class="page lead-new">
      <div class="page-head"><h1>${t('new.title')}</h1></div>
      <form class="card form-grid" novalidate @submit=${(e) => { e.preventDefault(); this.save(false); }}>
        <fieldset><legend>${t('section.contact')}</legend>
          ${field(t('person.salutation'), 'salutation', v, {...o, id: 'new-salutation'})}
          ${field(t('person.firstName'), 'firstName', v, {...o, id: 'new-firstName'})}
          ${field(t('person.lastName'), 'lastName', v, {...o, id: 'new-lastName', required: true})}
          ${field(t('person.jobTitle'), 'jobTitle', v, {...o, id: 'new-jobTitle'})}
          ${field(t('person.email'), 'email', v, {...o, id: 'new-email', type: 'email'})}
          ${field(t('person.businessPhone'), 'businessPhone', v, {...o, id: 'new-businessPhone', type: 'tel'})}
        </fieldset>
        <fieldset><legend>${t('section.company')}</legend>
          ${field(t('company.name'), 'companyName', v, {...o, id: 'new-companyName'})}
          ${field(t('company.website'), 'website', v, {...o, id: 'new-website', type: 'url'})}
        </fieldset>
        <fieldset><legend>${t('section.origin')}</legend>
          ${field(t('origin.source'), 'source', v, {...o, id: 'new-source', required: true,
            options: enumOptions('source', SOURCES)})}
          ${field(t('origin.detail'), 'detail', v, {...o, id: 'new-detail'})}
          ${field(t('lead.topic'), 'topic', v, {...o, id: 'new-topic'})}
        </fieldset>
        <fieldset><legend>${t('section.qualification')}</legend>
          <div class="field-row">
            ${field(t('qualification.budget'), 'budget', v, {...o, id: 'new-budget', type: 'number', step: '0.01'})}
            ${field(t('qualification.currency'), 'currency', v, {...o, id: 'new-currency',
              options: CURRENCIES.map((c) => [c, c])})}
          </div>
          ${field(t('qualification.need'), 'need', v, {...o, id: 'new-need', rows: 3})}
          ${field(t('qualification.purchaseTimeframe'), 'purchaseTimeframe', v, {...o, id: 'new-timeframe',
            options: enumOptions('timeframe', TIMEFRAMES, '—')})}
          ${field(t('qualification.decisionMaker'), 'decisionMaker', v, {...o, id: 'new-decisionMaker',
            type: 'checkbox'})}
        </fieldset>
        ${this.message ? html`<p class="form-error" role="alert">${this.message}</p>` : nothing}
        <div class="form-actions">
          <a class="button" href="#/leads">${t('form.cancel')}</a>
          <button class="primary" type="submit" ?disabled=${this.busy}>${t('new.create')}</button>
        </div>
      </form>
      ${this.duplicates ? this.duplicateDialog() : nothing}
    </section>`;
  }

  duplicateDialog() {
    return dialog(t('duplicates.title'), html`
      <p>${t('duplicates.text', {n: this.duplicates.length})}</p>
      <ul class="duplicates">
        ${this.duplicates.map((d) => html`<li>
          <a href=${href(`/leads/${d.id}`)}>${t('duplicates.open', {name: personName(d)})}</a>
          <span class="sub">${[d.companyName, d.email].filter(Boolean).join(' · ')} —
            ${d.reasons.map((r) => label('duplicateReason', r)).join(', ')}</span>
        </li>`)}
      </ul>
      <div class="dialog-actions">
        <button @click=${() => { this.duplicates = null; }}>${t('form.cancel')}</button>
        <button class="primary" @click=${() => { this.duplicates = null; this.save(true); }}>
          ${t('duplicates.createAnyway')}</button>
      </div>`, () => { this.duplicates = null; }, 'duplicates');
  }
}
customElements.define('ll-lead-new', LeadNew);
