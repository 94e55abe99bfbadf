// Drives the staff phone page in Debian's headless Chromium at 375×667, against a running service:
// sign in, see a newly assigned task appear live, accept it, respond, and see the state change;
// typed text survives a reload; offline is shown. Screenshots go to SHOTS_DIR.
// Usage: BASE_URL=… LIAISON_USER=… LIAISON_PASSWORD=… ENTERPRISE_USER=… ENTERPRISE_PASSWORD=… SHOTS_DIR=… node mobile-page.mjs
import { join } from 'node:path';
import { apiLogin, env, openPhone, routed, step } from './phone.mjs';

const BASE = env('BASE_URL');
const SHOTS = env('SHOTS_DIR');

async function submitRequest(token, content) {
  const r = await fetch(BASE + '/api/v1/requests', { method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify({ type: 'DEMAND', content, projectId: 'project-demo-1' }) });
  if (r.status !== 201) throw new Error('submit failed: ' + r.status + ' ' + await r.text());
  return r.json();
}

const { browser, context, page } = await openPhone();
try {
  step('login');
  await page.goto(BASE + '/m/');
  await page.locator('#username').waitFor();
  await page.screenshot({ path: join(SHOTS, '01-login.png') });
  await page.fill('#username', env('LIAISON_USER'));
  await page.fill('#password', 'wrong-password');
  await page.click('button[type=submit]');
  await page.locator('#login-error').getByText('用户名或密码错误').waitFor();
  await page.fill('#password', env('LIAISON_PASSWORD'));
  await page.click('button[type=submit]');
  await page.locator('#tasks').waitFor();
  await page.locator('#live.on').waitFor();

  step('a personal canned reply (常用语) to insert later');
  const liaison = await apiLogin(env('LIAISON_USER'), env('LIAISON_PASSWORD'));
  const canned = await fetch(BASE + '/api/v1/canned-replies', { method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + liaison },
    body: JSON.stringify({ scope: 'PERSONAL', title: '踏勘完成', text: '现场踏勘已完成，' }) });
  if (canned.status !== 201) throw new Error('canned reply not created: ' + canned.status + ' ' + await canned.text());

  step('assigned task appears live');
  const enterprise = await apiLogin(env('ENTERPRISE_USER'), env('ENTERPRISE_PASSWORD'));
  const created = await routed(enterprise, (await submitRequest(enterprise, '我司项目人防地下室需要竣工验收现场踏勘，请联系人尽快安排时间')).id);
  if (created.liaisonId !== 'user-pukou-liaison-1') throw new Error('not routed to the liaison: ' + JSON.stringify(created));
  const card = page.locator(`a.task[data-id="${created.id}"]`);
  await card.waitFor();
  await page.locator('#toast').getByText('新任务').waitFor();
  const badge = await page.locator('.badge.new b').textContent();
  if (Number(badge) < 1) throw new Error('待签收 badge shows ' + badge);
  const due = await card.locator('.due').textContent();
  if (!/签收：(今天|还剩|已超期|.*前到期)/.test(due)) throw new Error('deadline words missing: ' + due);
  await page.screenshot({ path: join(SHOTS, '02-inbox.png') });

  step('detail');
  await card.click();
  await page.locator('.content').getByText('竣工验收现场踏勘').waitFor();
  await page.locator('dt', { hasText: '企业' }).waitFor();
  await page.locator('dt', { hasText: '项目' }).waitFor();
  await page.screenshot({ path: join(SHOTS, '03-detail.png'), fullPage: true });

  step('accept');
  await page.click('button[data-action=accept]');
  // Issue 15: the sheet says what the code does: the completion clock runs from submission, not from sign-for.
  const sheet = await page.locator('form.sheet').innerText();
  if (!sheet.includes('办结时限从诉求提交时起算')) throw new Error('sign-for sheet says: ' + sheet);
  await page.click('form.sheet button[type=submit]');
  await page.locator('.status.IN_PROGRESS').waitFor();

  step('internal note');
  await page.click('button[data-action=note]');
  await page.fill('textarea[name=note]', '企业联系人下午才在，改约下午踏勘');
  await page.click('form.sheet button[type=submit]');
  await page.locator('.history .internal').getByText('仅内部可见').first().waitFor();

  step('typed text survives a reload');
  await page.click('button[data-action=respond]');
  await page.fill('textarea[name=result]', '已于今日现场踏勘，验收意见已出具并告知企业');
  await page.reload();
  await page.locator('button[data-action=respond]').click();
  const kept = await page.inputValue('textarea[name=result]');
  if (!kept.includes('现场踏勘')) throw new Error('draft lost after reload: ' + kept);

  step('canned reply inserted');
  await page.locator('.canned button', { hasText: '踏勘完成' }).click();
  const withCanned = await page.inputValue('textarea[name=result]');
  if (!withCanned.includes('现场踏勘已完成，') || !withCanned.includes('验收意见已出具')) {
    throw new Error('canned reply not inserted: ' + withCanned);
  }

  step('respond');
  await page.check('input[name=resolved][value=true]');
  await page.screenshot({ path: join(SHOTS, '04-respond-form.png') });
  await page.click('form.sheet button[type=submit]');
  await page.locator('.status.RESPONDED').waitFor();
  await page.locator('.history').getByText('答复').first().waitFor();
  await page.screenshot({ path: join(SHOTS, '05-responded.png'), fullPage: true });

  step('gone from the inbox, offline shown');
  await page.goto(BASE + '/m/#/tasks');
  await page.locator('#tasks').waitFor();
  await page.waitForFunction(id => !document.querySelector(`a.task[data-id="${id}"]`), created.id);
  await context.setOffline(true);
  await page.locator('#offline').waitFor();
  await page.screenshot({ path: join(SHOTS, '06-offline.png') });
  await context.setOffline(false);

  console.log('MOBILE PAGE OK');
} catch (e) {
  console.log('MOBILE PAGE FAILED: ' + (e && e.stack || e));
  await page.screenshot({ path: join(SHOTS, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
