import {html, nothing} from 'lit';
import {Element, field, enumOptions, navigate, href, ratingBadge, personName, dialog} from '../base.js';
import {t, label, fmt, stageName, processText} from '../i18n.js';
import {api, get, post, patch, del, query} from '../api.js';
import {loadUsers, userName, knownUsers} from '../users.js';
import {session} from '../session.js';
import {SOURCES, TIMEFRAMES, PURCHASE_PROCESSES, CONTACT_METHODS, CURRENCIES, MEDIA, DIRECTIONS} from '../enums.js';
import {SECTIONS, sectionValues, sectionPatch, show} from '../lead-sections.js';
import './lead-parties.js';

const KINDS = ['INTERACTION', 'NOTE', 'SOCIAL_POST', 'STAGE_CHANGE', 'RATING_CHANGE', 'AUDIT', 'RECOMMENDATION', 'MERGE'];

/** Lead fields a stage may require that are related facts (at least one entry), as the server names them. */
const FACTS = ['stakeholders', 'competitors', 'interactions'];

/** The lead page: header with rating, recommended actions, process bar, data, timeline, closing. */
class LeadPage extends Element {
  static properties = {
    leadId: {type: String}, lead: {state: true}, process: {state: true}, timeline: {state: true},
    notFound: {state: true}, editing: {state: true}, errors: {state: true}, modal: {state: true},
    processErrors: {state: true}, kind: {state: true}, message: {state: true}, result: {state: true},
    duplicates: {state: true}
  };

  constructor() {
    super();
    this.editing = null;
    this.errors = {};
    this.modal = null;
    this.kind = '';
    this.employee = '';
    this.timeline = {items: [], next: null};
    this.forms = {interaction: {medium: 'PHONE', direction: 'OUTBOUND'}, note: {}, post: {network: 'LinkedIn', author: 'LEAD'}};
  }

  willUpdate(changed) {
    if (changed.has('leadId')) {
      this.result = null;
      this.editing = null;
      this.load();
    }
  }

  /**
   * Loads the lead, the colleagues' names, the process and the first timeline entries at once (the
   * page's critical path is one round of parallel calls, not a chain), then the likely duplicates.
   */
  async load() {
    this.notFound = false;
    const parts = Promise.all([this.loadProcess(), this.loadTimeline()]);
    parts.catch(() => {});
    try {
      const [r] = await Promise.all([get(`/leads/${encodeURIComponent(this.leadId)}`), loadUsers()]);
      this.lead = r.data;
      this.etag = r.etag;
      document.title = `${personName(this.lead.person)} – Leadline`;
      await Promise.all([parts, this.loadDuplicates()]);
    } catch (e) {
      if (e.status === 404 || e.status === 400) this.notFound = true;
      else this.message = t('error.generic', {message: e.message});
    }
  }

  /** Likely duplicates of an open lead, to merge (GET /leads/{id}/duplicates). */
  async loadDuplicates() {
    this.duplicates = [];
    if (this.lead.status !== 'OPEN') return;
    try {
      this.duplicates = (await get(`/leads/${this.leadId}/duplicates`)).data.items;
    } catch (e) {
      this.duplicates = [];
    }
  }

  duplicatesView() {
    if (!this.duplicates || !this.duplicates.length) return nothing;
    return html`<details class="card notice duplicates-card" id="lead-duplicates">
      <summary id="lead-duplicates-title">${t('page.duplicates', {n: this.duplicates.length})}</summary>
      <ul class="duplicates">${this.duplicates.map((d) => html`<li>
        <a href=${href(`/leads/${d.id}`)}>${personName(d)}</a>
        <span class="sub">${[d.companyName, d.email].filter(Boolean).join(' · ')} —
          ${d.reasons.map((r) => label('duplicateReason', r)).join(', ')}</span>
        <a class="button merge-link" href=${href(`/leads/${this.leadId}/merge`, {with: d.id})}
          aria-label=${t('page.mergeWith', {name: personName(d)})}>${t('page.merge')}</a>
      </li>`)}</ul>
    </details>`;
  }

  async loadProcess() {
    try {
      this.process = (await get(`/leads/${this.leadId}/process`)).data;
    } catch (e) {
      this.process = null;
    }
  }

  async loadTimeline(cursor) {
    const {data} = await get(`/leads/${this.leadId}/timeline${query({kind: this.kind, employeeId: this.employee, limit: 20,
      cursor})}`);
    this.timeline = {items: cursor ? [...this.timeline.items, ...data.items] : data.items, next: data.page.nextCursor};
  }

