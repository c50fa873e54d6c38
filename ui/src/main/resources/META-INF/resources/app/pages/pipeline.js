// The opportunity pipeline: a column per stage; a card moves by dragging it to another column or,
// from the keyboard, with its "move to" menu. WON and LOST close the opportunity (win, lose) after a
// dialog asks for the reason (optional; the API's closing reason).
import {html, nothing} from 'lit';
import {Element, href, dialog, field} from '../base.js';
import {t, label, fmt} from '../i18n.js';
import {api, get, post, query} from '../api.js';

const STAGES = ['PROSPECTING', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];
const CLOSED = ['WON', 'LOST'];

class Pipeline extends Element {
  static properties = {items: {state: true}, error: {state: true}, next: {state: true}, over: {state: true},
    closing: {state: true}};

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

  /** Moves an opportunity to a stage: won and lost ask for the reason first, the others change its stage. */
  async move(o, stage) {
    if (o.stage === stage) return;
    if (CLOSED.includes(stage)) {
      this.closing = {o, stage, values: {reason: ''}, errors: {}};
      return;
    }
    this.error = '';
    try {
      const etag = `"${o.version}"`;
      const r = await api('PATCH', `/opportunities/${o.id}`, {body: {stage}, contentType: 'application/merge-patch+json',
            headers: {'If-Match': etag}});
      this.items = this.items.map((x) => (x.id === o.id ? r.data : x));
    } catch (e) {
      this.error = e.status === 412 ? t('pipeline.changed') : e.message;
      await this.load();
    }
  }

  /** Wins or loses the opportunity of the closing dialog, with its reason when one was given. */
  async close() {
    const {o, stage, values} = this.closing;
    const reason = values.reason.trim();
    try {
      const r = await post(`/opportunities/${o.id}/${stage === 'WON' ? 'win' : 'lose'}`, reason ? {reason} : {},
        {headers: {'If-Match': `"${o.version}"`}});
      this.items = this.items.map((x) => (x.id === o.id ? r.data : x));
      this.closing = null;
    } catch (e) {
      if (e.fields.reason) {
        this.closing = {...this.closing, errors: {reason: e.fields.reason}};
        return;
      }
      this.closing = null;
      this.error = e.status === 412 ? t('pipeline.changed') : e.message;
      await this.load();
    }
  }

  /** Leaves the closing dialog without closing: the card's menu shows its stage again. */
  cancelClosing() {
    const o = this.closing && this.closing.o;
    this.closing = null;
    const select = o && this.querySelector(`#move-${o.id}`);
    if (select) {
      select.value = o.stage;
      select.focus();
    }
  }

  closingDialog() {
    const c = this.closing;
    if (!c) return nothing;
    const won = c.stage === 'WON';
    return dialog(t(won ? 'pipeline.winTitle' : 'pipeline.loseTitle', {name: c.o.topic}), html`
      <form novalidate @submit=${(e) => { e.preventDefault(); this.close(); }}>
        ${field(t(won ? 'pipeline.winReason' : 'pipeline.loseReason'), 'reason', c.values,
          {id: 'close-reason', rows: 3, errors: c.errors})}
        <div class="dialog-actions">
          <button type="button" @click=${() => this.cancelClosing()}>${t('form.cancel')}</button>
          <button class="primary" id="close-confirm" type="submit">${t(won ? 'pipeline.win' : 'pipeline.lose')}</button>
        </div>
      </form>`, () => { if (this.closing) this.cancelClosing(); }, 'closing-dialog');
  }

  card(o) {
    const closed = CLOSED.includes(o.stage);
    return html`<li class="deal" draggable=${closed ? 'false' : 'true'} data-id=${o.id}
        @dragstart=${(e) => { e.dataTransfer.setData('text/plain', o.id); e.dataTransfer.effectAllowed = 'move'; }}>
      <a href=${href(`/opportunities/${o.id}`)}>${o.topic}</a>
      <span class="sub">${fmt.money(o.estimatedValue)}${o.expectedCloseDate ? html` · ${fmt.date(o.expectedCloseDate)}` : nothing}</span>
      ${closed && o.closeReason ? html`<span class="sub close-reason">${o.closeReason}</span>` : nothing}
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
      ${this.closingDialog()}
    </section>`;
  }
}
customElements.define('ll-pipeline', Pipeline);
