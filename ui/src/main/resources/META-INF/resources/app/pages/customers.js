// What qualification made of leads: contacts, accounts and opportunities, each as a list and a
// detail page; and the recycle bin of deleted leads (tenant administrators), with restore.
import {html, nothing} from 'lit';
import {Element, href, personName, field} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {get, post, patch, query} from '../api.js';
import {CURRENCIES} from '../enums.js';

const KINDS = {
  contacts: {
    title: 'nav.contacts', one: 'qualify.contact',
    columns: [['contact.name', (c) => link('contacts', c.id, personName(c))], ['person.jobTitle', (c) => c.jobTitle],
      ['person.email', (c) => c.email], ['contact.phone', (c) => c.phone], ['lead.createdAt', (c) => fmt.date(c.createdAt)]],
    fields: [['person.salutation', (c) => c.salutation], ['person.firstName', (c) => c.firstName],
      ['person.lastName', (c) => c.lastName], ['person.jobTitle', (c) => c.jobTitle], ['person.email', (c) => c.email],
      ['contact.phone', (c) => c.phone], ['qualify.account', (c, r) => (c.accountId ? link('accounts', c.accountId,
        r.account?.name) : '')]],
    name: (c) => personName(c)
  },
  accounts: {
    title: 'nav.accounts', one: 'qualify.account',
    columns: [['company.name', (a) => link('accounts', a.id, a.name)], ['company.website', (a) => a.website],
      ['company.industry', (a) => a.industry], ['company.country', (a) => a.country],
      ['lead.createdAt', (a) => fmt.date(a.createdAt)]],
    fields: [['company.name', (a) => a.name], ['company.website', (a) => a.website],
      ['company.industry', (a) => a.industry], ['company.country', (a) => a.country]],
    name: (a) => a.name
  },
  opportunities: {
    title: 'nav.opportunities', one: 'qualify.opportunity',
    columns: [['lead.topic', (o) => link('opportunities', o.id, o.topic)],
      ['opportunity.stage', (o) => label('opportunityStage', o.stage)],
      ['opportunity.estimatedValue', (o) => fmt.money(o.estimatedValue)],
      ['opportunity.expectedCloseDate', (o) => fmt.date(o.expectedCloseDate)],
      ['lead.createdAt', (o) => fmt.date(o.createdAt)]],
    fields: [['lead.topic', (o) => o.topic], ['opportunity.stage', (o) => label('opportunityStage', o.stage)],
      ['opportunity.estimatedValue', (o) => fmt.money(o.estimatedValue)],
      ['qualification.budget', (o) => fmt.money(o.budget)],
      ['opportunity.expectedCloseDate', (o) => fmt.date(o.expectedCloseDate)],
      ['opportunity.closeReason', (o) => o.closeReason || ''],
      ['qualify.contact', (o, r) => link('contacts', o.contactId, personName(r.contact))],
      ['qualify.account', (o, r) => (o.accountId ? link('accounts', o.accountId, r.account?.name) : '')],
      ['customers.lead', (o, r) => link('leads', o.leadId, personName(r.lead?.person) || t('customers.open'))]],
    name: (o) => o.topic
  }
};

/**
 * What the detail pages edit (JSON Merge Patch with If-Match): [name, label key, options]; the name
 * is the API's member, so a field error of the API lands next to its control.
 */
const EDITS = {
  contacts: [['salutation', 'person.salutation'], ['firstName', 'person.firstName'],
    ['lastName', 'person.lastName', {required: true}], ['jobTitle', 'person.jobTitle'],
    ['email', 'person.email', {type: 'email'}], ['phone', 'contact.phone', {type: 'tel'}]],
  accounts: [['name', 'company.name', {required: true}], ['website', 'company.website', {type: 'url'}],
    ['industry', 'company.industry'], ['country', 'company.country']],
  opportunities: [['topic', 'lead.topic', {required: true}],
    ['estimatedValue.amount', 'opportunity.estimatedValue', {type: 'number', step: '0.01'}],
    ['estimatedValue.currency', 'qualification.currency', {options: CURRENCIES.map((c) => [c, c])}],
    ['expectedCloseDate', 'opportunity.expectedCloseDate', {type: 'date'}]]
};

