// Small helpers shared by the views.

export const $ = (selector, root = document) => root.querySelector(selector);

/** Escapes text for HTML. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function toast(text, ms = 3000) {
  const el = $('#toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, ms);
}

export function setTitle(text, back) {
  $('#title').textContent = text;
  $('#back').hidden = !back;
  document.title = text + ' · 人防联络员';
}

/** "11月23日 09:30" in Beijing time. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const f = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const part = t => f.find(p => p.type === t)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}

/** The deadline that matters now for a task: sign-for while unaccepted, rework, else completion. */
export function activeDue(task) {
  if (task.status === 'ASSIGNED') return task.signDeadline;
  if (task.status === 'REWORK' && task.rework) return task.rework.dueAt;
  return task.dueAt;
}

export function showOffline(cachedAt) {
  const bar = $('#offline');
  if (cachedAt) {
    bar.textContent = `网络已断开，显示的是 ${when(cachedAt.toISOString())} 保存的数据`;
    bar.hidden = false;
  } else if (navigator.onLine) {
    bar.hidden = true;
  }
}