  /** Runs a change; on success reloads what it affects; API problems are shown where they belong. */
  async act(fn, after = () => this.load()) {
    this.message = '';
    try {
      const out = await fn();
      await after(out);
      return out;
    } catch (e) {
      if (e.status === 412) {
        this.modal = {kind: 'conflict'};
      } else {
        this.message = e.message;
      }
      throw e;
    }
  }

  get readOnly() {
    return this.lead && this.lead.status !== 'OPEN';
  }

  render() {
    if (this.notFound) {
      return html`<section class="page"><h1>${t('notFound.title')}</h1>
        <p class="notice" role="alert">${t('page.notFound')}</p><p><a href="#/leads">${t('nav.leads')}</a></p></section>`;
    }
    if (!this.lead) return html`<p class="loading" role="status">${t('app.loading')}</p>`;
    const l = this.lead;
    return html`<article class="page lead-page">
      ${this.header(l)}
      ${this.message ? html`<p class="form-error" role="alert">${this.message}</p>` : nothing}
      ${l.status === 'QUALIFIED' ? this.converted(l) : nothing}
      ${l.status === 'OPEN' ? this.duplicatesView() : nothing}
      ${l.status === 'OPEN' ? this.recommendations(l) : nothing}
      ${this.processBar()}
      <div class="lead-columns">
        <div class="lead-data">${SECTIONS.map((s) => this.section(s))}
          <ll-lead-parties .leadId=${l.id} .readOnly=${this.readOnly} @changed=${() => this.loadTimeline()}></ll-lead-parties>
        </div>
        <div class="lead-side">${this.timelineView()}</div>
      </div>
      ${this.modalView()}
    </article>`;
  }

  header(l) {
    const s = l.scoring;
    return html`<header class="lead-header card">
      <div class="lead-title">
        <h1>${personName(l.person)}</h1>
        <p class="sub">${[l.person.jobTitle, l.company?.name].filter(Boolean).join(' · ')}
          ${l.topic ? html`— ${l.topic}` : nothing}</p>
        <p class="meta">
          <span class="status ${l.status.toLowerCase()}">${label('status', l.status)}</span>
          <span>${t('lead.owner')}: ${userName(l.ownerId)}</span>
          <span>${t('lead.source')}: ${label('source', l.origin?.source)}</span>
          <span>${t('lead.createdAt')}: ${fmt.date(l.createdAt)}</span>
        </p>
      </div>
      <div class="lead-rating" id="rating">
        ${ratingBadge(l.rating)}
        ${s ? html`<p class="score">${t('page.score', {score: fmt.number(s.score)})}</p>
          <details class="reasons"><summary>${t('page.why')}</summary>
            <ul>${s.reasons.map((r) => html`<li><span>${r.text}</span>
              <span class="points">${t('page.points', {points: fmt.number(r.points)})}</span></li>`)}</ul>
          </details>` : nothing}
      </div>
      <div class="lead-close">
        ${l.status === 'OPEN' ? html`
          <button class="primary" id="qualify" @click=${() => this.openQualify()}>${t('close.qualify')}</button>
          <button id="disqualify" @click=${() => this.openDisqualify()}>${t('close.disqualify')}</button>` : nothing}
        ${l.status === 'DISQUALIFIED' ? html`<button id="reopen" @click=${() => this.act(() =>
          post(`/leads/${l.id}/reopen`))}>${t('close.reopen')}</button>` : nothing}
        ${l.status !== 'QUALIFIED' ? html`<button class="danger" id="delete"
          @click=${() => { this.modal = {kind: 'delete'}; }}>${t('close.delete')}</button>` : nothing}
      </div>
    </header>`;
  }

  converted(l) {
    const c = l.conversion || {};
    return html`<section class="card notice converted" aria-labelledby="converted-title">
      <h2 id="converted-title">${t('page.readOnly')}</h2>
      <p>${t('qualify.done')}</p>
      <ul class="links">
        ${c.contactId ? html`<li><a href="#/contacts/${c.contactId}">${t('qualify.openContact')}</a></li>` : nothing}
        ${c.accountId ? html`<li><a href="#/accounts/${c.accountId}">${t('qualify.openAccount')}</a></li>` : nothing}
        ${c.opportunityId ? html`<li><a href="#/opportunities/${c.opportunityId}">${t('qualify.openOpportunity')}</a>
          </li>` : nothing}
      </ul>
    </section>`;
  }

