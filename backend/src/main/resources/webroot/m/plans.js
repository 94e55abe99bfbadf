// 服务方案 (一企一策): the plans the person works on — their own, their unit's, or, for the leader in
// charge of an area (包片领导), every plan of the area — with progress and overdue steps.

import { cachedGet } from './api.js';
import { $, esc, setTitle, showOffline } from './ui.js';

const FILTERS = [
  ['ACTIVE', '推进中'],
  ['AWAITING_CONFIRMATION', '待企业确认'],
  ['', '全部'],
];

let filter = 'ACTIVE';

export async function renderPlans(view) {
  setTitle('服务方案', false);
  view.innerHTML = `<div class="badges" id="plan-filters">${FILTERS.map(([key, label]) =>
    `<button class="badge ${filter === key ? 'on' : ''}" data-filter="${key}" type="button">${label}</button>`).join('')}</div>
    <div id="plans"><p class="empty">正在加载…</p></div>`;
  $('#plan-filters', view).onclick = e => {
    const button = e.target.closest('[data-filter]');
    if (!button) return;
    filter = button.dataset.filter;
    renderPlans(view);
  };
  const list = $('#plans', view);
  let plans;
  try {
    const { data, cachedAt } = await cachedGet('/api/v1/plans?limit=100' + (filter ? '&status=' + filter : ''));
    plans = data.items;
    showOffline(cachedAt);
  } catch (e) {
    list.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    return;
  }
  list.innerHTML = plans.length ? plans.map(card).join('') : `<p class="empty">${filter ? '没有该状态的服务方案' : '暂无服务方案'}</p>`;
}

function card(p) {
  const place = [p.enterpriseName, p.projectName].filter(Boolean).join(' · ');
  const progress = p.progress || {};
  const late = progress.overdue > 0;
  return `<a class="task plan ${late ? 'OVERDUE' : ''}" href="#/plans/${encodeURIComponent(p.id)}" data-id="${esc(p.id)}">
    <div class="top"><span>${esc(p.leaderName ? '包片领导：' + p.leaderName : '一企一策')}</span>
      <span class="status ${esc(p.status)}">${esc(p.statusLabel)}</span></div>
    <p class="text">${esc(p.title)}</p>
    ${place ? `<div class="meta">${esc(place)}</div>` : ''}
    <div class="due ${late ? 'OVERDUE' : ''}">已完成 ${progress.done ?? 0}/${progress.steps ?? 0} 步${late ? `，${progress.overdue} 步超期` : ''}</div>
  </a>`;
}
