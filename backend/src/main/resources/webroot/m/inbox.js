// 我的任务: open tasks, soonest deadline first, coloured by urgency, with count badges,
// pull to refresh, and live updates.

import { cachedGet, deadlineWords } from './api.js';
import { $, activeDue, esc, setTitle, showOffline } from './ui.js';

const FILTERS = [
  ['all', '全部', () => true],
  ['new', '待签收', t => t.status === 'ASSIGNED'],
  ['soon', '将到期', t => t.urgency === 'DUE_SOON'],
  ['overdue', '已超期', t => t.urgency === 'OVERDUE'],
];

let filter = 'all';
let known = null;

export async function renderInbox(view) {
  setTitle('我的任务', false);
  if (!view.querySelector('#tasks')) {
    view.innerHTML = '<div class="pull" id="pull"></div><div class="badges" id="badges"></div><div id="tasks"><p class="empty">正在加载…</p></div>';
    enablePullToRefresh(view, () => loadInbox(view));
  }
  await loadInbox(view);
}

export async function loadInbox(view, highlight) {
  const list = $('#tasks', view);
  if (!list) return;
  let tasks;
  let cachedAt;
  try {
    const result = await cachedGet('/api/v1/tasks');
    tasks = result.data.items;
    cachedAt = result.cachedAt;
    const words = await deadlineWords(tasks.map(activeDue)).catch(() => new Map());
    for (const t of tasks) {
      const w = words.get(activeDue(t));
      t.dueText = w ? w.text : '';
      t.urgency = t.overdue ? 'OVERDUE' : (w ? w.urgency : 'NORMAL');
    }
  } catch (e) {
    list.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    return;
  }
  showOffline(cachedAt);
  const fresh = new Set(highlight ? [highlight] : []);
  if (known) tasks.filter(t => !known.has(t.id)).forEach(t => fresh.add(t.id));
  known = new Set(tasks.map(t => t.id));
  renderBadges(view, tasks);
  const shown = tasks.filter(FILTERS.find(f => f[0] === filter)[2]);
  list.innerHTML = shown.length ? shown.map(t => card(t, fresh.has(t.id))).join('')
    : `<p class="empty">${tasks.length ? '没有符合条件的任务' : '暂无待办任务'}</p>`;
}

function renderBadges(view, tasks) {
  const badges = $('#badges', view);
  badges.innerHTML = FILTERS.map(([key, label, test]) => {
    const n = tasks.filter(test).length;
    return `<button class="badge ${key} ${filter === key ? 'on' : ''}" data-filter="${key}" type="button">${label}<b>${n}</b></button>`;
  }).join('');
  badges.onclick = e => {
    const button = e.target.closest('[data-filter]');
    if (!button) return;
    filter = button.dataset.filter;
    loadInbox(view);
  };
}

function card(t, fresh) {
  const place = [t.enterpriseName, t.projectName].filter(Boolean).join(' · ');
  return `<a class="task ${t.urgency} ${fresh ? 'fresh' : ''}" href="#/tasks/${encodeURIComponent(t.id)}" data-id="${esc(t.id)}">
    <div class="top"><span>${esc(t.number)}</span><span class="status ${esc(t.status)}">${esc(t.statusLabel)}</span></div>
    <p class="text">${esc(t.content)}</p>
    ${place ? `<div class="meta">${esc(place)}</div>` : ''}
    <div class="due ${t.urgency}">${esc((t.status === 'ASSIGNED' ? '签收：' : '办结：') + (t.dueText || ''))}</div>
  </a>`;
}

function enablePullToRefresh(view, refresh) {
  const pull = $('#pull', view);
  let startY = null;
  let distance = 0;
  view.addEventListener('touchstart', e => {
    startY = window.scrollY === 0 ? e.touches[0].clientY : null;
  }, { passive: true });
  view.addEventListener('touchmove', e => {
    if (startY === null) return;
    distance = Math.max(0, Math.min(90, e.touches[0].clientY - startY));
    pull.style.height = distance / 2 + 'px';
    pull.textContent = distance > 60 ? '松开刷新' : '下拉刷新';
  }, { passive: true });
  view.addEventListener('touchend', async () => {
    if (startY === null) return;
    startY = null;
    if (distance > 60) {
      pull.style.height = '28px';
      pull.textContent = '正在刷新…';
      await refresh();
    }
    distance = 0;
    pull.style.height = '0';
  });
}
