(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const ROLES = [['LIAISON', '联络员'], ['UNIT_HEAD', '单位负责人'], ['AGENT', '热线话务员'], ['CITY_ADMIN', '市级管理员']];
  const KEY = 'liaison.admin.token';
  let token = sessionStorage.getItem(KEY);
  let me = null;
  let units = new Map();
  let cursor = null;
  let editing = null;

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) { signedOut(); throw new Error('登录已失效，请重新登录'); }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const fields = (problem.errors || []).map(e => e.detail).join('；');
      throw new Error((problem.detail || ('请求失败 ' + response.status)) + (fields ? '：' + fields : ''));
    }
    return response.status === 204 ? null : response.json();
  }

  function show(error) { $('error').textContent = error ? error.message || String(error) : ''; }

  function secret(text, password) {
    const box = $('secret');
    box.replaceChildren(text, ' ', Object.assign(document.createElement('code'), { textContent: password }),
      '（只显示这一次，请当面或通过安全渠道交给本人）');
    box.classList.remove('hidden');
  }

  function cell(text) { return Object.assign(document.createElement('td'), { textContent: text == null ? '' : text }); }

  function button(label, action) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.addEventListener('click', () => action().catch(show));
    return b;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '从未登录';
  }

  function row(user) {
    const tr = document.createElement('tr');
    tr.dataset.username = user.username;
    if (!user.active) tr.className = 'inactive';
    tr.append(cell(user.name), cell(user.username), cell((user.roleLabels || []).join('、')),
      cell(units.get(user.unitId) || user.unitId), cell(user.wecomUserId || '未关联'), cell(user.active ? '在用' : '已停用'),
      cell(when(user.lastLoginAt)));
    const actions = document.createElement('td');
    actions.className = 'actions';
    actions.append(
      button('修改', async () => startEdit(user)),
      button(user.active ? '停用' : '启用', async () => {
        if (user.active && !confirm('停用后 ' + user.name + ' 立即退出所有登录，确定吗？')) return;
        await api('PATCH', '/api/v1/staff/' + encodeURIComponent(user.id), { active: !user.active });
        await load(true);
      }),
      button('重置密码', async () => {
        const result = await api('POST', '/api/v1/staff/' + encodeURIComponent(user.id) + '/password');
        secret(user.name + '（' + user.username + '）的新密码：', result.password);
      }));
    tr.append(actions);
    return tr;
  }

  async function load(fresh) {
    if (fresh) { cursor = null; $('staff').replaceChildren(); }
    const params = new URLSearchParams({ limit: '50' });
    if ($('q').value.trim()) params.set('q', $('q').value.trim());
    if ($('filter-unit').value) params.set('unitId', $('filter-unit').value);
    if (cursor) params.set('cursor', cursor);
    const page = await api('GET', '/api/v1/staff?' + params);
    page.items.forEach(u => $('staff').append(row(u)));
    cursor = page.nextCursor || null;
    $('more').classList.toggle('hidden', !cursor);
  }

  function roleBoxes(container) {
    container.replaceChildren(...ROLES.filter(([r]) => r !== 'CITY_ADMIN' || me.roles.includes('CITY_ADMIN')).map(([r, label]) => {
      const l = document.createElement('label');
      l.append(Object.assign(document.createElement('input'), { type: 'checkbox', name: 'roles', value: r }), label);
      return l;
    }));
  }

  function formRoles(form) { return [...form.querySelectorAll('input[name=roles]:checked')].map(i => i.value); }

  function startEdit(user) {
    editing = user;
    const form = $('edit-form');
    $('edit-title').textContent = user.name + '（' + user.username + '）';
    form.name.value = user.name;
    form.unitId.value = user.unitId;
    form.phone.value = user.phone || '';
    form.wecomUserId.value = user.wecomUserId || '';
    form.querySelectorAll('input[name=roles]').forEach(i => { i.checked = user.roles.includes(i.value); });
    $('edit').classList.remove('hidden');
  }

  async function saveEdit(event) {
    event.preventDefault();
    const form = $('edit-form');
    const change = {};
    if (form.name.value.trim() !== editing.name) change.name = form.name.value.trim();
    const roles = formRoles(form);
    if (roles.slice().sort().join() !== editing.roles.slice().sort().join()) change.roles = roles;
    if (form.unitId.value !== editing.unitId) change.unitId = form.unitId.value;
    if (form.phone.value.trim() !== (editing.phone || '')) change.phone = form.phone.value.trim() || null;
    if (form.wecomUserId.value.trim() !== (editing.wecomUserId || '')) change.wecomUserId = form.wecomUserId.value.trim() || null;
    if (Object.keys(change).length) await api('PATCH', '/api/v1/staff/' + encodeURIComponent(editing.id), change);
    $('edit').classList.add('hidden');
    await load(true);
  }

  async function create(event) {
    event.preventDefault();
    const form = $('create');
    const body = { username: form.username.value.trim().toLowerCase(), name: form.name.value.trim(),
      roles: formRoles(form), unitId: form.unitId.value };
    if (form.phone.value.trim()) body.phone = form.phone.value.trim();
    if (form.wecomUserId.value.trim()) body.wecomUserId = form.wecomUserId.value.trim();
    if (!body.roles.length) throw new Error('请至少选择一个角色');
    const result = await api('POST', '/api/v1/staff', body);
    secret('已创建 ' + result.user.name + '（' + result.user.username + '），初始密码：', result.password);
    form.reset();
    await load(true);
  }

  async function start() {
    me = await api('GET', '/api/v1/me');
    if (!me.roles.includes('CITY_ADMIN') && !me.roles.includes('UNIT_HEAD')) {
      signedOut();
      $('login-error').textContent = '人员管理需要市级管理员或单位负责人权限';
      return;
    }
    $('who').textContent = me.name;
    const list = await api('GET', '/api/v1/units');
    units = new Map(list.items.map(u => [u.id, u.name]));
    document.querySelectorAll('select.units').forEach(select => {
      const keep = [...select.querySelectorAll('option[value=""]')];
      select.replaceChildren(...keep, ...list.items.map(u => Object.assign(document.createElement('option'),
        { value: u.id, textContent: u.name })));
    });
    document.querySelectorAll('.roles').forEach(roleBoxes);
    $('login').classList.add('hidden');
    $('app').classList.remove('hidden');
    await load(true);
  }

  function signedOut() {
    token = null;
    sessionStorage.removeItem(KEY);
    $('app').classList.add('hidden');
    $('login').classList.remove('hidden');
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { $('login-error').textContent = body.detail || '登录失败'; return; }
    token = body.token;
    sessionStorage.setItem(KEY, token);
    $('password').value = '';
    start().catch(show);
  });
  $('logout').addEventListener('click', async () => {
    await api('POST', '/api/v1/auth/logout').catch(() => {});
    signedOut();
  });
  $('create').addEventListener('submit', e => create(e).catch(show));
  $('search').addEventListener('submit', e => { e.preventDefault(); show(null); load(true).catch(show); });
  $('more').addEventListener('click', () => load(false).catch(show));
  $('edit-form').addEventListener('submit', e => saveEdit(e).catch(show));
  $('edit-cancel').addEventListener('click', () => $('edit').classList.add('hidden'));

  if (token) start().catch(() => signedOut()); else signedOut();
})();
