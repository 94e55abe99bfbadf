// One service plan as staff work it: goal, items, steps with owner, deadline (working days) and state,
// the accompanied visits (陪跑) and the agency team; staff move steps on, add steps and log visits.

import { api, cachedGet, deadlineWords, session } from './api.js';
import { $, day, esc, openSheet, setTitle, showOffline, toast, when } from './ui.js';

const STATES = [['OPEN', '未开始'], ['IN_PROGRESS', '办理中'], ['DONE', '已完成']];

export async function renderPlan(view, id) {
  setTitle('方案详情', true);
  if (!view.querySelector(`[data-plan="${CSS.escape(id)}"]`)) view.innerHTML = '<p class="empty">正在加载…</p>';
  let plan;
  let cachedAt;
  try {
    ({ data: plan, cachedAt } = await cachedGet('/api/v1/plans/' + encodeURIComponent(id)));
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.status === 404 ? '服务方案不存在或不在你的范围内' : e.message)}</p>`;
    return;
  }
  showOffline(cachedAt);
  const open = plan.steps.filter(s => s.state !== 'DONE');
  const words = await deadlineWords(open.map(s => s.dueAt)).catch(() => new Map());
  view.innerHTML = page(plan, words);
  view.querySelector('[data-plan]').addEventListener('click', e => {
    const target = e.target.closest('[data-act]');
    if (!target) return;
    const slot = $('#form-slot', view);
    if (target.dataset.act === 'step') stepSheet(view, slot, plan, plan.steps.find(s => s.id === target.dataset.step));
    if (target.dataset.act === 'add-step') addStepSheet(view, slot, plan);
    if (target.dataset.act === 'visit') visitSheet(view, slot, plan);
  });
}

function page(p, words) {
  const line = (label, value) => value ? `<dt>${label}</dt><dd>${value}</dd>` : '';
  const working = p.status === 'ACTIVE';
  const canAdd = ['ACTIVE', 'AWAITING_CONFIRMATION'].includes(p.status);
  const agency = p.agency || {};
  return `<div data-plan="${esc(p.id)}" data-status="${esc(p.status)}">
    <section class="card">
      <div class="top" style="display:flex;justify-content:space-between;gap:8px"><b>${esc(p.title)}</b>
        <span class="status ${esc(p.status)}">${esc(p.statusLabel)}</span></div>
      <dl style="margin-top:8px">
        ${line('企业', esc(p.enterpriseName))}${line('项目', esc(p.projectName))}${line('包片领导', esc(p.leaderName))}
        ${line('牵头', esc(agency.lead?.name))}${line('协办', esc((agency.helpers || []).map(h => h.name).join('、')))}
        ${line('进度', `已完成 ${p.progress.done}/${p.progress.steps} 步` + (p.progress.overdue ? `，<span class="late">${p.progress.overdue} 步超期</span>` : ''))}
        ${p.rating ? line('评价', esc(p.rating.label + (p.rating.comment ? '：' + p.rating.comment : ''))) : ''}
      </dl>
    </section>
    <section class="card"><h2>服务目标</h2><p class="content">${esc(p.goal)}</p>
      ${p.demand ? `<h2 style="margin-top:10px">困难诉求</h2><p class="content">${esc(p.demand)}</p>` : ''}</section>
    ${p.items?.length ? `<section class="card"><h2>涉及服务事项</h2><ul class="items">${p.items
      .map(i => `<li>${esc(i.title)}</li>`).join('')}</ul></section>` : ''}
    <section class="card"><h2>办理步骤</h2>${p.steps.length ? `<ol class="steps">${p.steps.map(s => step(s, words, working)).join('')}</ol>`
      : '<p class="empty">还没有步骤</p>'}</section>
    <section class="card"><h2>陪跑记录</h2>${p.visits.length ? `<ol class="history visits">${p.visits.slice().reverse().map(visit).join('')}</ol>`
      : '<p class="empty">还没有陪跑记录</p>'}</section>
    ${p.history?.length ? `<section class="card"><h2>方案记录</h2><ol class="history">${p.history.slice(-20).reverse().map(h => `
      <li><div class="when">${esc(when(h.at))} · ${esc(h.by?.name || '')}</div><div>${esc(h.what)}</div></li>`).join('')}</ol></section>` : ''}
    <div id="form-slot"></div>
    ${canAdd ? `<div class="actions"><button type="button" data-act="visit" class="primary">记录陪跑</button>
      <button type="button" data-act="add-step">新增步骤</button></div>`
      : `<p class="empty">方案${esc(p.statusLabel)}，不能再改步骤</p>`}
  </div>`;
}

function step(s, words, working) {
  const w = words.get(s.dueAt);
  const due = s.state === 'DONE' ? `${esc(day(s.dueOn))} 前${s.doneAt ? '，' + esc(when(s.doneAt)) + ' 完成' : ''}`
    : esc(w ? w.text : day(s.dueOn) + ' 前');
  const late = s.overdue ? `<span class="late">${s.state === 'DONE' ? '逾期完成' : '已超期'}</span>` : '';
  return `<li class="step ${esc(s.state)} ${s.overdue ? 'OVERDUE' : ''}" data-step="${esc(s.id)}">
    <div class="top"><b>${esc(s.title)}</b><span class="status ${esc(s.state)}">${esc(s.stateLabel)}</span></div>
    <div class="meta">负责人：${esc(s.ownerName)} · 期限：${esc(day(s.dueOn))}</div>
    <div class="due ${s.state === 'DONE' ? '' : w?.urgency || ''}">${due} ${late}</div>
    ${s.note ? `<div class="note">${esc(s.note)}</div>` : ''}
    ${working ? `<button type="button" class="small" data-act="step" data-step="${esc(s.id)}">更新状态</button>` : ''}
  </li>`;
}

function visit(v) {
  return `<li><div class="when">${esc(day(v.date))} · ${esc(v.place)}</div>
    <div><b>陪同：</b>${esc((v.staff || []).join('、'))}</div>
    <div class="note">${esc(v.actions)}</div>
    ${v.fixedOnSpot?.length ? `<div class="note"><b>即查即改：</b>${esc(v.fixedOnSpot.join('；'))}</div>` : ''}</li>`;
}

const reload = (view, p) => renderPlan(view, p.id);

function stepSheet(view, slot, p, s) {
  if (!s) return;
  openSheet(slot, {
    name: 'step', title: '更新步骤：' + s.title, submit: '保存', draft: `draft:plan:${p.id}:${s.id}`,
    fields: `<div class="radios">${STATES.map(([v, label]) =>
      `<label><input type="radio" name="state" value="${v}" ${v === s.state ? 'checked' : ''}>${label}</label>`).join('')}</div>
      <label for="f-note">说明（可不填）</label><textarea id="f-note" name="note" maxlength="500">${esc(s.note || '')}</textarea>`,
    send: async form => {
      const state = form.querySelector('input[name=state]:checked').value;
      const note = form.elements.note.value.trim();
      await api('POST', `/api/v1/plans/${encodeURIComponent(p.id)}/steps/${encodeURIComponent(s.id)}/state`, note ? { state, note } : { state });
      toast('步骤已更新');
      await reload(view, p);
    },
  });
}

/** Who may own a step: the people already on the plan, and the person signed in. */
function people(p) {
  const me = session.user;
  const all = [me && { id: me.id, name: me.name }, p.agency?.lead, ...(p.agency?.helpers || []),
    ...p.steps.map(s => ({ id: s.ownerId, name: s.ownerName })), p.leaderId && { id: p.leaderId, name: p.leaderName }];
  const seen = new Map();
  all.filter(x => x && x.id && x.name).forEach(x => { if (!seen.has(x.id)) seen.set(x.id, x.name); });
  return [...seen];
}

function addStepSheet(view, slot, p) {
  openSheet(slot, {
    name: 'add-step', title: '新增步骤', submit: '新增', draft: `draft:plan:${p.id}:add-step`,
    fields: `<label for="f-title">步骤内容</label><input id="f-title" name="title" maxlength="200">
      <label for="f-owner">负责人</label><select id="f-owner" name="ownerId">${people(p)
        .map(([id, name]) => `<option value="${esc(id)}">${esc(name)}</option>`).join('')}</select>
      <label for="f-days">期限：几个工作日内</label><input id="f-days" name="workingDays" type="number" min="1" max="250" inputmode="numeric" value="5">
      <label for="f-due">或指定日期（工作日，可不填）</label><input id="f-due" name="dueOn" type="date">`,
    send: async form => {
      const title = form.elements.title.value.trim();
      if (!title) throw new Error('请填写步骤内容');
      const body = { title, ownerId: form.elements.ownerId.value };
      if (form.elements.dueOn.value) {
        body.dueOn = form.elements.dueOn.value;
      } else {
        const days = Number(form.elements.workingDays.value);
        if (!Number.isInteger(days) || days < 1 || days > 250) throw new Error('工作日数应为 1 到 250 的整数');
        body.workingDays = days;
      }
      await api('POST', `/api/v1/plans/${encodeURIComponent(p.id)}/steps`, body);
      toast('步骤已新增');
      await reload(view, p);
    },
  });
}

const lines = text => text.split(/[\n；;、，,]/).map(t => t.trim()).filter(Boolean);

function visitSheet(view, slot, p) {
  openSheet(slot, {
    name: 'visit', title: '记录陪跑', submit: '保存陪跑记录', draft: `draft:plan:${p.id}:visit`,
    fields: `<label for="f-place">地点</label><input id="f-place" name="place" maxlength="200">
      <label for="f-companions">同去的人（你之外，用顿号或逗号分隔，可不填）</label><input id="f-companions" name="companions" maxlength="600">
      <label for="f-actions">现场办了什么</label><textarea id="f-actions" name="actions" maxlength="2000"></textarea>
      <label for="f-fixed">即查即改的问题（每行一条，可不填）</label><textarea id="f-fixed" name="fixedOnSpot" maxlength="2000" style="min-height:70px"></textarea>`,
    send: async form => {
      const place = form.elements.place.value.trim();
      const actions = form.elements.actions.value.trim();
      if (!place) throw new Error('请填写地点');
      if (!actions) throw new Error('请填写现场办了什么');
      const body = { place, actions };
      const companions = lines(form.elements.companions.value);
      const fixed = form.elements.fixedOnSpot.value.split('\n').map(t => t.trim()).filter(Boolean);
      if (companions.length) body.companions = companions;
      if (fixed.length) body.fixedOnSpot = fixed;
      await api('POST', `/api/v1/plans/${encodeURIComponent(p.id)}/visits`, body);
      toast('陪跑已记录');
      await reload(view, p);
    },
  });
}
