// What every page and widget shares: rendering into the page itself (no shadow DOM, so one
// stylesheet and the accessibility checks see everything) and re-rendering on a language switch.
import {LitElement, html, nothing} from 'lit';
import {ref} from 'lit/directives/ref.js';
import {t} from './i18n.js';

export class Element extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._relocalize = () => this.requestUpdate();
    window.addEventListener('ll-locale', this._relocalize);
  }

  disconnectedCallback() {
    window.removeEventListener('ll-locale', this._relocalize);
    super.disconnectedCallback();
  }
}

/** The route's hash for a path and query, e.g. href('/leads', {status: 'OPEN'}). */
export function href(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path, params) {
  location.hash = href(path, params).slice(1);
}

let ids = 0;
/** A unique id for label/control pairs. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** The error message of a field (from an API problem), shown under the control and tied to it. */
export function fieldError(errors, name, id) {
  const text = errors && errors[name];
  return text ? html`<p class="field-error" id="${id}-error" role="alert">${text}</p>` : nothing;
}

/**
 * A labelled input bound to a field: its value is read from and written to `values[name]`.
 * opts: type, required, options ([value, label]) for a select, rows for a textarea, errors, onInput, hint.
 */
export function field(label, name, values, opts = {}) {
  const id = opts.id || `fld-${name.replace(/\W/g, '-')}`;
  const value = values[name] ?? '';
  const invalid = !!(opts.errors && opts.errors[name]);
  const describedBy = invalid ? `${id}-error` : nothing;
  const set = (e) => {
    values[name] = e.target.type === 'checkbox' ? e.target.checked : e.target.value;
    if (opts.onInput) opts.onInput(name, values[name]);
  };
  let control;
  if (opts.options) {
    control = html`<select id=${id} name=${name} ?required=${opts.required} aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy} @change=${set}>
      ${opts.options.map(([v, l]) => html`<option value=${v} ?selected=${String(v) === String(value)}>${l}</option>`)}
    </select>`;
  } else if (opts.rows) {
    control = html`<textarea id=${id} name=${name} rows=${opts.rows} ?required=${opts.required}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${value}
        @input=${set}></textarea>`;
  } else if (opts.type === 'checkbox') {
    return html`<div class="field checkbox">
      <input id=${id} name=${name} type="checkbox" .checked=${!!values[name]} @change=${set}
          aria-describedby=${describedBy}>
      <label for=${id}>${label}</label>${fieldError(opts.errors, name, id)}</div>`;
  } else {
    control = html`<input id=${id} name=${name} type=${opts.type || 'text'} ?required=${opts.required}
        autocomplete=${opts.autocomplete || 'off'} step=${opts.step || nothing}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${String(value)}
        @input=${set}>`;
  }
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for=${id}>${label}${opts.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
    ${control}${fieldError(opts.errors, name, id)}</div>`;
}

/** Options of an enum, labelled from the bundle, with an empty first option when blank is given. */
export function enumOptions(group, values, blank) {
  const list = values.map((v) => [v, t(`${group}.${v}`)]);
  return blank === undefined ? list : [['', blank], ...list];
}

export function ratingBadge(rating, score) {
  if (!rating) return html`<span class="badge none">${t('rating.NONE')}</span>`;
  return html`<span class="badge ${rating.toLowerCase()}">${t(`rating.${rating}`)}${
    score !== undefined && score !== null ? html` <span class="score">${score}</span>` : nothing}</span>`;
}

export function personName(p) {
  if (!p) return '';
  return [p.firstName, p.lastName].filter(Boolean).join(' ');
}

/**
 * A modal dialog (the native <dialog>: focus stays inside, Escape closes it, focus returns to
 * where it was). onClose runs when it closes in any way.
 */
export function dialog(heading, body, onClose, id = 'dialog') {
  return html`<dialog class="modal" id=${id} aria-labelledby="${id}-title"
      ${ref((el) => { if (el) queueMicrotask(() => { if (el.isConnected && !el.open) el.showModal(); }); })}
      @close=${onClose}>
    <h2 id="${id}-title">${heading}</h2>
    ${body}
  </dialog>`;
}
