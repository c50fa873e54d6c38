import {html, nothing} from 'lit';
import {Element, href, navigate, enumOptions, ratingBadge, personName} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {get, query, apiUrl} from '../api.js';
import {loadUsers, userName, knownUsers} from '../users.js';
import {session} from '../session.js';
import {STATUSES, SOURCES, RATINGS, SORTS} from '../enums.js';

/** The filters a list starts with: the seller's own open leads, newest first. */
const DEFAULTS = {status: 'OPEN', owner: 'me', source: '', rating: '', q: '', sort: '-createdAt'};

class LeadList extends Element {
  static properties = {params: {type: Object}, items: {state: true}, next: {state: true}, error: {state: true},
    loading: {state: true}};

  constructor() {
    super();
    this.items = [];
    this.params = {};
  }

  /** The filters of the current address (#/leads?status=…), defaults for what it leaves out. */
  filters() {
    const f = {...DEFAULTS};
    for (const k of Object.keys(DEFAULTS)) if (this.params[k] !== undefined) f[k] = this.params[k];
    return f;
  }

  /** The API's query parameters for the filters. */
  apiParams(f) {
    const any = (v) => (v === 'any' ? '' : v);
    return {status: any(f.status), ownerId: f.owner === 'all' ? '' : f.owner, source: any(f.source),
      rating: any(f.rating), q: f.q.trim(), sort: f.sort};
  }

  willUpdate(changed) {
    if (changed.has('params')) this.load();
  }

  async load(cursor) {
    this.loading = true;
    this.error = '';
    try {
      await loadUsers();
      const {data} = await get(`/leads${query({...this.apiParams(this.filters()), limit: 25, cursor})}`);
      this.items = cursor ? [...this.items, ...data.items] : data.items;
      this.next = data.page.nextCursor;
    } catch (e) {
      this.error = e.message;
      if (!cursor) this.items = [];
    } finally {
      this.loading = false;
    }
  }

  change(name, value) {
    const f = {...this.filters(), [name]: value};
    const shown = {};
    for (const [k, v] of Object.entries(f)) if (v !== DEFAULTS[k]) shown[k] = v === '' ? 'any' : v;
    navigate('/leads', shown);
  }

  value(name) {
    const v = this.filters()[name];
    return v === 'any' ? '' : v;
  }

  select(name, options) {
    const id = `filter-${name}`;
    return html`<div class="field"><label for=${id}>${t(`list.${name}`)}</label>
      <select id=${id} @change=${(e) => this.change(name, e.target.value)}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === this.value(name)}>${l}</option>`)}
      </select></div>`;
  }

  render() {
    const f = this.filters();
    const owners = [['me', t('list.ownerMe')], ['all', t('list.ownerAll')],
      ...knownUsers().filter((u) => u.id !== session.user.id).map((u) => [u.id, u.displayName || u.username])];
    const exportParams = this.apiParams({...f, status: this.value('status'), source: this.value('source'),
      rating: this.value('rating')});
    return html`<section class="page lead-list">
      <div class="page-head">
        <h1>${t('list.title')}</h1>
        <div class="actions">
          <a class="button" href=${apiUrl(`/leads/export${query(exportParams)}`)} download="leads.csv">
            ${t('list.export')}</a>
          <a class="button primary" href="#/leads/new">${t('list.new')}</a>
        </div>
      </div>
      <form class="filters" role="search" @submit=${(e) => { e.preventDefault();
        this.change('q', this.querySelector('#filter-q').value); }}>
        <div class="field search"><label for="filter-q">${t('list.search')}</label>
          <input id="filter-q" type="search" .value=${f.q} placeholder=${t('list.searchHint')}></div>
        ${this.select('status', enumOptions('status', STATUSES, t('list.any')))}
        ${this.select('owner', owners)}
        ${this.select('source', enumOptions('source', SOURCES, t('list.any')))}
        ${this.select('rating', enumOptions('rating', RATINGS, t('list.any')))}
        ${this.select('sort', SORTS.map((s) => [s, t(`sort.${s}`)]))}
        <button type="submit" class="primary">${t('list.searchButton')}</button>
      </form>
      ${this.params.deleted ? html`<p class="notice card" role="status">${t('deleted.text')}
        ${(session.user.roles || []).includes('TENANT_ADMIN') ? html`<a href="#/recycle-bin">${t('nav.bin')}</a>` : nothing}
        </p>` : nothing}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <div class="table-wrap">
      <table class="leads">
        <caption class="sr-only">${t('list.title')}</caption>
        <thead><tr>
          <th scope="col">${t('lead.name')}</th><th scope="col">${t('lead.company')}</th>
          <th scope="col">${t('lead.rating')}</th><th scope="col">${t('lead.status')}</th>
          <th scope="col">${t('lead.source')}</th><th scope="col">${t('lead.owner')}</th>
          <th scope="col">${t('lead.createdAt')}</th>
        </tr></thead>
        <tbody>
          ${this.items.map((l) => html`<tr>
            <td><a href=${href(`/leads/${l.id}`)}>${personName(l.person)}</a>
              ${l.topic ? html`<div class="sub">${l.topic}</div>` : nothing}</td>
            <td>${l.company?.name || ''}</td>
            <td>${ratingBadge(l.rating, l.score)}</td>
            <td>${label('status', l.status)}</td>
            <td>${label('source', l.origin?.source)}</td>
            <td>${userName(l.ownerId)}</td>
            <td>${fmt.date(l.createdAt)}</td>
          </tr>`)}
        </tbody>
      </table>
      </div>
      ${!this.loading && this.items.length === 0 ? html`<p class="empty">${t('list.empty')}</p>` : nothing}
      <p class="list-foot" role="status">${this.loading ? t('app.loading') : t('list.count', {n: this.items.length})}</p>
      ${this.next ? html`<button class="more" @click=${() => this.load(this.next)}>${t('list.more')}</button>`
        : nothing}
    </section>`;
  }
}
customElements.define('ll-lead-list', LeadList);
