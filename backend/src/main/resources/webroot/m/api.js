// The service's HTTP API as the page uses it: the login token, problem+json errors in Chinese,
// and a copy of every answer in localStorage so the page can show what it has when offline.

const TOKEN = 'liaison.token';
const USER = 'liaison.user';

export class ApiError extends Error {
  constructor(status, detail, offline = false) {
    super(detail);
    this.status = status;
    this.offline = offline;
  }
}

export const session = {
  get token() { return localStorage.getItem(TOKEN); },
  get user() { try { return JSON.parse(localStorage.getItem(USER)); } catch { return null; } },
  save(token, user) {
    localStorage.setItem(TOKEN, token);
    if (user) localStorage.setItem(USER, JSON.stringify(user));
  },
  clear() { localStorage.removeItem(TOKEN); localStorage.removeItem(USER); },
};

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, '网络不可用，请检查网络后重试', true);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
      session.clear();
      window.dispatchEvent(new Event('signed-out'));
    }
    const detail = (json && (json.detail || json.title)) || `服务暂时不可用（${response.status}），请稍后再试`;
    const fields = json && Array.isArray(json.errors) && json.errors.length
      ? '：' + json.errors.map(e => e.message || e.field).join('；') : '';
    throw new ApiError(response.status, detail + fields);
  }
  return json;
}

/** GET with an offline copy: {data, cachedAt} from the network, or the last copy when offline. */
export async function cachedGet(path) {
  const key = 'cache:' + path;
  try {
    const data = await api('GET', path);
    localStorage.setItem(key, JSON.stringify({ data, at: Date.now() }));
    return { data, cachedAt: null };
  } catch (e) {
    if (!e.offline) throw e;
    const saved = localStorage.getItem(key);
    if (!saved) throw e;
    const { data, at } = JSON.parse(saved);
    return { data, cachedAt: new Date(at) };
  }
}

/** Deadline words for several ISO times at once: Map(due → {text, urgency}). */
export async function deadlineWords(dues) {
  const unique = [...new Set(dues.filter(Boolean))];
  if (!unique.length) return new Map();
  const query = unique.map(d => 'due=' + encodeURIComponent(d)).join('&');
  const { data } = await cachedGet('/api/v1/deadlines?' + query);
  return new Map(data.items.map(i => [i.due, i]));
}
