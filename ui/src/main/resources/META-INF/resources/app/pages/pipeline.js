// The opportunity pipeline: a column per stage; a card moves by dragging it to another column or,
// from the keyboard, with its "move to" menu. WON and LOST close the opportunity (win, lose).
import {html, nothing} from 'lit';
import {Element, href} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {api, get, post, query} from '../api.js';

const STAGES = ['PROSPECTING', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];
const CLOSED = ['WON', 'LOST'];

class Pipeline extends Element {
  static properties = {items: {state: true}, error: {state: true}, next: {state: true}, over: {state: true}};

  constructor() {
    super();
    this.items = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load(cursor) {
    try {
      const {data} = await get(`/opportunities${query({limit: 200, cursor})}`);
      this.items = cursor ? [...this.items, ...data.items] : data.items;
      this.next = data.page.nextCursor;
    } catch (e) {
      this.items = this.items || [];
      this.error = e.message;
    }
  }

  /** Moves an opportunity to a stage: won and lost close it, the others change its stage. */
  async move(o, stage) {
    if (o.stage === stage) return;
    this.error = '';
    try {
      const etag = `"${o.version}"`;
      const r = stage === 'WON' ? await post(`/opportunities/${o.id}/win`, {}, {headers: {'If-Match': etag}})
        : stage === 'LOST' ? await post(`/opportunities/${o.id}/lose`, {}, {headers: {'If-Match': etag}})
          : await api('PATCH', `/opportunities/${o.id}`, {body: {stage}, contentType: 'application/merge-patch+json',
            headers: {'If-Match': etag}});
      this.items = this.items.map((x) => (x.id === o.id ? r.data : x));
    } catch (e) {
      this.error = e.status === 412 ? t('pipeline.changed') : e.message;
      await this.load();
    }
  }

  card(o) {
    const closed = CLOSED.includes(o.stage);
    return html`<li class="deal" draggable=${closed ? 'false' : 'true'} data-id=${o.id}
        @dragstart=${(e) => { e.dataTransfer.setData('text/plain', o.id); e.dataTransfer.effectAllowed = 'move'; }}>
      <a href=${href(`/opportunities/${o.id}`)}>${o.topic}</a>
      <span class="sub">${fmt.money(o.estimatedValue)}${o.expectedCloseDate ? html` · ${fmt.date(o.expectedCloseDate)}` : nothing}</span>
      ${closed ? nothing : html`<label class="sr-only" for="move-${o.id}">${t('pipeline.moveTo', {name: o.topic})}</label>
        <select id="move-${o.id}" class="compact move" @change=${(e) => this.move(o, e.target.value)}>
          ${STAGES.map((s) => html`<option value=${s} ?selected=${s === o.stage}>${label('opportunityStage', s)}</option>`)}
        </select>`}
    </li>`;
  }

  render() {
    if (!this.items) return html`<p class="loading" role="status">${t('app.loading')}</p>`;
    return html`<section class="page pipeline">
      <div class="page-head"><h1>${t('nav.pipeline')}</h1></div>
      <p class="sub">${t('pipeline.hint')}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <div class="board">
        ${STAGES.map((s) => {
          const cards = this.items.filter((o) => o.stage === s);
          const total = cards.reduce((sum, o) => sum + (o.estimatedValue?.amount || 0), 0);
          const currency = cards.find((o) => o.estimatedValue)?.estimatedValue.currency;
          return html`<section class="column ${s.toLowerCase()} ${this.over === s ? 'over' : ''}" aria-labelledby="col-${s}"
              data-stage=${s}
              @dragover=${(e) => { e.preventDefault(); this.over = s; }}
              @dragleave=${() => { this.over = null; }}
              @drop=${(e) => { e.preventDefault(); this.over = null;
                const o = this.items.find((x) => x.id === e.dataTransfer.getData('text/plain'));
                if (o && !CLOSED.includes(o.stage)) this.move(o, s); }}>
            <h2 id="col-${s}">${label('opportunityStage', s)} <span class="count">${cards.length}</span></h2>
            ${currency ? html`<p class="sub total">${fmt.money({amount: total, currency})}</p>` : nothing}
            <ul>${cards.map((o) => this.card(o))}</ul>
          </section>`;
        })}
      </div>
      ${this.next ? html`<button class="more" @click=${() => this.load(this.next)}>${t('list.more')}</button>` : nothing}
    </section>`;
  }
}
customElements.define('ll-pipeline', Pipeline);
