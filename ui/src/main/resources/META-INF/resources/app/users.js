// Names of the tenant's users for owner and author columns and the filters by person, from
// GET /colleagues (every seller may read the names; the user administration stays with administrators).
import {get} from './api.js';
import {session} from './session.js';
import {t} from './i18n.js';

let users = null;

export async function loadUsers() {
  if (users) return users;
  try {
    const {data} = await get('/colleagues?limit=100');
    users = new Map(data.items.map((u) => [u.id, u]));
  } catch (e) {
    users = new Map();
  }
  if (session.user) users.set(session.user.id, session.user);
  return users;
}

export function userName(id) {
  if (!id) return '';
  if (session.user && id === session.user.id) return t('user.me');
  const u = users && users.get(id);
  return u ? (u.displayName || u.username) : t('user.colleague');
}

export function knownUsers() {
  return users ? [...users.values()] : [];
}
