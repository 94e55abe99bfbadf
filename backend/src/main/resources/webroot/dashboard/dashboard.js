(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const pct = (v) => v == null ? '—' : (v * 100).toFixed(1) + '%';
  const num = (v) => v == null ? '—' : String(v);
  let token = sessionStorage.getItem('liaison.token');
  let bars = null;
  let trend = null;

  async function api(path, tries = 4) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
    // Reports run two at a time per instance: when busy the server says when to come back (503 + Retry-After).
    if (response.status === 503 && tries > 1) {
      const wait = Math.min(10, Number(response.headers.get('Retry-After')) || 2);
      await new Promise(resolve => setTimeout(resolve, wait * 1000));
      return api(path, tries - 1);
    }
    if (response.status === 401) { logout(); throw new Error('请重新登录'); }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('请求失败 ' + response.status));
    }
    return response;
  }

  function monthsBack(month, n) {
    const [y, m] = month.split('-').map(Number);
    const out = [];
    for (let i = n - 1; i >= 0; i--) {
      const d = new Date(Date.UTC(y, m - 1 - i, 1));
      out.push(d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0'));
    }
    return out;
  }

  function kpis(total) {
    const items = [
      ['受理诉求', num(total.received)], ['办结', num(total.completed)], ['按时办结率', pct(total.onTimeRate)],
      ['平均办结（工作日）', num(total.avgWorkingDaysToComplete)], ['超期', num(total.overdue)],
      ['满意率', pct(total.satisfactionRate)], ['差评', num(total.badRatings)], ['现场服务', num(total.siteVisits)],
      ['政策免申即享', num(total.policyMatchesApplied)], ['服务重点项目', num(total.majorProjectsServed)]];
    $('kpis').innerHTML = items.map(([k, v]) => `<div class="kpi">${k}<b>${v}</b></div>`).join('');
  }

  function table(report) {
    const cols = [['单位', r => r.unitName], ['受理', r => r.received], ['签收率', r => pct(r.signOnTimeRate)],
      ['办结', r => r.completed], ['按时率', r => pct(r.onTimeRate)], ['平均工作日', r => num(r.avgWorkingDaysToComplete)],
      ['超期', r => r.overdue], ['升级', r => r.escalated], ['评价', r => r.rated], ['满意率', r => pct(r.satisfactionRate)],
      ['差评', r => r.badRatings], ['已整改', r => r.rectified], ['企业催办', r => r.urges], ['小程序直答率', r => pct(r.directAnswer.MINIPROGRAM.rate)],
      ['热线直答率', r => pct(r.directAnswer.HOTLINE.rate)], ['政策', r => r.policyMatchesApplied],
      ['走访', r => r.siteVisits], ['重点项目', r => r.majorProjectsServed]];
    const rows = report.rows.concat([report.total]);
    const esc = (s) => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    $('table').innerHTML = '<tr>' + cols.map(c => `<th>${c[0]}</th>`).join('') + '</tr>' + rows.map(r =>
      `<tr class="${r.level === 'PARK' ? 'park' : ''}">` + cols.map(c => `<td>${esc(c[1](r))}</td>`).join('') + '</tr>').join('');
  }

  // 谁在办: per liaison and per handling unit (the same scope as the rows above)
  function people(report) {
    const p = report.people || { liaisons: [], handlingUnits: [] };
    const cols = [['名称', r => r.name], ['受理', r => r.received], ['按时签收率', r => pct(r.signOnTimeRate)],
      ['办结', r => r.completed], ['按时办结率', r => pct(r.onTimeRate)], ['满意率', r => pct(r.satisfactionRate)],
      ['平均工作日', r => num(r.avgWorkingDays)], ['P90 工作日', r => num(r.p90WorkingDays)], ['催办', r => r.urges],
      ['差评整改', r => r.rework]];
    const esc = (s) => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const render = (id, items) => {
      $(id).innerHTML = '<tr>' + cols.map(c => `<th>${c[0]}</th>`).join('') + '</tr>' + items.map(r =>
        '<tr>' + cols.map(c => `<td>${esc(c[1](r))}</td>`).join('') + '</tr>').join('');
    };
    render('people-liaisons', p.liaisons);
    render('people-units', p.handlingUnits);
  }

  // 扫码入企: the month's inspections per district or park and kind, per enterprise, and the 无事不扰 figures.
  function inspections(report) {
    const f = report.inspections;
    $('inspections').classList.toggle('hidden', !f);
    if (!f) return;
    const esc = (s) => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const items = [['检查', f.total], ['已登记', f.registered], ['超上限经批准', f.overCapApproved], ['待批准', f.awaitingApproval],
      ['未扫码（标记）', f.flagged], ['综合查一次', f.mergedInspections], ['企业评价', f.rated], ['差评', f.badRatings],
      ['平均评分', num(f.averageScore)]];
    $('inspection-kpis').innerHTML = items.map(([k, v]) => `<div class="kpi">${k}<b>${esc(v)}</b></div>`).join('');
    const kinds = Object.keys(f.kindLabels);
    $('inspection-table').innerHTML = '<tr><th>单位</th>' + kinds.map(k => `<th>${esc(f.kindLabels[k])}</th>`).join('')
      + '<th>合计</th></tr>' + f.byUnit.map(r => `<tr><td>${esc(r.unitName)}</td>`
      + kinds.map(k => `<td>${r.byKind[k] || 0}</td>`).join('') + `<td>${r.total}</td></tr>`).join('');
    $('inspection-enterprises').innerHTML = '<tr><th>企业</th><th>检查</th><th>入企次数</th></tr>' + f.byEnterprise
      .map(e => `<tr><td>${esc(e.enterpriseName)}</td><td>${e.inspections}</td><td>${e.visits}</td></tr>`).join('');
  }

  function barChart(report) {
    const rows = report.rows.filter(r => r.level !== 'PARK');
    const data = {
      labels: rows.map(r => r.unitName),
      datasets: [
        { label: '受理', data: rows.map(r => r.received), backgroundColor: '#e57373' },
        { label: '办结', data: rows.map(r => r.completed), backgroundColor: '#64b5f6' },
        { label: '超期', data: rows.map(r => r.overdue), backgroundColor: '#ffb74d' }]
    };
    if (bars) { bars.destroy(); }
    bars = new Chart($('bars'), { type: 'bar', data, options: { animation: false, responsive: true } });
  }

  async function trendChart(month) {
    const months = monthsBack(month, 12);
    // Two at a time: the server computes at most two reports at once per instance (more get 503).
    const reports = new Array(months.length);
    let next = 0;
    const worker = async () => {
      while (next < months.length) {
        const i = next++;
        reports[i] = await api('/api/v1/reports/monthly?month=' + months[i]).then(r => r.json());
      }
    };
    await Promise.all([worker(), worker()]);
    const data = {
      labels: months,
      datasets: [
        { label: '受理', data: reports.map(r => r.total.received), borderColor: '#b71c1c', yAxisID: 'y' },
        { label: '按时办结率 %', data: reports.map(r => r.total.onTimeRate == null ? null : r.total.onTimeRate * 100), borderColor: '#1976d2', yAxisID: 'rate' },
        { label: '满意率 %', data: reports.map(r => r.total.satisfactionRate == null ? null : r.total.satisfactionRate * 100), borderColor: '#388e3c', yAxisID: 'rate' }]
    };
    if (trend) { trend.destroy(); }
    trend = new Chart($('trend'), { type: 'line', data, options: { animation: false, responsive: true,
      scales: { y: { beginAtZero: true, position: 'left' }, rate: { min: 0, max: 100, position: 'right' } } } });
  }

  // Years without a holiday schedule (this year; next year from 1 December): deadlines count Mon-Fri.
  async function calendarWarnings() {
    const coverage = await (await api('/api/v1/calendar/coverage')).json();
    $('calendar-warning').textContent = coverage.warnings.join('\n');
    $('calendar-warning').classList.toggle('hidden', coverage.warnings.length === 0);
  }

  async function load() {
    $('error').textContent = '';
    const month = $('month').value;
    try {
      await calendarWarnings();
      const report = await (await api('/api/v1/reports/monthly?month=' + month)).json();
      kpis(report.total);
      table(report);
      people(report);
      inspections(report);
      document.dispatchEvent(new CustomEvent('report-loaded', { detail: report }));
      barChart(report);
      await trendChart(month);
      document.body.dataset.loaded = month;
    } catch (e) {
      $('error').textContent = e.message;
    }
  }

  async function download() {
    const month = $('month').value;
    const blob = await (await api('/api/v1/reports/monthly.xlsx?month=' + month)).blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'monthly-' + month + '.xlsx';
    a.click();
  }

  function logout() {
    sessionStorage.removeItem('liaison.token');
    token = null;
    show();
  }

  function show() {
    $('login').classList.toggle('hidden', !!token);
    $('app').classList.toggle('hidden', !token);
    if (token) { load(); }
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { $('login-error').textContent = body.detail || '登录失败'; return; }
    token = body.token;
    sessionStorage.setItem('liaison.token', token);
    show();
  });
  $('month').addEventListener('change', load);
  $('xlsx').addEventListener('click', download);
  $('logout').addEventListener('click', logout);
  const params = new URLSearchParams(location.search);
  const now = new Date();
  $('month').value = params.get('month') || (now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0'));
  show();
})();
