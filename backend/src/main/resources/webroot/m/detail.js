// One task: what the enterprise asked, where, the deadlines in plain words, the full history, and
// the liaison's actions. Typed text is kept in localStorage until the server has it.

import { api, cachedGet, deadlineWords, session } from './api.js';
import { $, esc, setTitle, showOffline, toast, when } from './ui.js';

const ACTIONS = {
  accept: { label: '签收', primary: true, fields: [] },
  progress: { label: '办理进展', fields: [{ name: 'note', label: '进展说明', type: 'textarea', required: true, max: 2000, canned: true }] },
  respond: { label: '答复', primary: true, fields: [
    { name: 'result', label: '办理结果（将告知企业）', type: 'textarea', required: true, max: 4000, canned: true },
    { name: 'resolved', label: '是否已解决', type: 'resolved' }] },
  extension: { label: '申请延期', fields: [
    { name: 'workingDays', label: '延长工作日数（1–30）', type: 'number', required: true },
    { name: 'reason', label: '延期理由', type: 'textarea', required: true, max: 2000 }] },
  'extension/approve': { label: '批准延期', primary: true, fields: [
    { name: 'note', label: '审批意见（可不填）', type: 'textarea', max: 2000 }] },
  'extension/reject': { label: '驳回延期', fields: [
    { name: 'note', label: '驳回理由（将告知联络员）', type: 'textarea', required: true, max: 2000 }] },
  assign: { label: '分派', primary: true, fields: [
    { name: 'liaisonId', label: '分派给', type: 'liaison', required: true },
    { name: 'note', label: '分派说明', type: 'textarea', max: 2000 }] },
  note: { label: '内部备注', fields: [
    { name: 'note', label: '备注（仅工作人员可见，企业看不到）', type: 'textarea', required: true, max: 2000, canned: true }] },
  forward: { label: '转办', fields: [
    { name: 'department', label: '转至部门', type: 'text', required: true, max: 64 },
    { name: 'note', label: '说明', type: 'textarea', max: 2000 }] },
};

const CHANNELS = { MINIPROGRAM: '小程序', HOTLINE: '热线', 12345: '12345 工单', VISIT: '上门走访', WEB: '网站' };
const TYPES = { CONSULT: '咨询', DEMAND: '诉求', COMPLAINT: '投诉', SUGGESTION: '建议', PRAISE: '表扬' };