  recommendations(l) {
    const recs = l.scoring?.recommendations || [];
    return html`<section class="card recommendations" aria-labelledby="rec-title">
      <h2 id="rec-title">${t('page.recommended')}</h2>
      ${recs.length === 0 ? html`<p class="empty">${t('page.noRecommendations')}</p>` : html`<ul>
        ${recs.map((r) => html`<li class="rec ${r.priority.toLowerCase()}">
          <div><strong>${r.text}</strong>
            <span class="sub">${t(`priority.${r.priority}`)}${r.dueBy ? html` · ${t('page.due', {date: fmt.date(r.dueBy)})}`
              : nothing}</span></div>
          <div class="rec-actions">
            <button @click=${() => this.decide(r, 'DONE')}>${t('page.done')}</button>
            <button @click=${() => { this.forms.dismiss = {comment: ''}; this.modal = {kind: 'dismiss', rec: r}; }}>
              ${t('page.dismiss')}</button>
          </div>
        </li>`)}</ul>`}
    </section>`;
  }

  decide(rec, state, comment) {
    return this.act(() => api('PATCH', `/leads/${this.leadId}/recommendations/${rec.recommendationId}`,
      {body: comment ? {state, comment} : {state}, headers: {'If-Match': '"0"'}}));
  }

  processBar() {
    const p = this.process;
    if (!p) return nothing;
    const idx = p.stages.findIndex((s) => s.current);
    const cur = p.stages[idx];
    const prev = idx > 0 ? p.stages[idx - 1] : null;
    const next = p.stages[idx + 1];
    const missing = this.processErrors || this.missingOf(cur);
    const text = (kind, n, s) => processText(p.process.id, cur.key, kind, n, s);
    return html`<section class="card process" aria-labelledby="process-title">
      <h2 id="process-title" class="sr-only">${t('process.title')}</h2>
      <ol class="stages">
        ${p.stages.map((s) => html`<li class="${s.current ? 'current' : s.reached ? 'reached' : ''}"
            aria-current=${s.current ? 'step' : 'false'}>
          ${s.current ? html`<span class="flag" aria-hidden="true">⚑</span>` : nothing}
          <span class="stage-name">${this.stageLabel(s.key)}</span>
          ${s.reached && s.timeSpentSeconds >= 60 ? html`<span class="stage-time">${fmt.duration(s.timeSpentSeconds)}</span>`
            : nothing}
          <span class="sr-only">${s.current ? t('process.current') : s.reached ? t('process.reached') : ''}</span>
        </li>`)}
      </ol>
      <div class="stage-detail">
        <div>
          <h3>${this.stageLabel(cur.key)} <span class="sub">${t('process.timeSpent', {time: fmt.duration(cur.timeSpentSeconds)})}</span></h3>
          ${cur.steps.length ? html`<h4>${t('process.steps')}</h4><ul class="steps">${cur.steps.map((s, i) =>
            html`<li>${text('step', i, s)}</li>`)}</ul>` : nothing}
        </div>
        <div>
          ${(cur.requiredFields || []).length ? html`<h4>${t('process.required')}</h4><ul class="checks">
            ${cur.requiredFields.map((f) => html`<li class=${f.done ? 'done' : 'missing'}>
              <span aria-hidden="true">${f.done ? '✓' : '○'}</span> ${t(f.field)}
              <span class="sr-only">${f.done ? t('process.reached') : ''}</span></li>`)}</ul>` : nothing}
          ${(cur.checklist || []).length ? html`<h4>${t('process.checklist')}</h4><ul class="checks">
            ${cur.checklist.map((c, i) => html`<li class=${c.done ? 'done' : 'missing'}>
              <input type="checkbox" id="check-${i}" .checked=${c.done} ?disabled=${this.readOnly}
                @change=${(e) => this.act(() => post(`/leads/${this.leadId}/process/checklist`,
                  {stage: cur.key, item: c.item, done: e.target.checked}), () => this.afterProcess())}>
              <label for="check-${i}">${text('checklist', i, c.item)}</label></li>`)}</ul>` : nothing}
        </div>
        <div class="stage-move">
          ${this.readOnly ? nothing : missing && missing.length ? html`<div class="missing-box" role="status" id="stage-missing">
            <h4>${t('process.missing')}</h4>
            <ul>${missing.map((m) => html`<li>${m.label ? html`<strong>${m.label}</strong>: ` : nothing}${m.reason}</li>`)}</ul></div>`
            : next ? html`<p class="ok">${t('process.complete')}</p>` : html`<p>${t('process.lastStage')}</p>`}
          ${this.readOnly ? nothing : html`
            ${next ? html`<button class="primary" id="next-stage" @click=${() => this.move(next.key)}>
              ${t('process.next', {name: this.stageLabel(next.key)})}</button>` : nothing}
            ${prev ? html`<button id="previous-stage" @click=${() => this.move(prev.key)}>
              ${t('process.back', {name: this.stageLabel(prev.key)})}</button>` : nothing}`}
        </div>
      </div>
    </section>`;
  }

