// The lead's data in sections, each shown as a list and edited in place as a form whose field
// names are the API's paths (person.email, qualification.budget.amount, …), so the API's field
// errors land next to the right control. Saving sends a JSON Merge Patch of the section.
import {label, fmt, t} from './i18n.js';
import {SOURCES, TIMEFRAMES, PURCHASE_PROCESSES, CONTACT_METHODS, CURRENCIES} from './enums.js';

const text = (path, lbl, extra = {}) => ({path, label: lbl || path, ...extra});
const choice = (path, group, values, extra = {}) => ({path, label: path, options: group, values: () => values, ...extra});

export const SECTIONS = [
  {key: 'contact', title: 'section.contact', fields: [
    text('person.salutation'), text('person.firstName'), text('person.lastName', null, {required: true}),
    text('person.jobTitle'), text('person.email', null, {type: 'email'}),
    text('person.businessPhone', null, {type: 'tel'}), text('person.mobilePhone', null, {type: 'tel'}),
    choice('person.preferredContactMethod', 'contactMethod', CONTACT_METHODS)]},
  {key: 'company', title: 'section.company', fields: [
    text('company.name'), text('company.website', null, {type: 'url'}), text('company.industry'),
    text('company.employees', null, {type: 'number', number: true}),
    text('company.address.city', 'company.city'), text('company.address.country', 'company.country')]},
  {key: 'origin', title: 'section.origin', fields: [
    choice('origin.source', 'source', SOURCES, {required: true}), text('origin.detail'), text('topic', 'lead.topic'),
    text('description', 'lead.description', {rows: 3})]},
  {key: 'qualification', title: 'section.qualification', fields: [
    text('qualification.budget.amount', 'qualification.budget', {type: 'number', step: '0.01', money: true}),
    choice('qualification.budget.currency', null, CURRENCIES, {label: 'qualification.currency', raw: true}),
    text('qualification.need', null, {rows: 3}),
    choice('qualification.purchaseTimeframe', 'timeframe', TIMEFRAMES),
    {path: 'qualification.decisionMaker', label: 'qualification.decisionMaker', type: 'checkbox', bool: true},
    text('qualification.decisionMakerName'),
    choice('qualification.purchaseProcess', 'purchaseProcess', PURCHASE_PROCESSES)]}
];
// a currency select shows the codes themselves
SECTIONS[3].fields[1].options = 'currency';

function at(obj, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

function put(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  keys.slice(0, -1).forEach((k) => {
    if (o[k] === undefined || o[k] === null) o[k] = {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

/** The section's form values from the lead. */
export function sectionValues(section, lead) {
  const v = {};
  for (const f of section.fields) {
    const x = at(lead, f.path);
    v[f.path] = x === undefined || x === null ? (f.bool ? false : '') : x;
  }
  if (!v['qualification.budget.currency'] && section.key === 'qualification') v['qualification.budget.currency'] = 'EUR';
  return v;
}

/** The merge patch of a section's form: empty fields remove the value. */
export function sectionPatch(section, values) {
  const patch = {};
  for (const f of section.fields) {
    if (f.path === 'qualification.budget.amount' || f.path === 'qualification.budget.currency') continue;
    let x = values[f.path];
    if (f.bool) x = x ? true : null;
    else if (x === '' || x === undefined) x = null;
    else if (f.number) x = Number(x);
    put(patch, f.path, x);
  }
  if (section.key === 'qualification') {
    const amount = values['qualification.budget.amount'];
    put(patch, 'qualification.budget', amount === '' || amount === null || amount === undefined ? null
      : {amount: Number(amount), currency: values['qualification.budget.currency'] || 'EUR'});
  }
  return patch;
}

/** A field's value for reading, formatted for the locale; or a raw value when lead is null. */
export function show(f, lead, raw) {
  const x = lead ? at(lead, f.path) : raw;
  if (x === undefined || x === null || x === '') return '';
  if (f.money) return fmt.money(at(lead, 'qualification.budget'));
  if (f.path === 'qualification.budget.currency') return x;
  if (f.bool || typeof x === 'boolean') return x ? t('form.yes') : t('form.no');
  if (f.options) return label(f.options, x);
  if (typeof x === 'number') return fmt.number(x);
  if (typeof x === 'object') return x.amount !== undefined ? fmt.money(x) : JSON.stringify(x);
  return String(x);
}
