// The flat form values of the new-lead form ↔ the API's lead document; field errors of the API
// (person.lastName, qualification.budget.amount, …) are mapped back to the form's names.

/** The lead document for the form values (only what was filled in). */
export function leadBody(v) {
  const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== '' && x !== undefined
    && x !== null && !(typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0)));
  const person = clean({salutation: v.salutation, firstName: v.firstName, lastName: v.lastName || '',
    jobTitle: v.jobTitle, email: v.email, businessPhone: v.businessPhone});
  if (!person.lastName) person.lastName = '';
  const company = clean({name: v.companyName, website: v.website});
  const budget = v.budget !== undefined && v.budget !== '' ? {amount: Number(v.budget), currency: v.currency} : undefined;
  const qualification = clean({budget, need: v.need, purchaseTimeframe: v.purchaseTimeframe,
    decisionMaker: v.decisionMaker ? true : undefined});
  return clean({person, company, origin: clean({source: v.source, detail: v.detail}), qualification,
    topic: v.topic});
}

/** The API's field names to the new-lead form's. */
export const FORM_FIELDS = {
  'person.salutation': 'salutation', 'person.firstName': 'firstName', 'person.lastName': 'lastName',
  'person.jobTitle': 'jobTitle', 'person.email': 'email', 'person.businessPhone': 'businessPhone',
  'company.name': 'companyName', 'company.website': 'website', 'origin.source': 'source',
  'origin.detail': 'detail', 'topic': 'topic', 'qualification.budget.amount': 'budget',
  'qualification.budget.currency': 'currency', 'qualification.budget': 'budget', 'qualification.need': 'need',
  'qualification.purchaseTimeframe': 'purchaseTimeframe'
};

/** Field errors keyed by the form's names (unknown fields kept under their API name). */
export function formErrors(fields) {
  const out = {};
  for (const [k, v] of Object.entries(fields || {})) out[FORM_FIELDS[k] || k] = v;
  return out;
}