  /**
   * What a stage still lacks, in the UI's language: its required fields not filled and its checklist
   * items not ticked (the stage's own lists; the API's missing says the same in English).
   */
  missingOf(stage) {
    const p = this.process;
    const name = this.stageLabel(stage.key);
    const fields = (stage.requiredFields || []).filter((f) => !f.done).map((f) => ({label: t(f.field),
      reason: t(FACTS.includes(f.field) ? 'process.missingFact' : 'process.missingField', {stage: name})}));
    const items = (stage.checklist || []).map((c, i) => ({c, i})).filter(({c}) => !c.done).map(({c, i}) =>
      ({reason: t('process.missingItem', {item: processText(p.process.id, stage.key, 'checklist', i, c.item)})}));
    return [...fields, ...items];
  }

  /** A stage's name in the UI's language (the built-in process) or as the lead's process names it. */
  stageLabel(key) {
    const p = this.process;
    const stage = p && p.stages.find((s) => s.key === key);
    return p ? stageName(p.process.id, key, stage ? stage.name : key) : key;
  }

  async move(stage) {
    this.processErrors = null;
    try {
      this.process = (await post(`/leads/${this.leadId}/process/stage`, {stage})).data;
      await this.afterProcess();
    } catch (e) {
      if (e.status === 422) await this.refused(e);
      else this.message = e.message;
    }
  }

  /**
   * A move the server refused (422): what the stage lacks as the server sees it now, in the UI's
   * language; the problem's own texts when they are not the stage's requirements.
   */
  async refused(e) {
    await this.loadProcess();
    const cur = this.process && this.process.stages.find((s) => s.current);
    const missing = cur ? this.missingOf(cur) : [];
    this.processErrors = missing.length ? missing : (e.problem.errors || [{field: 'stage', reason: e.message}])
      .map((m) => ({label: t(m.field) === m.field ? '' : t(m.field), reason: m.reason}));
  }

  async afterProcess() {
    this.processErrors = null;
    await this.load();
  }

  section(s) {
    const editing = this.editing && this.editing.key === s.key;
    const l = this.lead;
    return html`<section class="card data-section" aria-labelledby="sec-${s.key}">
      <div class="section-head">
        <h2 id="sec-${s.key}">${t(s.title)}</h2>
        ${!editing && !this.readOnly ? html`<button class="link" id="edit-${s.key}"
          aria-label="${t('form.edit')}: ${t(s.title)}"
          @click=${() => { this.errors = {}; this.editing = {key: s.key, values: sectionValues(s, l)}; }}>
          ${t('form.edit')}</button>` : nothing}
      </div>
      ${editing ? html`<form novalidate @submit=${(e) => { e.preventDefault(); this.save(s); }}>
        ${s.fields.map((f) => field(t(f.label), f.path, this.editing.values, {errors: this.errors,
          id: `edit-${f.path.replace(/\./g, '-')}`, type: f.type, rows: f.rows, step: f.step,
          required: f.required, options: f.options && (f.options === 'currency' ? f.values().map((c) => [c, c])
            : enumOptions(f.options, f.values(), f.required ? undefined : '—'))}))}
        <div class="form-actions">
          <button type="button" @click=${() => { this.editing = null; this.errors = {}; }}>${t('form.cancel')}</button>
          <button class="primary" type="submit">${t('form.save')}</button>
        </div>
      </form>` : html`<dl>${s.fields.map((f) => html`<div><dt>${t(f.label)}</dt>
        <dd>${show(f, l) || html`<span class="empty">—</span>`}</dd></div>`)}</dl>`}
    </section>`;
  }