function editValues(kind, item) {
  if (kind !== 'opportunities') return Object.fromEntries(EDITS[kind].map(([n]) => [n, item[n] ?? '']));
  return {topic: item.topic || '', 'estimatedValue.amount': item.estimatedValue?.amount ?? '',
    'estimatedValue.currency': item.estimatedValue?.currency || 'EUR', expectedCloseDate: item.expectedCloseDate || ''};
}

function editPatch(kind, v) {
  const blank = (x) => (x === '' || x === undefined ? null : x);
  if (kind !== 'opportunities') return Object.fromEntries(EDITS[kind].map(([n]) => [n, blank(v[n])]));
  const amount = blank(v['estimatedValue.amount']);
  return {topic: v.topic, expectedCloseDate: blank(v.expectedCloseDate),
    estimatedValue: amount === null ? null : {amount: Number(amount), currency: v['estimatedValue.currency']}};
}

function link(kind, id, text) {
  return html`<a href=${href(`/${kind}/${id}`)}>${text || '—'}</a>`;
}

class CustomerList extends Element {
  static properties = {kind: {type: String}, items: {state: true}, next: {state: true}, error: {state: true}};

  willUpdate(changed) {
    if (changed.has('kind')) {
      this.items = null;
      this.load();
    }
  }

  async load(cursor) {
    try {
      const {data} = await get(`/${this.kind}${query({limit: 50, cursor})}`);
      this.items = cursor ? [...this.items, ...data.items] : data.items;
      this.next = data.page.nextCursor;
    } catch (e) {
      this.error = e.message;
      this.items = [];
    }
  }

  render() {
    const k = KINDS[this.kind];
    return html`<section class="page">
      <div class="page-head"><h1>${t(k.title)}</h1></div>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.items === null ? html`<p role="status">${t('app.loading')}</p>` : html`
        <div class="table-wrap"><table class="leads">
          <caption class="sr-only">${t(k.title)}</caption>
          <thead><tr>${k.columns.map(([c]) => html`<th scope="col">${t(c)}</th>`)}</tr></thead>
          <tbody>${this.items.map((row) => html`<tr>${k.columns.map(([, v]) => html`<td>${v(row) || ''}</td>`)}</tr>`)}
          </tbody></table></div>
        ${this.items.length === 0 ? html`<p class="empty">${t('customers.empty')}</p>` : nothing}
        ${this.next ? html`<button class="more" @click=${() => this.load(this.next)}>${t('list.more')}</button>` : nothing}`}
    </section>`;
  }
}
customElements.define('ll-customer-list', CustomerList);

class CustomerPage extends Element {
  static properties = {kind: {type: String}, itemId: {type: String}, item: {state: true}, notFound: {state: true},
    related: {state: true}, editing: {state: true}, errors: {state: true}, message: {state: true}};

  edit() {
    this.values = editValues(this.kind, this.item);
    this.errors = {};
    this.message = '';
    this.editing = true;
  }

  async save() {
    this.errors = {};
    this.message = '';
    try {
      const r = await patch(`/${this.kind}/${this.itemId}`, editPatch(this.kind, this.values), this.etag);
      this.item = r.data;
      this.etag = r.etag;
      this.editing = false;
    } catch (e) {
      if (e.status === 412) {
        this.message = t('customers.changed');
      } else {
        this.errors = e.fields;
        this.message = Object.keys(e.fields).length ? t('form.fix') : e.message;
      }
    }
  }

  async reloadKeeping() {
    const r = await get(`/${this.kind}/${this.itemId}`);
    this.item = r.data;
    this.etag = r.etag;
    this.message = '';
  }

  editForm() {
    const o = {errors: this.errors};
    const edits = EDITS[this.kind];
    return html`<form class="card form-grid customer-edit" novalidate @submit=${(e) => { e.preventDefault(); this.save(); }}>
      <fieldset><legend>${t('form.edit')}</legend>
        ${edits.map(([name, key, opts = {}]) => field(t(key), name, this.values, {...o, ...opts,
          id: `edit-${name.replace(/\W/g, '-')}`}))}
      </fieldset>
      ${this.message ? html`<p class="form-error" role="alert" id="edit-message">${this.message}
        ${this.message === t('customers.changed') ? html`<button type="button" class="link"
          @click=${() => this.reloadKeeping()}>${t('conflict.reload')}</button>` : nothing}</p>` : nothing}
      <div class="form-actions">
        <button type="button" @click=${() => { this.editing = false; }}>${t('form.cancel')}</button>
        <button class="primary" type="submit" id="edit-save">${t('form.save')}</button>
      </div>
    </form>`;
  }

