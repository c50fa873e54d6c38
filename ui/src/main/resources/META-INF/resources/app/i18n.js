// Message bundles (i18n/<locale>.json) and Intl formatting for the chosen locale.
// The locale comes from the user's choice (remembered in localStorage) or the browser's languages.

export const LOCALES = ['en', 'de'];
const STORE = 'leadline.locale';

let locale = 'en';
let messages = {};
let fallback = {};

async function bundle(name) {
  const res = await fetch(new URL(`../i18n/${name}.json`, import.meta.url));
  return res.json();
}

/** The locale to start with: the remembered choice, else the first supported browser language. */
export function initialLocale() {
  const stored = localStorage.getItem(STORE);
  if (LOCALES.includes(stored)) return stored;
  for (const lang of navigator.languages || [navigator.language]) {
    const base = String(lang).toLowerCase().split('-')[0];
    if (LOCALES.includes(base)) return base;
  }
  return 'en';
}

export async function setLocale(next, remember = false) {
  if (!LOCALES.includes(next)) next = 'en';
  const [en, chosen] = await Promise.all([Object.keys(fallback).length ? fallback : bundle('en'),
    next === 'en' ? null : bundle(next)]);
  fallback = en;
  messages = chosen || fallback;
  locale = next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem(STORE, next);
  window.dispatchEvent(new CustomEvent('ll-locale'));
}

export function currentLocale() {
  return locale;
}

/** The message for key, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** An enum value's label, e.g. t('source.TRADE_FAIR'); the value itself when there is none. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `${group}.${value}`;
  const text = messages[key] ?? fallback[key];
  return text ?? String(value);
}

/**
 * A process stage's name. The stages of the built-in sales process (plugin process-sales) are
 * translated by the bundles (stage.process-sales/sales.<key>); a stage of another process is shown
 * with the name its plugin gives.
 */
export function stageName(processId, key, name) {
  const k = `stage.${processId}.${key}`;
  return messages[k] ?? fallback[k] ?? name ?? key ?? '';
}

/**
 * A text of a process stage (kind 'step' or 'checklist', the n-th of the stage, from 0) in the UI's
 * language. The texts of the built-in sales process are in the bundles under
 * process.<processId>.<stageKey>.<kind>.<n>, the English one being the text the plugin gives; the
 * translation is used only while the plugin still gives that text, so a text the plugin changed or
 * moved, and every text of another process, is shown as its plugin gives it.
 */
export function processText(processId, stageKey, kind, n, text) {
  const k = `process.${processId}.${stageKey}.${kind}.${n}`;
  return fallback[k] === text ? messages[k] ?? text : text;
}

export const fmt = {
  date(iso) {
    return iso ? new Intl.DateTimeFormat(locale, {dateStyle: 'medium'}).format(new Date(iso)) : '';
  },
  /** Day and month only, e.g. for the weeks of a chart. */
  dayMonth(iso) {
    return iso ? new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'short'}).format(new Date(iso)) : '';
  },
  dateTime(iso) {
    return iso ? new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso)) : '';
  },
  number(n) {
    return n === null || n === undefined ? '' : new Intl.NumberFormat(locale).format(n);
  },
  money(m) {
    if (!m || m.amount === null || m.amount === undefined) return '';
    return new Intl.NumberFormat(locale, {style: 'currency', currency: m.currency || 'EUR'}).format(m.amount);
  },
  duration(seconds) {
    if (seconds === null || seconds === undefined) return '';
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor(seconds / 60);
    const rtf = new Intl.NumberFormat(locale, {style: 'unit', unitDisplay: 'long',
      unit: days >= 1 ? 'day' : hours >= 1 ? 'hour' : minutes >= 1 ? 'minute' : 'second'});
    return rtf.format(days >= 1 ? days : hours >= 1 ? hours : minutes >= 1 ? minutes : Math.max(0, Math.floor(seconds)));
  }
};