  async save(s) {
    this.errors = {};
    try {
      const r = await patch(`/leads/${this.leadId}`, sectionPatch(s, this.editing.values), this.etag);
      this.lead = r.data;
      this.etag = r.etag;
      this.editing = null;
      await Promise.all([this.loadProcess(), this.loadTimeline(), this.loadDuplicates()]);
    } catch (e) {
      if (e.status === 412) this.modal = {kind: 'conflict'};
      else {
        this.errors = e.fields;
        if (!Object.keys(e.fields).length) this.message = e.message;
      }
    }
  }

  /** After a 412: the lead as it is now, the open form keeping what the user typed. */
  async reloadKeepingInput() {
    const keep = this.editing;
    this.modal = null;
    const r = await get(`/leads/${this.leadId}`);
    this.lead = r.data;
    this.etag = r.etag;
    this.editing = keep;
    await this.loadTimeline();
  }

  timelineView() {
    const i = this.forms.interaction;
    const n = this.forms.note;
    return html`<section class="card timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">${t('timeline.title')}</h2>
        <div class="field inline"><label for="timeline-kind">${t('timeline.filter')}</label>
          <select id="timeline-kind" @change=${(e) => { this.kind = e.target.value; this.loadTimeline(); }}>
            <option value="">${t('timeline.all')}</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(`kind.${k}`)}</option>`)}
          </select>
          <label for="timeline-employee" class="sr-only">${t('timeline.employee')}</label>
          <select id="timeline-employee" @change=${(e) => { this.employee = e.target.value; this.loadTimeline(); }}>
            <option value="">${t('timeline.everyone')}</option>
            <option value="me" ?selected=${this.employee === 'me'}>${t('timeline.mine')}</option>
            ${knownUsers().filter((u) => u.id !== session.user?.id).map((u) => html`<option value=${u.id}
              ?selected=${this.employee === u.id}>${t('timeline.by', {name: u.displayName})}</option>`)}
          </select></div>
      </div>
      ${this.readOnly ? nothing : html`<details class="compose">
        <summary>${t('log.title')}</summary>
        <form novalidate @submit=${(e) => { e.preventDefault(); this.logInteraction(); }}>
          <div class="field-row">
            ${field(t('log.medium'), 'medium', i, {id: 'log-medium', options: enumOptions('medium', MEDIA),
              errors: this.errors})}
            ${field(t('log.direction'), 'direction', i, {id: 'log-direction',
              options: enumOptions('direction', DIRECTIONS), errors: this.errors})}
          </div>
          ${field(t('log.purpose'), 'purpose', i, {id: 'log-purpose', errors: this.errors})}
          ${field(t('log.content'), 'content.text', i, {id: 'log-content', rows: 3, errors: this.errors})}
          <button class="primary" type="submit">${t('log.submit')}</button>
        </form>
      </details>
      <details class="compose">
        <summary>${t('note.title')}</summary>
        <form novalidate @submit=${(e) => { e.preventDefault(); this.addNote(); }}>
          ${field(t('note.text'), 'text', n, {id: 'note-text', rows: 3, errors: this.errors})}
          <button class="primary" type="submit">${t('note.submit')}</button>
        </form>
      </details>
      <details class="compose">
        <summary>${t('post.title')}</summary>
        <form novalidate @submit=${(e) => { e.preventDefault(); this.addPost(); }}>
          <div class="field-row">
            ${field(t('post.network'), 'network', this.forms.post, {id: 'post-network', required: true, errors: this.errors})}
            ${field(t('post.author'), 'author', this.forms.post, {id: 'post-author', errors: this.errors,
              options: [['LEAD', t('post.byLead')], ['me', t('post.byMe')]]})}
          </div>
          ${field(t('post.url'), 'url', this.forms.post, {id: 'post-url', type: 'url', errors: this.errors})}
          ${field(t('post.text'), 'text', this.forms.post, {id: 'post-text', rows: 3, errors: this.errors})}
          <button class="primary" type="submit">${t('post.submit')}</button>
        </form>
      </details>`}
      ${this.timeline.items.length === 0 ? html`<p class="empty">${t('timeline.empty')}</p>` : html`
        <ol class="entries">${this.timeline.items.map((e) => this.entry(e))}</ol>`}
      ${this.timeline.next ? html`<button class="more" @click=${() => this.loadTimeline(this.timeline.next)}>
        ${t('timeline.more')}</button>` : nothing}
    </section>`;
  }

  entry(e) {
    const it = e.item || {};
    let title;
    let body = nothing;
    switch (e.kind) {
      case 'INTERACTION':
        title = t('entry.interaction', {medium: label('medium', it.medium), direction: label('direction', it.direction)});
        body = html`${it.purpose ? html`<p><strong>${it.purpose}</strong></p>` : nothing}
          ${it.content?.text ? html`<p class="text">${it.content.text}</p>` : nothing}`;
        break;
      case 'NOTE':
        title = t('entry.note');
        body = this.noteBody(it);
        break;
      case 'SOCIAL_POST':
        title = t('entry.post', {network: it.network || ''});
        body = html`${it.text ? html`<p class="text">${it.text}</p>` : nothing}
          ${it.url ? html`<p><a href=${it.url} rel="noopener noreferrer" target="_blank">${it.url}</a></p>` : nothing}`;
        break;
      case 'STAGE_CHANGE':
        title = t('entry.stage', {from: it.from ? this.stageLabel(it.from) : '—', to: this.stageLabel(it.to)});
        break;
      case 'RATING_CHANGE':
        title = t('entry.rating', {from: label('rating', it.from) || '—', to: label('rating', it.to) || '—'});
        break;
      case 'RECOMMENDATION':
        title = t('entry.recommendation', {state: label('state', it.state), text: it.text});
        body = it.comment ? html`<p class="text">${it.comment}</p>` : nothing;
        break;
      case 'AUDIT':
        if (it.change === 'CREATED') {
          title = t('entry.created');
        } else {
          title = t(`entry.audit.${it.change}`);
          body = html`<ul class="changes">${(it.changes || []).map((c) => html`<li>
            ${t('entry.audit', {field: t(c.field), from: this.auditValue(c.field, c.from), to: this.auditValue(c.field, c.to)})}
            </li>`)}</ul>`;
        }
        break;
      default:
        title = t(`kind.${e.kind}`);
    }
    return html`<li class="entry ${e.kind.toLowerCase()}">
      <div class="entry-head"><span class="entry-title">${title}</span>
        <time datetime=${e.occurredAt}>${fmt.dateTime(e.occurredAt)}</time></div>
      ${e.employeeId ? html`<p class="sub">${userName(e.employeeId)}</p>` : nothing}
      ${body}
    </li>`;
  }

  /** A note: its text, edited in place (PATCH with its version), and its earlier texts (the API's history). */
  noteBody(n) {
    const editing = this.noteEdit && this.noteEdit.id === n.id;
    const history = this.noteHistory && this.noteHistory.id === n.id ? this.noteHistory.items : null;
    return html`${editing ? html`<form class="note-edit" novalidate @submit=${(e) => { e.preventDefault(); this.saveNote(n); }}>
        ${field(t('note.text'), 'text', this.noteEdit, {id: `note-edit-${n.id}`, rows: 3, errors: this.noteEdit.errors})}
        <div class="form-actions"><button type="button" @click=${() => { this.noteEdit = null; this.requestUpdate(); }}>
          ${t('form.cancel')}</button><button class="primary" type="submit">${t('form.save')}</button></div>
      </form>` : html`<p class="text">${n.text}</p>`}
      <p class="note-tools">
        ${!editing && !this.readOnly && n.id ? html`<button class="link" @click=${() => {
          this.noteEdit = {id: n.id, text: n.text, errors: {}}; this.requestUpdate(); }}
          aria-label=${t('note.editLabel')}>${t('form.edit')}</button>` : nothing}
        ${n.revisions > 0 ? html`<button class="link" aria-expanded=${history ? 'true' : 'false'}
          @click=${() => this.toggleNoteHistory(n)}>${t('note.history', {n: n.revisions})}</button>` : nothing}
      </p>
      ${history ? html`<ol class="note-history" aria-label=${t('note.history', {n: n.revisions})}>
        ${history.map((r) => html`<li><p class="text">${r.text}</p><p class="sub">${t('note.revision', {
          who: userName(r.writtenBy), when: fmt.dateTime(r.writtenAt), by: userName(r.replacedBy),
          replaced: fmt.dateTime(r.replacedAt)})}</p></li>`)}</ol>` : nothing}`;
  }

  async saveNote(n) {
    try {
      await patch(`/leads/${this.leadId}/notes/${n.id}`, {text: this.noteEdit.text}, `"${n.version}"`);
      this.noteEdit = null;
      this.noteHistory = null;
      await this.loadTimeline();
    } catch (e) {
      if (e.status === 412) {
        this.noteEdit = {...this.noteEdit, errors: {text: t('note.changed')}};
        await this.loadTimeline();
      } else {
        this.noteEdit = {...this.noteEdit, errors: Object.keys(e.fields).length ? e.fields : {text: e.message}};
      }
      this.requestUpdate();
    }
  }

  async toggleNoteHistory(n) {
    if (this.noteHistory && this.noteHistory.id === n.id) {
      this.noteHistory = null;
    } else {
      const {data} = await get(`/leads/${this.leadId}/notes/${n.id}/history?limit=50`);
      this.noteHistory = {id: n.id, items: data.items};
    }
    this.requestUpdate();
  }

  /** An audited value as the reader knows it: enum labels, yes/no. */
  auditValue(field, value) {
    if (value === null || value === undefined || value === '') return '—';
    const group = {'origin.source': 'source', 'qualification.purchaseTimeframe': 'timeframe', status: 'status',
      'qualification.purchaseProcess': 'purchaseProcess', 'person.preferredContactMethod': 'contactMethod'}[field];
    if (group) return label(group, value);
    if (value === 'true') return t('form.yes');
    if (value === 'false') return t('form.no');
    return value;
  }

  async logInteraction() {
    const i = this.forms.interaction;
    const body = {medium: i.medium, direction: i.direction};
    if (i.purpose) body.purpose = i.purpose;
    if (i['content.text']) body.content = {text: i['content.text']};
    this.errors = {};
    try {
      await post(`/leads/${this.leadId}/interactions`, body);
      this.forms.interaction = {medium: 'PHONE', direction: 'OUTBOUND'};
      this.querySelectorAll('details.compose').forEach((d) => { d.open = false; });
      await this.loadTimeline();
    } catch (e) {
      this.errors = e.fields;
      if (!Object.keys(e.fields).length) this.message = e.message;
    }
  }

  async addNote() {
    this.errors = {};
    try {
      await post(`/leads/${this.leadId}/notes`, {text: this.forms.note.text || ''});
      this.forms.note = {};
      this.querySelectorAll('details.compose').forEach((d) => { d.open = false; });
      await this.loadTimeline();
    } catch (e) {
      this.errors = e.fields;
      if (!Object.keys(e.fields).length) this.message = e.message;
    }
  }

  async addPost() {
    const p = this.forms.post;
    const body = {network: p.network || '', author: p.author === 'me' ? session.user.id : 'LEAD',
      postedAt: new Date().toISOString()};
    if (p.url) body.url = p.url;
    if (p.text) body.text = p.text;
    this.errors = {};
    try {
      await post(`/leads/${this.leadId}/social-posts`, body);
      this.forms.post = {network: p.network, author: 'LEAD'};
      this.querySelectorAll('details.compose').forEach((d) => { d.open = false; });
      await this.loadTimeline();
    } catch (e) {
      this.errors = e.fields;
      if (!Object.keys(e.fields).length) this.message = e.message;
    }
  }

  async openQualify() {
    this.modal = {kind: 'qualify', preview: null};
    try {
      const {data} = await post(`/leads/${this.leadId}/qualify?dryRun=true`, {});
      this.modal = {kind: 'qualify', preview: data};
    } catch (e) {
      this.modal = {kind: 'qualify', veto: e.message};
    }
  }

  async qualify() {
    try {
      const {data} = await post(`/leads/${this.leadId}/qualify`, {});
      this.modal = null;
      this.result = data;
      await this.load();
    } catch (e) {
      this.modal = {kind: 'qualify', veto: e.message};
    }
  }

  async openDisqualify() {
    let reasons = [];
    try {
      reasons = (await get('/disqualification-reasons')).data.items;
    } catch (e) {
      reasons = [];
    }
    this.forms.disqualify = {reason: reasons[0] || 'NO_BUDGET', note: ''};
    this.modal = {kind: 'disqualify', reasons};
  }

  async disqualify() {
    const f = this.forms.disqualify;
    this.errors = {};
    try {
      await post(`/leads/${this.leadId}/disqualify`, f.note ? {reason: f.reason, note: f.note} : {reason: f.reason});
      this.modal = null;
      await this.load();
    } catch (e) {
      this.errors = e.fields;
      this.modal = {...this.modal, error: Object.keys(e.fields).length ? '' : e.message};
    }
  }

  async deleteLead() {
    try {
      await del(`/leads/${this.leadId}`, this.etag);
      this.modal = null;
      navigate('/leads', {deleted: '1'});
    } catch (e) {
      if (e.status === 412) this.modal = {kind: 'conflict'};
      else this.modal = {kind: 'delete', error: e.message};
    }
  }

  modalView() {
    const m = this.modal;
    if (!m) return nothing;
    const close = () => { this.modal = null; };
    if (m.kind === 'conflict') {
      return dialog(t('conflict.title'), html`<p>${t('conflict.text')}</p>
        <div class="dialog-actions">
          <button @click=${close}>${t('conflict.cancel')}</button>
          <button class="primary" id="conflict-reload" @click=${() => this.reloadKeepingInput()}>
            ${t('conflict.reload')}</button>
        </div>`, close, 'conflict');
    }
    if (m.kind === 'delete') {
      return dialog(t('delete.title'), html`<p>${t('delete.text')}</p>
        ${m.error ? html`<p class="form-error" role="alert">${m.error}</p>` : nothing}
        <div class="dialog-actions">
          <button @click=${close}>${t('form.cancel')}</button>
          <button class="danger" id="delete-confirm" @click=${() => this.deleteLead()}>${t('delete.confirm')}</button>
        </div>`, close, 'delete-dialog');
    }
    if (m.kind === 'dismiss') {
      const f = this.forms.dismiss;
      return dialog(t('page.dismissTitle'), html`<p><strong>${m.rec.text}</strong></p>
        <form @submit=${async (e) => { e.preventDefault(); await this.decide(m.rec, 'DISMISSED', f.comment); close(); }}>
          ${field(t('page.comment'), 'comment', f, {id: 'dismiss-comment', rows: 3})}
          <div class="dialog-actions">
            <button type="button" @click=${close}>${t('form.cancel')}</button>
            <button class="primary" type="submit">${t('page.dismiss')}</button>
          </div>
        </form>`, close, 'dismiss');
    }
    if (m.kind === 'disqualify') {
      const f = this.forms.disqualify;
      const options = (m.reasons.length ? m.reasons : ['LOST', 'NO_BUDGET', 'CANNOT_CONTACT', 'NO_LONGER_INTERESTED',
        'CANCELLED']).map((r) => [r, label('reason', r)]);
      return dialog(t('disqualify.title'), html`<form novalidate @submit=${(e) => { e.preventDefault(); this.disqualify(); }}>
          ${field(t('disqualify.reason'), 'reason', f, {id: 'disqualify-reason', options, errors: this.errors})}
          ${field(t('disqualify.note'), 'note', f, {id: 'disqualify-note', rows: 3, errors: this.errors})}
          ${m.error ? html`<p class="form-error" role="alert">${m.error}</p>` : nothing}
          <div class="dialog-actions">
            <button type="button" @click=${close}>${t('form.cancel')}</button>
            <button class="primary" id="disqualify-confirm" type="submit">${t('disqualify.confirm')}</button>
          </div>
        </form>`, close, 'disqualify-dialog');
    }
    if (m.kind === 'qualify') {
      const p = m.preview;
      const part = (name, x) => html`<li><strong>${t(`qualify.${name}`)}</strong>:
        ${x ? t(`qualify.action.${x.action}`, {by: x.matchedBy || ''}) : t('qualify.noAccount')}</li>`;
      return dialog(t('qualify.title'), html`
        ${m.veto ? html`<p class="form-error" role="alert">${t('qualify.vetoed', {reason: m.veto})}</p>` : nothing}
        ${p ? html`<p>${t('qualify.preview')}</p><ul class="preview" id="qualify-preview">
          ${part('contact', p.contact)}${part('account', p.account)}
          <li><strong>${t('qualify.opportunity')}</strong>: ${p.opportunity.topic || ''} —
            ${t('qualify.action.CREATED')}</li></ul>` : !m.veto ? html`<p role="status">${t('app.loading')}</p>` : nothing}
        <div class="dialog-actions">
          <button @click=${close}>${t('form.cancel')}</button>
          <button class="primary" id="qualify-confirm" ?disabled=${!p} @click=${() => this.qualify()}>
            ${t('qualify.confirm')}</button>
        </div>`, close, 'qualify-dialog');
    }
    return nothing;
  }
}
customElements.define('ll-lead-page', LeadPage);
