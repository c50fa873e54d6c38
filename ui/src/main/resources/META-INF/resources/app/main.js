// The application: the shell (header, navigation, language, sign-out), the hash router and the
// session. Routes: #/sign-in, #/leads, #/leads/new, #/leads/<id>.
import {html, nothing} from 'lit';
import {Element, href, navigate} from './base.js';
import {t, initialLocale, setLocale, currentLocale, LOCALES} from './i18n.js';
import {api, get, whenUnauthenticated} from './api.js';
import {session} from './session.js';
import './pages/sign-in.js';
import './pages/lead-list.js';
import './pages/lead-new.js';
import './pages/lead-page.js';
import './pages/customers.js';
import './pages/pipeline.js';
import './pages/dashboard.js';
import './pages/capture.js';
import './pages/merge.js';

/** The current route from location.hash: {path, parts, params}. */
function route() {
  const raw = location.hash.replace(/^#/, '') || '/leads';
  const [path, q] = raw.split('?');
  return {path, parts: path.split('/').filter(Boolean), params: Object.fromEntries(new URLSearchParams(q || ''))};
}

class App extends Element {
  static properties = {route: {state: true}, ready: {state: true}};

  constructor() {
    super();
    this.ready = false;
    this.route = route();
  }

  async connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', () => this.onRoute());
    whenUnauthenticated(() => this.signInAgain());
    // the bundles and the session at once
    const me = get('/auth/me').then((r) => r.data, () => null);
    await setLocale(initialLocale());
    session.user = await me;
    this.ready = true;
    this.onRoute();
  }

  /** The session ended: sign in, then come back to where the user was. */
  signInAgain() {
    session.user = null;
    const here = location.hash.replace(/^#/, '');
    if (!here.startsWith('/sign-in')) navigate('/sign-in', {return: here});
  }

  onRoute() {
    this.route = route();
    if (!this.ready) return;
    if (!session.user && this.route.path !== '/sign-in') {
      this.signInAgain();
      return;
    }
    const main = this.querySelector('main');
    if (main) main.focus({preventScroll: true});
    window.scrollTo(0, 0);
  }

  async signOut() {
    try {
      await api('DELETE', '/auth/session');
    } finally {
      session.user = null;
      navigate('/sign-in');
    }
  }

  page() {
    const {parts, params} = this.route;
    if (parts[0] === 'sign-in') return html`<ll-sign-in .returnTo=${params.return || ''}></ll-sign-in>`;
    if (!session.user) return nothing;
    if (parts[0] === 'leads' && parts[1] === 'new') return html`<ll-lead-new></ll-lead-new>`;
    if (parts[0] === 'leads' && parts[1] && parts[2] === 'merge') {
      return html`<ll-merge .leadId=${parts[1]} .otherId=${params.with || ''}></ll-merge>`;
    }
    if (parts[0] === 'leads' && parts[1]) return html`<ll-lead-page .leadId=${parts[1]}></ll-lead-page>`;
    if (parts[0] === 'leads' || parts.length === 0) return html`<ll-lead-list .params=${params}></ll-lead-list>`;
    if (['contacts', 'accounts', 'opportunities'].includes(parts[0])) {
      return parts[1] ? html`<ll-customer-page .kind=${parts[0]} .itemId=${parts[1]}></ll-customer-page>`
        : html`<ll-customer-list .kind=${parts[0]}></ll-customer-list>`;
    }
    if (parts[0] === 'recycle-bin') return html`<ll-recycle-bin></ll-recycle-bin>`;
    if (parts[0] === 'pipeline') return html`<ll-pipeline></ll-pipeline>`;
    if (parts[0] === 'dashboard') return html`<ll-dashboard></ll-dashboard>`;
    if (parts[0] === 'capture') return html`<ll-capture></ll-capture>`;
    return html`<section class="page"><h1>${t('notFound.title')}</h1><p>${t('notFound.text')}</p></section>`;
  }

  render() {
    if (!this.ready) return html`<p class="loading" role="status">…</p>`;
    const user = session.user;
    const section = this.route.parts[0];
    return html`
      <a class="skip-link" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('main').focus(); }}>
        ${t('app.skip')}</a>
      <header class="app-header">
        <a class="brand" href="#/leads"><img src="app/favicon.svg" alt="" width="24" height="24"> Leadline</a>
        ${user ? html`<nav aria-label=${t('app.navigation')}>
          ${[['dashboard', 'nav.dashboard'], ['leads', 'nav.leads'], ['capture', 'nav.capture'], ['contacts', 'nav.contacts'], ['accounts', 'nav.accounts'],
            ['opportunities', 'nav.opportunities'], ['pipeline', 'nav.pipeline'], ...(user.roles || []).includes('TENANT_ADMIN')
              ? [['recycle-bin', 'nav.bin']] : []].map(([path, key]) => html`<a href="#/${path}"
              aria-current=${section === path ? 'page' : 'false'}>${t(key)}</a>`)}
        </nav>` : nothing}
        <div class="header-tools">
          <label class="sr-only" for="locale">${t('app.language')}</label>
          <select id="locale" class="compact" @change=${(e) => setLocale(e.target.value, true)}>
            ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === currentLocale()}>${t(`locale.${l}`)}</option>`)}
          </select>
          ${user ? html`<span class="user" title=${user.username}>${user.displayName || user.username}</span>
            <button class="link" @click=${() => this.signOut()}>${t('app.signOut')}</button>` : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">${this.page()}</main>`;
  }
}
customElements.define('ll-app', App);