export async function renderDetail(view, id) {
  setTitle('任务详情', true);
  if (!view.querySelector(`[data-request="${CSS.escape(id)}"]`)) {
    view.innerHTML = '<p class="empty">正在加载…</p>';
  }
  let request;
  let cachedAt;
  try {
    ({ data: request, cachedAt } = await cachedGet('/api/v1/requests/' + encodeURIComponent(id)));
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.status === 404 ? '任务不存在或已不由你处理' : e.message)}</p>`;
    return;
  }
  showOffline(cachedAt);
  const dues = [request.signDeadline, request.dueAt, request.rework?.dueAt];
  const words = await deadlineWords(dues).catch(() => new Map());
  const open = view.querySelector('form.sheet')?.dataset.action;
  view.innerHTML = page(request, words);
  loadFiles(view, request);
  view.querySelector('.actions')?.addEventListener('click', e => {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (action) openForm(view, request, action);
  });
  if (open && request.actions.includes(open)) openForm(view, request, open);
}

function page(r, words) {
  const line = (label, value) => value ? `<dt>${label}</dt><dd>${value}</dd>` : '';
  const deadline = (label, iso) => {
    if (!iso) return '';
    const w = words.get(iso);
    return line(label, `<span class="due ${w ? w.urgency : ''}">${esc(w ? w.text : when(iso))}</span>`);
  };
  const contact = r.contact ? [r.contact.name, r.contact.phone ? `<a href="tel:${esc(r.contact.phone)}">${esc(r.contact.phone)}</a>` : '']
    .filter(Boolean).map(v => v.startsWith('<a') ? v : esc(v)).join(' ') : '';
  const mine = r.actions.filter(a => ACTIONS[a]);
  return `<div data-request="${esc(r.id)}">
    <section class="card">
      <div class="top" style="display:flex;justify-content:space-between"><b>${esc(r.number)}</b>
        <span class="status ${esc(r.status)}">${esc(r.statusLabel)}</span></div>
      <dl style="margin-top:8px">
        ${line('企业', esc(r.enterpriseName))}${line('项目', esc(r.projectName))}
        ${line('类型', esc(TYPES[r.type] || r.type))}${line('来源', esc(CHANNELS[r.channel] || r.channel))}
        ${line('联系人', contact)}${line('提交于', esc(when(r.createdAt)))}
      </dl>
    </section>
    <section class="card"><h2>诉求内容</h2><p class="content">${esc(r.content)}</p></section>
    <section class="card"><h2>时限</h2><dl>
      ${r.status === 'ASSIGNED' ? deadline('签收', r.signDeadline) : ''}
      ${!['ASSIGNED', 'IN_PROGRESS', 'REWORK'].includes(r.status) ? line('状态', esc(r.statusLabel) + (r.respondedAt ? '（' + esc(when(r.respondedAt)) + '）' : ''))
        : r.status === 'REWORK' && r.rework ? deadline('整改', r.rework.dueAt) : deadline('办结', r.dueAt)}
      ${r.extension ? line('延期', esc(r.extension.stateLabel)
        + (r.extension.workingDays ? `：延长 ${esc(String(r.extension.workingDays))} 个工作日` : '')
        + (r.extension.requestedBy ? `（${esc(r.extension.requestedBy)}申请）` : '')) : ''}
      ${r.extension?.state === 'PENDING' && r.extension.reason ? line('延期理由', esc(r.extension.reason)) : ''}
    </dl></section>
    <section class="card" id="files" hidden><h2>附件</h2><ul class="files"></ul></section>
    ${r.response ? `<section class="card"><h2>答复</h2><p class="content">${esc(r.response.result)}</p></section>` : ''}
    ${r.failedNotifications?.length ? `<section class="card"><h2>通知未送达</h2>${r.failedNotifications
      .map(f => `<p class="error">${esc(f.lastError)}</p>`).join('')}</section>` : ''}
    <section class="card"><h2>处理记录</h2><ol class="history">${r.history.slice().reverse().map(h => `
      <li><div class="when">${esc(when(h.at))} · ${esc(h.actor?.name || '')}</div>
        <div><b>${esc(h.actionLabel)}</b>${h.data?.liaisonName ? ' → ' + esc(h.data.liaisonName) : ''}${h.internal
          ? ' <span class="internal">仅内部可见</span>' : ''}</div>
        ${h.note ? `<div class="note">${esc(h.note)}</div>` : ''}</li>`).join('')}</ol></section>
    <div id="form-slot"></div>
    ${mine.length ? `<div class="actions">${mine.map(a =>
      `<button type="button" data-action="${a}" class="${ACTIONS[a].primary ? 'primary' : ''}">${ACTIONS[a].label}</button>`).join('')}</div>`
      : '<p class="empty">当前没有需要你处理的操作</p>'}
  </div>`;
}

const draftKey = (id, action) => `draft:${id}:${action}`;

function openForm(view, request, action) {
  const spec = ACTIONS[action];
  const draft = JSON.parse(localStorage.getItem(draftKey(request.id, action)) || '{}');
  const slot = $('#form-slot', view);
  slot.innerHTML = `<div class="backdrop" data-cancel></div><form class="sheet" data-action="${action}" novalidate>
    <h2>${spec.label}</h2>
    ${spec.fields.map(f => field(f, draft[f.name])).join('')}
    ${spec.fields.length ? '' : '<p>确认签收该任务？办结时限从诉求提交时起算，签收不会改变它。</p>'}
    <p class="error" id="form-error" hidden></p>
    <div class="row"><button type="button" data-cancel>取消</button>
      <button type="submit" class="primary">提交${spec.label}</button></div>
    ${spec.fields.length ? '<p class="hint">已输入的内容会自动保存在本机，断网也不会丢失。</p>' : ''}
  </form>`;
  const form = $('form', slot);
  if (spec.fields.some(f => f.type === 'liaison')) loadLiaisons(form, request, draft.liaisonId);
  if (action === 'respond') addFilePicker(form, request);
  form.addEventListener('input', () => localStorage.setItem(draftKey(request.id, action), JSON.stringify(values(form, spec))));
  slot.querySelectorAll('[data-cancel]').forEach(el => el.addEventListener('click', () => { slot.innerHTML = ''; }));
  form.addEventListener('submit', e => { e.preventDefault(); submit(view, request, action, form); });
  form.querySelector('textarea, input:not([type=radio])')?.focus({ preventScroll: true });
  const canned = spec.fields.find(f => f.canned);
  if (canned) offerCannedReplies(form, form.elements[canned.name], spec);
}

// 常用语: the person's own and their unit's texts, as chips above the text box; a tap inserts one
// where the cursor is (the draft is saved like typed text).
async function offerCannedReplies(form, box, spec) {
  let items;
  try {
    ({ data: { items } } = await cachedGet('/api/v1/canned-replies'));
  } catch {
    return;
  }
  if (!items?.length || !box.isConnected) return;
  const row = document.createElement('div');
  row.className = 'canned';
  row.innerHTML = '<span class="hint">常用语：</span>' + items.map((c, i) =>
    `<button type="button" data-canned="${i}" title="${esc(c.text)}">${esc(c.title)}${c.scope === 'UNIT' ? '' : ' ·个人'}</button>`).join('');
  box.before(row);
  row.addEventListener('click', e => {
    const i = e.target.closest('[data-canned]')?.dataset.canned;
    if (i === undefined) return;
    const text = items[Number(i)].text;
    const at = box.selectionStart ?? box.value.length;
    box.value = (box.value.slice(0, at) + text + box.value.slice(box.selectionEnd ?? at)).slice(0, Number(box.maxLength) > 0 ? box.maxLength : undefined);
    box.focus();
    box.setSelectionRange(at + text.length, at + text.length);
    form.dispatchEvent(new Event('input'));
  });
}

function field(f, value) {
  const v = value ?? '';
  if (f.type === 'textarea') {
    return `<label for="f-${f.name}">${f.label}</label><textarea id="f-${f.name}" name="${f.name}" maxlength="${f.max}">${esc(v)}</textarea>`;
  }
  if (f.type === 'liaison') {
    return `<label for="f-${f.name}">${f.label}</label><select id="f-${f.name}" name="${f.name}"><option value="">正在加载联络员…</option></select>`;
  }
  if (f.type === 'resolved') {
    const resolved = value !== false;
    return `<label>${f.label}</label><div class="radios">
      <label><input type="radio" name="resolved" value="true" ${resolved ? 'checked' : ''}>已解决</label>
      <label><input type="radio" name="resolved" value="false" ${resolved ? '' : 'checked'}>未解决</label></div>`;
  }
  const type = f.type === 'number' ? 'number" min="1" max="30" inputmode="numeric' : 'text';
  return `<label for="f-${f.name}">${f.label}</label><input id="f-${f.name}" name="${f.name}" type="${type}" value="${esc(v)}" ${f.max ? `maxlength="${f.max}"` : ''}>`;
}

function values(form, spec) {
  const out = {};
  for (const f of spec.fields) {
    if (f.type === 'resolved') out.resolved = form.querySelector('input[name=resolved]:checked')?.value === 'true';
    else out[f.name] = form.elements[f.name].value;
  }
  return out;
}

function body(spec, raw) {
  const out = {};
  for (const f of spec.fields) {
    const v = raw[f.name];
    if (f.type === 'resolved') { out.resolved = v; continue; }
    const text = typeof v === 'string' ? v.trim() : v;
    if (f.required && !text) throw new Error(`请填写${f.label.replace(/（.*）/, '')}`);
    if (f.type === 'number') {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 30) throw new Error('延长工作日数应为 1 到 30 的整数');
      out[f.name] = n;
    } else if (text) {
      out[f.name] = text;
    }
  }
  return out;
}

async function submit(view, request, action, form) {
  const spec = ACTIONS[action];
  const error = $('#form-error', form);
  const button = form.querySelector('button[type=submit]');
  error.hidden = true;
  let payload;
  try {
    payload = body(spec, values(form, spec));
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  button.disabled = true;
  button.textContent = '正在提交…';
  try {
    await api('POST', `/api/v1/requests/${encodeURIComponent(request.id)}/${action}`, payload);
    localStorage.removeItem(draftKey(request.id, action));
    $('#form-slot', view).innerHTML = '';
    toast(`${spec.label}成功`);
    await renderDetail(view, request.id);
  } catch (e) {
    button.disabled = false;
    button.textContent = '提交' + spec.label;
    if (e.offline) {
      error.textContent = '网络不可用：内容已保存在本机，恢复网络后再点提交即可';
    } else if (e.status === 409 && action === 'accept') {
      error.textContent = '已被他人签收或任务状态已变化，请刷新后查看（' + e.message + '）';
    } else if (e.status === 409 || e.status === 404) {
      error.textContent = e.message + '。你填写的内容已保存，刷新后可继续。';
    } else {
      error.textContent = e.message;
    }
    error.hidden = false;
  }
}

// The liaisons the request can go to: active liaisons of its unit (the unit head's staff list).
async function loadLiaisons(form, request, chosen) {
  const select = form.querySelector('select[name=liaisonId]');
  try {
    const unit = request.unitId ? '&unitId=' + encodeURIComponent(request.unitId) : '';
    const page = await api('GET', '/api/v1/staff?role=LIAISON&active=true&limit=100' + unit);
    select.innerHTML = '<option value="">请选择联络员</option>' + page.items.map(s =>
      `<option value="${esc(s.id)}" ${s.id === chosen ? 'selected' : ''}>${esc(s.name)}</option>`).join('');
  } catch (e) {
    select.innerHTML = `<option value="">${esc(e.message)}</option>`;
  }
}

// Files on the request: photos as thumbnails (the phone copy), documents as downloads.
async function loadFiles(view, request) {
  const section = view.querySelector('#files');
  if (!section) return;
  let list;
  try {
    list = await api('GET', `/api/v1/requests/${encodeURIComponent(request.id)}/attachments`);
  } catch {
    return;
  }
  if (!list.items.length) return;
  section.hidden = false;
  section.querySelector('.files').innerHTML = list.items.map(a => `<li data-file="${esc(a.id)}">
    <a href="#" data-url="${esc(a.image ? a.phoneUrl : a.url)}" data-name="${esc(a.name)}">${esc(a.name)}</a>
    <span class="hint">${esc(a.onLabel)} · ${esc(a.uploadedBy?.name || '')}</span></li>`).join('');
  section.addEventListener('click', e => {
    const link = e.target.closest('a[data-url]');
    if (!link) return;
    e.preventDefault();
    openFile(link.dataset.url, link.dataset.name);
  });
}

// Downloads need the bearer token, so the file is fetched and handed to the browser as a blob.
async function openFile(url, name) {
  const response = await fetch(url, { headers: { Authorization: 'Bearer ' + session.token } });
  if (!response.ok) { toast('附件无法打开'); return; }
  const blob = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = blob;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(blob), 60000);
}

// On the reply sheet: attach site photos or a signed document; each is sent at once.
function addFilePicker(form, request) {
  const row = document.createElement('div');
  row.innerHTML = `<label for="f-file">附件（照片、PDF、Word、Excel，单个不超过 10 MB）</label>
    <input id="f-file" type="file" accept="image/jpeg,image/png,application/pdf,.docx,.xlsx" multiple>
    <p class="hint" id="f-file-state"></p>`;
  form.querySelector('#form-error').before(row);
  row.querySelector('input').addEventListener('change', async e => {
    const state = row.querySelector('#f-file-state');
    for (const file of e.target.files) {
      state.textContent = `正在上传 ${file.name}…`;
      const response = await fetch(`/api/v1/requests/${encodeURIComponent(request.id)}/attachments?name=${encodeURIComponent(file.name)}`,
        { method: 'POST', headers: { Authorization: 'Bearer ' + session.token, 'Content-Type': 'application/octet-stream' }, body: file })
        .catch(() => null);
      const json = response ? await response.json().catch(() => ({})) : {};
      state.textContent = response?.ok ? `已上传 ${json.name}` : `上传失败：${json.detail || '网络不可用'}`;
    }
  });
}