  willUpdate(changed) {
    if (changed.has('kind') || changed.has('itemId')) this.load();
  }

  async load() {
    this.item = null;
    this.related = {};
    this.notFound = false;
    try {
      const r = await get(`/${this.kind}/${encodeURIComponent(this.itemId)}`);
      this.item = r.data;
      this.etag = r.etag;
      this.editing = false;
    } catch (e) {
      this.notFound = true;
      return;
    }
    // the names of what it links to
    const one = async (path) => {
      try {
        return (await get(path)).data;
      } catch (e) {
        return null;
      }
    };
    const i = this.item;
    const [contact, account, lead] = await Promise.all([i.contactId ? one(`/contacts/${i.contactId}`) : null,
      i.accountId ? one(`/accounts/${i.accountId}`) : null, i.leadId ? one(`/leads/${i.leadId}`) : null]);
    this.related = {contact, account, lead};
  }

  render() {
    const k = KINDS[this.kind];
    if (this.notFound) {
      return html`<section class="page"><h1>${t('notFound.title')}</h1>
        <p class="notice" role="alert">${t('customers.notFound')}</p></section>`;
    }
    if (!this.item) return html`<p class="loading" role="status">${t('app.loading')}</p>`;
    return html`<article class="page customer ${this.kind}">
      <div class="page-head"><div><p class="sub">${t(k.one)}</p><h1>${k.name(this.item)}</h1></div>
        <div class="actions">
          ${this.editing || (this.kind === 'opportunities' && ['WON', 'LOST'].includes(this.item.stage)) ? nothing
            : html`<button id="edit" @click=${() => this.edit()}>${t('form.edit')}</button>`}
          <a class="button" href=${href(`/${this.kind}`)}>${t(k.title)}</a></div></div>
      ${this.editing ? this.editForm() : nothing}
      <section class="card data-section"><dl>${k.fields.map(([f, v]) => html`<div><dt>${t(f)}</dt>
        <dd>${v(this.item, this.related || {}) || html`<span class="empty">—</span>`}</dd></div>`)}</dl></section>
    </article>`;
  }
}
customElements.define('ll-customer-page', CustomerPage);

/** The recycle bin: deleted leads a tenant administrator can restore. */
class RecycleBin extends Element {
  static properties = {items: {state: true}, error: {state: true}, next: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load(cursor) {
    try {
      const {data} = await get(`/deleted-leads${query({limit: 50, cursor})}`);
      this.items = cursor ? [...this.items, ...data.items] : data.items;
      this.next = data.page.nextCursor;
      this.error = '';
    } catch (e) {
      this.items = [];
      this.error = e.status === 403 ? t('bin.forbidden') : e.message;
    }
  }

  async restore(id) {
    try {
      await post(`/deleted-leads/${id}/restore`);
      location.hash = `/leads/${id}`;
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    return html`<section class="page">
      <div class="page-head"><h1>${t('nav.bin')}</h1></div>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${!this.items ? html`<p role="status">${t('app.loading')}</p>` : html`<div class="table-wrap"><table class="leads">
        <caption class="sr-only">${t('nav.bin')}</caption>
        <thead><tr><th scope="col">${t('lead.name')}</th><th scope="col">${t('lead.company')}</th>
          <th scope="col">${t('bin.deletedAt')}</th><th scope="col"><span class="sr-only">${t('bin.restore')}</span></th></tr></thead>
        <tbody>${this.items.map((d) => {
          const lead = d.lead || d;
          return html`<tr><td>${personName(lead.person) || lead.lastName || d.id}</td><td>${lead.company?.name || ''}</td>
            <td>${fmt.dateTime(d.deletedAt)}</td>
            <td><button @click=${() => this.restore(lead.id || d.id)}
              aria-label="${t('bin.restore')}: ${personName(lead.person)}">${t('bin.restore')}</button></td></tr>`;
        })}</tbody></table></div>
        ${this.items.length === 0 ? html`<p class="empty">${t('bin.empty')}</p>` : nothing}
        ${this.next ? html`<button class="more" @click=${() => this.load(this.next)}>${t('list.more')}</button>` : nothing}`}
    </section>`;
  }
}
customElements.define('ll-recycle-bin', RecycleBin);
