// The one way the UI talks to the server: the public REST API under api/v1, signed in by the
// HttpOnly session cookie. Every request that changes something sends X-Requested-With, which the
// server requires of cookie-signed requests (a page of another site cannot send it).

const BASE = new URL('../api/v1/', import.meta.url);

/** An RFC 9457 problem from the API, with its field errors by field name. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fields = {};
    for (const e of this.problem.errors || []) {
      this.fields[e.field] = this.fields[e.field] ? `${this.fields[e.field]}; ${e.reason}` : e.reason;
    }
  }
}

let onUnauthenticated = () => {};

/** What to do when the session has ended (401): the app sends the user to sign in. */
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

/** The address of an API path, e.g. for a download link. */
export function apiUrl(path) {
  return new URL(path.replace(/^\//, ''), BASE).toString();
}

/**
 * Calls the API. Answers {data, etag, status}; throws ApiError for every 4xx/5xx answer.
 * options: body (sent as JSON), raw (a File or Blob sent as it is, with contentType), contentType, headers.
 */
export async function api(method, path, options = {}) {
  const headers = {Accept: 'application/json', ...(options.headers || {})};
  if (method !== 'GET' && method !== 'HEAD') headers['X-Requested-With'] = 'leadline';
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.raw !== undefined) {
    headers['Content-Type'] = options.contentType || options.raw.type || 'application/octet-stream';
    body = options.raw;
  }
  let res;
  try {
    res = await fetch(apiUrl(path), {method, headers, body, credentials: 'same-origin', cache: 'no-store'});
  } catch (e) {
    throw new ApiError(0, {title: 'network'});
  }
  const text = res.status === 204 ? '' : await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!res.ok) {
    const error = new ApiError(res.status, data);
    if (res.status === 401 && !path.startsWith('/auth/session')) onUnauthenticated();
    throw error;
  }
  return {data, etag: res.headers.get('ETag'), status: res.status, location: res.headers.get('Location')};
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options = {}) => api('POST', path, {...options, body});
export const patch = (path, body, etag, options = {}) => api('PATCH', path, {
  ...options, body, contentType: 'application/merge-patch+json', headers: {'If-Match': etag, ...(options.headers || {})}
});
/** Sends a file as the request's body, e.g. an e-mail as message/rfc822 or a CSV file. */
export const upload = (path, file, contentType) => api('POST', path, {raw: file, contentType});
export const del = (path, etag) => api('DELETE', path, {headers: etag ? {'If-Match': etag} : {}});

/** A query string of the non-empty values of params (arrays repeated). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) if (one !== '') q.append(k, one);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
