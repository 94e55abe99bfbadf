// The summary's extra sections (一企一策, 提速), drawn from the same report JSON once dashboard.js has it.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const num = (v) => v == null ? '—' : String(v);
  const pct = (v) => v == null ? '—' : (v * 100).toFixed(1) + '%';
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

  function table(id, head, rows) {
    $(id).innerHTML = '<tr>' + head.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr>'
      + rows.map(r => '<tr>' + r.map(c => '<td>' + esc(c) + '</td>').join('') + '</tr>').join('');
  }

  function plans(section) {
    $('plans-card').classList.toggle('hidden', !section);
    if (!section) return;
    const rows = section.rows.concat([section.total]).map(r => [r.unitName, num(r.opened), num(r.closed), num(r.running),
      num(r.stepsDone), num(r.stepsOverdue), num(r.visits), num(r.rated), pct(r.satisfactionRate), num(r.reopened)]);
    table('plans', ['单位', '新制定', '办结', '推进中', '完成步骤', '超期步骤', '陪跑', '评价', '满意率', '差评重开'], rows);
  }

  function speed(section) {
    const rows = [];
    for (const item of section.items) {
      for (const [source, label] of [['approvals', '审批'], ['answers', '诉求']]) {
        const f = item[source];
        if (!f.count) continue;
        rows.push([item.title, label, '全部', num(item.legalDays), num(item.promisedDays), num(item.targetDays),
          num(f.count), num(f.median), num(f.p90), pct(f.shareWithinTarget)]);
        for (const u of f.byUnit) {
          rows.push(['', label, u.unitName, '', '', '', num(u.count), num(u.median), num(u.p90), pct(u.shareWithinTarget)]);
        }
      }
    }
    const targets = section.items.filter(i => i.targetDays != null)
      .map(i => [i.title, num(i.legalDays), num(i.promisedDays), num(i.targetDays), i.targetBasis]);
    table('speed-targets', ['服务事项', '法定时限', '承诺时限', '目标时限', '目标依据'], targets);
    table('speed', ['服务事项', '来源', '范围', '法定', '承诺', '目标', '件数', '中位数', 'P90', '目标内占比'],
      rows.length ? rows : [['本月暂无办结记录', '', '', '', '', '', '', '', '', '']]);
  }

  document.addEventListener('report-loaded', (event) => {
    plans(event.detail.servicePlans);
    if (event.detail.speed) speed(event.detail.speed);
  });
})();
