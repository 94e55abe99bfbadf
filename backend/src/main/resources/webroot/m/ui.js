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

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "11月30日 周一" for a calendar date (YYYY-MM-DD, already a Beijing date). */
export function day(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  if (!m) return date || '';
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${Number(m[2])}月${Number(m[3])}日 ${WEEKDAYS[weekday]}`;
}

/**
 * A bottom-sheet form in `slot` (the plan and proactive views; the task view has its own). Typed text
 * is kept under `draft` in localStorage until the server has it. `send(form)` returns a promise; its
 * error is shown in the sheet, and the sheet closes when it succeeds.
 */
export function openSheet(slot, { name, title, fields, submit, draft, send }) {
  slot.innerHTML = `<div class="backdrop" data-cancel></div><form class="sheet" data-sheet="${esc(name)}" novalidate>
    <h2>${esc(title)}</h2>${fields}
    <p class="error" id="form-error" hidden></p>
    <div class="row"><button type="button" data-cancel>取消</button><button type="submit" class="primary">${esc(submit)}</button></div>
    <p class="hint">已输入的内容会自动保存在本机，断网也不会丢失。</p>
  </form>`;
  const form = $('form', slot);
  const saved = JSON.parse(localStorage.getItem(draft) || '{}');
  for (const el of form.elements) {
    if (!el.name || saved[el.name] === undefined) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = el.type === 'checkbox' ? saved[el.name] : el.value === saved[el.name];
    else el.value = saved[el.name];
  }
  form.addEventListener('input', () => {
    const values = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') values[el.name] = el.checked;
      else if (el.type !== 'radio' || el.checked) values[el.name] = el.value;
    }
    localStorage.setItem(draft, JSON.stringify(values));
  });
  slot.querySelectorAll('[data-cancel]').forEach(el => el.addEventListener('click', () => { slot.innerHTML = ''; }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const error = $('#form-error', form);
    const button = form.querySelector('button[type=submit]');
    error.hidden = true;
    button.disabled = true;
    try {
      await send(form);
      localStorage.removeItem(draft);
      slot.innerHTML = '';
    } catch (err) {
      error.textContent = err.offline ? '网络不可用：内容已保存在本机，恢复网络后再点提交即可' : err.message;
      error.hidden = false;
      button.disabled = false;
    }
  });
  form.querySelector('textarea, input:not([type=radio]):not([type=checkbox])')?.focus({ preventScroll: true });
  return form;
}
