// A lead's stakeholders (with the decision maker) and competitors: lists and an add form each.
import {html, nothing} from 'lit';
import {Element, field, enumOptions} from '../base.js';
import {t, label} from '../i18n.js';
import {get, post} from '../api.js';

const ROLES = ['DECISION_MAKER', 'INFLUENCER', 'USER', 'GATEKEEPER', 'CHAMPION', 'OTHER'];
const ATTITUDES = ['SUPPORTIVE', 'NEUTRAL', 'OPPOSED', 'UNKNOWN'];
const COMPETITOR_STATUSES = ['ACTIVE', 'ELIMINATED', 'WON', 'UNKNOWN'];

class LeadParties extends Element {
  static properties = {leadId: {type: String}, readOnly: {type: Boolean}, stakeholders: {state: true},
    competitors: {state: true}, errors: {state: true}};

  constructor() {
    super();
    this.stakeholders = [];
    this.competitors = [];
    this.errors = {};
    this.reset();
  }

  reset() {
    this.stakeholder = {role: 'DECISION_MAKER', attitude: 'UNKNOWN'};
    this.competitor = {status: 'ACTIVE'};
  }

  willUpdate(changed) {
    if (changed.has('leadId')) this.load();
  }

  async load() {
    const [s, c] = await Promise.all([get(`/leads/${this.leadId}/stakeholders?limit=100`),
      get(`/leads/${this.leadId}/competitors?limit=100`)]);
    this.stakeholders = s.data.items;
    this.competitors = c.data.items;
  }

  async add(kind, values) {
    this.errors = {};
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
    try {
      await post(`/leads/${this.leadId}/${kind}`, body);
      this.reset();
      this.querySelectorAll('details.compose').forEach((d) => { d.open = false; });
      await this.load();
      this.dispatchEvent(new CustomEvent('changed', {bubbles: true}));
    } catch (e) {
      this.errors = {[kind]: e.fields, [`${kind}-message`]: Object.keys(e.fields).length ? '' : e.message};
    }
  }

  render() {
    const se = this.errors.stakeholders || {};
    const ce = this.errors.competitors || {};
    return html`<section class="card parties" aria-labelledby="parties-title">
      <h2 id="parties-title">${t('parties.stakeholders')}</h2>
      ${this.stakeholders.length === 0 ? html`<p class="empty">${t('parties.noStakeholders')}</p>` : html`<ul class="party-list">
        ${this.stakeholders.map((s) => html`<li>
          <strong>${s.name}</strong>${s.role === 'DECISION_MAKER' ? html` <span class="tag">${label('role', s.role)}</span>`
            : html` · ${label('role', s.role)}`}
          <span class="sub">${[s.jobTitle, label('attitude', s.attitude), s.email, s.phone].filter(Boolean).join(' · ')}</span>
        </li>`)}</ul>`}
      ${this.readOnly ? nothing : html`<details class="compose"><summary>${t('parties.addStakeholder')}</summary>
        <form novalidate @submit=${(e) => { e.preventDefault(); this.add('stakeholders', this.stakeholder); }}>
          ${field(t('parties.name'), 'name', this.stakeholder, {id: 'stakeholder-name', required: true, errors: se})}
          <div class="field-row">
            ${field(t('parties.role'), 'role', this.stakeholder, {id: 'stakeholder-role', errors: se,
              options: enumOptions('role', ROLES)})}
            ${field(t('parties.attitude'), 'attitude', this.stakeholder, {id: 'stakeholder-attitude', errors: se,
              options: enumOptions('attitude', ATTITUDES)})}
          </div>
          ${field(t('person.jobTitle'), 'jobTitle', this.stakeholder, {id: 'stakeholder-jobTitle', errors: se})}
          ${field(t('person.email'), 'email', this.stakeholder, {id: 'stakeholder-email', type: 'email', errors: se})}
          ${this.errors['stakeholders-message'] ? html`<p class="form-error" role="alert">
            ${this.errors['stakeholders-message']}</p>` : nothing}
          <button class="primary" type="submit">${t('parties.addStakeholder')}</button>
        </form></details>`}

      <h2 class="second">${t('parties.competitors')}</h2>
      ${this.competitors.length === 0 ? html`<p class="empty">${t('parties.noCompetitors')}</p>` : html`<ul class="party-list">
        ${this.competitors.map((c) => html`<li><strong>${c.name}</strong> · ${label('competitorStatus', c.status)}
          <span class="sub">${[c.offer, c.strengths && `+ ${c.strengths}`, c.weaknesses && `− ${c.weaknesses}`]
            .filter(Boolean).join(' · ')}</span></li>`)}</ul>`}
      ${this.readOnly ? nothing : html`<details class="compose"><summary>${t('parties.addCompetitor')}</summary>
        <form novalidate @submit=${(e) => { e.preventDefault(); this.add('competitors', this.competitor); }}>
          ${field(t('parties.name'), 'name', this.competitor, {id: 'competitor-name', required: true, errors: ce})}
          ${field(t('parties.status'), 'status', this.competitor, {id: 'competitor-status', errors: ce,
            options: enumOptions('competitorStatus', COMPETITOR_STATUSES)})}
          ${field(t('parties.offer'), 'offer', this.competitor, {id: 'competitor-offer', errors: ce})}
          ${field(t('parties.strengths'), 'strengths', this.competitor, {id: 'competitor-strengths', errors: ce})}
          ${field(t('parties.weaknesses'), 'weaknesses', this.competitor, {id: 'competitor-weaknesses', errors: ce})}
          ${this.errors['competitors-message'] ? html`<p class="form-error" role="alert">
            ${this.errors['competitors-message']}</p>` : nothing}
          <button class="primary" type="submit">${t('parties.addCompetitor')}</button>
        </form></details>`}
    </section>`;
  }
}
customElements.define('ll-lead-parties', LeadParties);
