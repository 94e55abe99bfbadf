// The scan page: an inspector opens the link in the enterprise's QR code (…/inspect/#c=<code>),
// signs in if needed (the same token as /m/), sees the enterprise the code names and the
// inspections planned for it, and registers the inspection. Without a plan it plans one first:
// the caps (无事不扰) and 综合查一次 are decided by the service, not here.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const TOKEN = 'liaison.token';
  const USER = 'liaison.user';
  let code = null;
  let enterprise = null;

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const token = localStorage.getItem(TOKEN);
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (response.status === 401 && path !== '/api/v1/auth/login') {
      localStorage.removeItem(TOKEN);
      show('login');
      throw new Error('请先登录');
    }
    if (!response.ok) {
      const fields = (data.errors || []).map(e => e.message).filter(Boolean).join('；');
      const error = new Error((data.detail || ('请求失败 ' + response.status)) + (fields && !String(data.detail).includes(fields) ? '\n' + fields : ''));
      error.problem = data;
      throw error;
    }
    return data;
  }

  function show(id) {
    ['login', 'scan', 'inspect', 'result'].forEach(x => $(x).classList.toggle('hidden', x !== id));
  }

  function codeFromLocation() {
    const m = /[#&?]c=([^&]+)/.exec(location.hash + '&' + location.search);
    return m ? decodeURIComponent(m[1]) : null;
  }

  async function open(value) {
    $('scan-error').textContent = '';
    try {
      const scanned = await api('POST', '/api/v1/inspections/scan', { code: value });
      code = value;
      enterprise = scanned;
      $('enterprise-name').textContent = scanned.enterpriseName;
      const planned = scanned.planned.map(p => `<div class="row"><input type="radio" name="which" id="p-${p.id}" value="${p.id}">`
        + `<label for="p-${p.id}" style="display:inline">${escape(p.itemName)} · ${escape(p.kindLabel)} · ${escape(p.unitName)}`
        + `（${p.plannedOn}${p.merged ? '，综合查一次' : ''}）</label></div>`).join('');
      $('planned').innerHTML = planned || '<div class="muted">没有本单位已计划的检查</div>';
      const first = document.querySelector('input[name=which]');
      first.checked = true;
      choose();
      const items = await api('GET', '/api/v1/inspection-items');
      $('new-item').innerHTML = items.items.map(i => `<option value="${escape(i.id)}">${escape(i.name)}</option>`).join('');
      const user = JSON.parse(localStorage.getItem(USER) || 'null');
      if (user && !$('inspectors').value) $('inspectors').value = user.name;
      const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
      $('at').value = now.toISOString().slice(0, 16);
      show('inspect');
    } catch (e) {
      $('scan-error').textContent = e.message;
      show('scan');
    }
  }

  function choose() {
    const which = document.querySelector('input[name=which]:checked');
    $('new-plan').classList.toggle('hidden', !which || which.value !== '');
  }

  async function submit(event) {
    event.preventDefault();
    $('record-error').textContent = '';
    $('submit').disabled = true;
    try {
      let id = document.querySelector('input[name=which]:checked').value;
      if (!id) {
        const plan = { enterpriseId: enterprise.enterpriseId, itemId: $('new-item').value, kind: $('new-kind').value };
        if ($('over-cap').value.trim()) plan.overCapReason = $('over-cap').value.trim();
        let planned;
        try {
          planned = await api('POST', '/api/v1/inspections', plan);
        } catch (e) {
          if ((e.problem?.errors || []).some(x => x.field === 'overCapReason')) $('over-cap-label').classList.remove('hidden');
          throw e;
        }
        if (planned.state !== 'PLANNED') {
          $('result').textContent = '已提交计划：' + planned.stateLabel + '\n' + (planned.overCap || '') + '\n批准后再扫码登记。';
          show('result');
          return;
        }
        id = planned.id;
      }
      const body = {
        code,
        inspectors: $('inspectors').value.split('\n').map(s => s.trim()).filter(Boolean),
        at: new Date($('at').value).toISOString(),
        place: $('place').value.trim(),
        findings: $('findings').value.trim(),
      };
      if ($('rect-on').checked) body.rectification = { demand: $('rect-demand').value.trim(), workingDays: Number($('rect-days').value) };
      const done = await api('POST', '/api/v1/inspections/' + encodeURIComponent(id) + '/record', body);
      const rect = done.record.rectification;
      $('result').textContent = '已登记：' + done.enterpriseName + ' · ' + done.itemName + ' · ' + done.kindLabel
        + (rect ? '\n整改期限：' + rect.deadline : '') + '\n企业将在小程序收到结果并可评价。';
      show('result');
    } catch (e) {
      $('record-error').textContent = e.message;
    } finally {
      $('submit').disabled = false;
    }
  }

  async function camera() {
    try {
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const video = $('video');
      video.srcObject = stream;
      video.classList.remove('hidden');
      await video.play();
      const tick = async () => {
        const found = await detector.detect(video).catch(() => []);
        if (found.length) {
          stream.getTracks().forEach(t => t.stop());
          video.classList.add('hidden');
          const m = /[#&?]c=([^&]+)/.exec(found[0].rawValue);
          open(m ? decodeURIComponent(m[1]) : found[0].rawValue);
        } else {
          requestAnimationFrame(tick);
        }
      };
      tick();
    } catch (e) {
      $('scan-error').textContent = '无法使用摄像头：' + e.message + '，请用微信或相机扫码，或输入码值';
    }
  }

  function escape(s) {
    return String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    try {
      const result = await api('POST', '/api/v1/auth/login', { username: $('username').value, password: $('password').value });
      localStorage.setItem(TOKEN, result.token);
      localStorage.setItem(USER, JSON.stringify(result.user));
      start();
    } catch (e) {
      $('login-error').textContent = e.message;
    }
  });
  $('scan').addEventListener('submit', (event) => { event.preventDefault(); open($('code-input').value.trim()); });
  $('choose').addEventListener('change', choose);
  $('rect-on').addEventListener('change', () => $('rect').classList.toggle('hidden', !$('rect-on').checked));
  $('record').addEventListener('submit', submit);
  if ('BarcodeDetector' in window) {
    $('camera').classList.remove('hidden');
    $('camera').addEventListener('click', camera);
  }
  window.addEventListener('hashchange', start);

  function start() {
    if (!localStorage.getItem(TOKEN)) { show('login'); return; }
    const value = codeFromLocation();
    if (value) { open(value); } else { show('scan'); }
  }
  start();
})();
