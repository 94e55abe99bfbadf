// The enterprise's view of its service plans (一企一策): progress, steps, accompanied visits, confirm, rate.
// Inside the mini-program's web-view the token arrives in the URL fragment (#token=…); elsewhere one signs in.
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const LEVELS = [['VERY_SATISFIED', '非常满意'], ['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'],
  ['DISSATISFIED', '不满意'], ['VERY_DISSATISFIED', '非常不满意']];

const fromFragment = /(?:^#|&)token=([^&]+)/.exec(location.hash);
if (fromFragment) {
  sessionStorage.setItem('liaison.plan.token', decodeURIComponent(fromFragment[1]));
  history.replaceState(null, '', location.pathname);
}
let token = sessionStorage.getItem('liaison.plan.token');

async function api(method, path, body) {
  const response = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token,
    ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (response.status === 401) { logout(); throw new Error('请重新登录'); }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.detail || ('请求失败 ' + response.status));
  return data;
}

function bar(progress) {
  return `<div class="bar"><i style="width:${progress.percent}%"></i></div>
    <div class="muted">已完成 ${progress.done}/${progress.steps} 步${progress.overdue ? `，<span class="late">${progress.overdue} 步超期</span>` : ''}</div>`;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '';
}

async function showList() {
  const { items } = await api('GET', '/api/v1/plans?limit=50');
  $('heading').textContent = '我的服务方案';
  $('back').classList.add('hidden');
  $('detail').classList.add('hidden');
  $('list').classList.remove('hidden');
  $('list').innerHTML = items.length ? items.map(p => `<article class="card plan" data-id="${esc(p.id)}">
      <h2>${esc(p.title)}</h2><span class="status">${esc(p.statusLabel)}</span>
      <div class="muted">${esc(p.projectName || p.enterpriseName)}</div>${bar(p.progress)}</article>`).join('')
    : '<div class="card muted">暂无服务方案。遇到困难可在小程序留言，我们会为您量身制定。</div>';
  document.querySelectorAll('.plan').forEach(el => el.addEventListener('click', () => { location.hash = '#/plans/' + el.dataset.id; }));
  document.body.dataset.view = 'list';
}

async function showPlan(id) {
  const p = await api('GET', '/api/v1/plans/' + encodeURIComponent(id));
  $('heading').textContent = '服务方案';
  $('back').classList.remove('hidden');
  $('list').classList.add('hidden');
  const steps = p.steps.map(s => `<li><b class="${s.state}">${esc(s.stateLabel)}</b> ${esc(s.title)}
      <div class="muted">${esc(s.ownerName)} · 期限 ${esc(s.dueOn)}${s.overdue ? ' <span class="late">已超期</span>' : ''}${s.note ? ' · ' + esc(s.note) : ''}</div></li>`).join('');
  const visits = p.visits.map(v => `<li>${esc(v.date)} ${esc(v.place)}：${esc(v.actions)}
      <div class="muted">陪同：${esc(v.staff.join('、'))}${v.fixedOnSpot.length ? ' · 现场解决：' + esc(v.fixedOnSpot.join('；')) : ''}</div></li>`).join('');
  const team = p.agency.lead ? `帮办代办：${esc(p.agency.lead.name)}牵头${p.agency.helpers.length ? '，' + esc(p.agency.helpers.map(h => h.name).join('、')) + '协办' : ''}` : '';
  let action = '';
  if (p.status === 'AWAITING_CONFIRMATION') {
    action = `<div class="card"><p>方案步骤已全部完成，请确认是否办结。</p><button id="confirm" class="primary" type="button">确认办结</button></div>`;
  } else if (p.status === 'CONFIRMED') {
    action = `<div class="card"><h2>请评价本次服务</h2><div class="levels">${LEVELS.map(([k, l]) =>
      `<button type="button" data-level="${k}">${l}</button>`).join('')}</div>
      <textarea id="comment" rows="3" maxlength="2000" placeholder="意见建议（选填）"></textarea>
      <button id="rate" class="primary" type="button" disabled>提交评价</button></div>`;
  } else if (p.rating) {
    action = `<div class="card">您的评价：<b>${esc(p.rating.label)}</b>${p.rating.comment ? '，' + esc(p.rating.comment) : ''}</div>`;
  }
  $('detail').innerHTML = `<div class="card"><h2>${esc(p.title)}</h2><span class="status" id="status">${esc(p.statusLabel)}</span>
      <p>${esc(p.goal)}</p><div class="muted">${esc(p.projectName || p.enterpriseName)}${p.leaderName ? ' · 包片领导 ' + esc(p.leaderName) : ''}</div>
      <div class="muted">${team}</div>${bar(p.progress)}</div>
    <div class="card"><h2>办理步骤</h2><ol class="steps">${steps || '<li class="muted">步骤制定中</li>'}</ol></div>
    ${visits ? `<div class="card"><h2>陪跑记录</h2><ol class="steps">${visits}</ol></div>` : ''}${action}`;
  $('detail').classList.remove('hidden');
  const confirm = $('confirm');
  if (confirm) confirm.addEventListener('click', () => act(() => api('POST', `/api/v1/plans/${encodeURIComponent(id)}/confirm`), id));
  let level = null;
  document.querySelectorAll('.levels button').forEach(b => b.addEventListener('click', () => {
    level = b.dataset.level;
    document.querySelectorAll('.levels button').forEach(o => o.classList.toggle('chosen', o === b));
    $('rate').disabled = false;
  }));
  const rate = $('rate');
  if (rate) rate.addEventListener('click', () => act(() => api('POST', `/api/v1/plans/${encodeURIComponent(id)}/rate`,
    { level, ...($('comment').value.trim() ? { comment: $('comment').value.trim() } : {}) }), id));
  document.body.dataset.view = 'plan:' + p.status;
}

async function act(call, id) {
  $('error').textContent = '';
  try { await call(); await showPlan(id); } catch (e) { $('error').textContent = e.message; }
}

async function route() {
  $('error').textContent = '';
  if (!token) {
    $('login').classList.remove('hidden');
    $('list').classList.add('hidden');
    $('detail').classList.add('hidden');
    return;
  }
  $('login').classList.add('hidden');
  $('logout').classList.remove('hidden');
  const match = /^#\/plans\/(.+)$/.exec(location.hash);
  try { match ? await showPlan(decodeURIComponent(match[1])) : await showList(); } catch (e) { $('error').textContent = e.message; }
}

function logout() {
  token = null;
  sessionStorage.removeItem('liaison.plan.token');
  $('logout').classList.add('hidden');
  route();
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { $('error').textContent = data.detail || '登录失败'; return; }
  token = data.token;
  sessionStorage.setItem('liaison.plan.token', token);
  route();
});
$('logout').addEventListener('click', logout);
$('back').addEventListener('click', () => { location.hash = ''; });
window.addEventListener('hashchange', route);
route();
