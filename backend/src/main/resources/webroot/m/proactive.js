// 跨前服务: proactive tasks (跨前对接) — a project entered a stage, a checklist item nears its deadline,
// or nobody has been in touch for a while — each with what to ask; closed with a note on what came of it.

import { api, cachedGet } from './api.js';
import { $, esc, openSheet, setTitle, showOffline, toast, when } from './ui.js';

const FILTERS = [['OPEN', '待对接'], ['DONE', '已对接']];

let filter = 'OPEN';

async function load(status) {
  const { data, cachedAt } = await cachedGet('/api/v1/proactive-tasks?limit=200' + (status ? '&status=' + status : ''));
  showOffline(cachedAt);
  return data.items;
}

export async function renderProactiveList(view) {
  setTitle('跨前服务', false);
  view.innerHTML = `<div class="badges" id="proactive-filters">${FILTERS.map(([key, label]) =>
    `<button class="badge ${filter === key ? 'on' : ''}" data-filter="${key}" type="button">${label}</button>`).join('')}</div>
    <div id="proactive"><p class="empty">正在加载…</p></div>`;
  $('#proactive-filters', view).onclick = e => {
    const button = e.target.closest('[data-filter]');
    if (!button) return;
    filter = button.dataset.filter;
    renderProactiveList(view);
  };
  const list = $('#proactive', view);
  try {
    const tasks = await load(filter);
    list.innerHTML = tasks.length ? tasks.map(card).join('')
      : `<p class="empty">${filter === 'OPEN' ? '暂无待对接的任务' : '暂无已对接的任务'}</p>`;
  } catch (e) {
    list.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

function card(t) {
  return `<a class="task proactive" href="#/proactive/${encodeURIComponent(t.id)}" data-id="${esc(t.id)}">
    <div class="top"><span>${esc(t.kindLabel)} · ${esc(when(t.createdAt))}</span><span class="status ${esc(t.status)}">${esc(t.statusLabel)}</span></div>
    <p class="text">${esc(t.projectName)}：${esc(t.reason)}</p>
    <div class="meta">问询：${esc((t.ask || []).join(' '))}</div>
  </a>`;
}

/** One task; the API lists tasks only, so it is found in the person's recent ones. */
export async function renderProactiveTask(view, id) {
  setTitle('跨前对接', true);
  if (!view.querySelector(`[data-task="${CSS.escape(id)}"]`)) view.innerHTML = '<p class="empty">正在加载…</p>';
  let task;
  try {
    task = (await load('')).find(t => t.id === id);
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    return;
  }
  if (!task) {
    view.innerHTML = '<p class="error">任务不存在或不在你的范围内</p>';
    return;
  }
  view.innerHTML = detail(task);
  $('[data-act=done]', view)?.addEventListener('click', () => doneSheet(view, task));
}

function detail(t) {
  const line = (label, value) => value ? `<dt>${label}</dt><dd>${value}</dd>` : '';
  const checkIn = t.checkIn ? (t.checkIn.sent ? '已向企业发送一次问候消息' : '未发送问候：' + (t.checkIn.heldBack || '')) : '';
  return `<div data-task="${esc(t.id)}" data-status="${esc(t.status)}">
    <section class="card">
      <div class="top" style="display:flex;justify-content:space-between"><b>${esc(t.kindLabel)}</b>
        <span class="status ${esc(t.status)}">${esc(t.statusLabel)}</span></div>
      <dl style="margin-top:8px">${line('项目', esc(t.projectName))}${line('原因', esc(t.reason))}
        ${line('发起于', esc(when(t.createdAt)))}${line('企业问候', esc(checkIn))}</dl>
    </section>
    <section class="card"><h2>建议问询</h2><ul class="items ask">${(t.ask || []).map(a => `<li>${esc(a)}</li>`).join('')}</ul></section>
    ${t.status === 'DONE' ? `<section class="card"><h2>对接情况</h2>
      <dl>${line('完成于', esc(when(t.doneAt)))}${line('联系企业', t.contacted ? '已电话或上门联系' : '未直接联系')}</dl>
      <p class="content">${esc(t.note)}</p></section>` : ''}
    <div id="form-slot"></div>
    ${t.status === 'OPEN' ? '<div class="actions"><button type="button" data-act="done" class="primary">完成对接</button></div>' : ''}
  </div>`;
}

function doneSheet(view, t) {
  openSheet($('#form-slot', view), {
    name: 'done', title: '完成对接', submit: '提交', draft: `draft:proactive:${t.id}`,
    fields: `<label for="f-note">对接情况</label><textarea id="f-note" name="note" maxlength="500"></textarea>
      <div class="radios"><label><input type="checkbox" name="contacted" value="true">已电话或上门联系企业（计入本月联系次数）</label></div>`,
    send: async form => {
      const note = form.elements.note.value.trim();
      if (!note) throw new Error('请填写对接情况');
      await api('POST', `/api/v1/proactive-tasks/${encodeURIComponent(t.id)}/done`, { note, contacted: form.elements.contacted.checked });
      toast('已完成对接');
      await renderProactiveTask(view, t.id);
    },
  });
}
