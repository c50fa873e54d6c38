import {html, nothing} from 'lit';
import {Element, field, navigate} from '../base.js';
import {t} from '../i18n.js';
import {post} from '../api.js';
import {session} from '../session.js';

const TENANT = 'leadline.tenant';

class SignIn extends Element {
  static properties = {returnTo: {type: String}, errors: {state: true}, message: {state: true}, busy: {state: true}};

  constructor() {
    super();
    this.values = {tenant: localStorage.getItem(TENANT) || '', username: '', password: ''};
    this.errors = {};
    this.message = '';
  }

  async submit(e) {
    e.preventDefault();
    this.busy = true;
    this.errors = {};
    this.message = '';
    const body = {username: this.values.username, password: this.values.password};
    if (this.values.tenant.trim()) body.tenant = this.values.tenant.trim();
    try {
      const {data} = await post('/auth/session', body);
      session.user = data.user;
      localStorage.setItem(TENANT, this.values.tenant.trim());
      this.values.password = '';
      const back = this.returnTo && !this.returnTo.startsWith('/sign-in') ? this.returnTo : '/leads';
      location.hash = back;
    } catch (err) {
      this.errors = err.fields;
      this.message = err.status === 401 ? t('signIn.wrong')
        : err.status === 429 ? t('signIn.wait') : err.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section class="sign-in card">
      <h1>${t('signIn.title')}</h1>
      ${this.returnTo ? html`<p class="hint">${t('signIn.again')}</p>` : nothing}
      <form @submit=${(e) => this.submit(e)} novalidate>
        ${field(t('signIn.tenant'), 'tenant', this.values, {errors: this.errors, autocomplete: 'organization'})}
        ${field(t('signIn.username'), 'username', this.values, {errors: this.errors, required: true,
          autocomplete: 'username'})}
        ${field(t('signIn.password'), 'password', this.values, {errors: this.errors, required: true,
          type: 'password', autocomplete: 'current-password'})}
        ${this.message ? html`<p class="form-error" role="alert">${this.message}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('signIn.submit')}</button>
      </form>
    </section>`;
  }
}
customElements.define('ll-sign-in', SignIn);
