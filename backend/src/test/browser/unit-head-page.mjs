// A unit head on the phone page, opened as from a WeCom "延期申请待审批" card (#/tasks/{id}):
// signs in, sees the extension asked for and approves it; then assigns a request waiting in the
// unit to a liaison. Screenshots go to SHOTS_DIR.
// Usage: BASE_URL=… PASSWORDS='{"pukou-head":"…",…}' SHOTS_DIR=… node unit-head-page.mjs
import { join } from 'node:path';
import { apiLogin, openPhone, routed, signIn, step } from './phone.mjs';

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SHOTS_DIR;
const PASSWORDS = JSON.parse(process.env.PASSWORDS);

const login = username => apiLogin(username, PASSWORDS[username]);

async function call(token, method, path, body, expected = 200) {
  const r = await fetch(BASE + path, { method, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status !== expected) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

const { browser, page } = await openPhone();
try {
  step('a liaison asks for an extension');
  const enterprise = await login('enterprise-1');
  const liaison = await login('pukou-liaison-1');
  const head = await login('pukou-head');
  const created = await call(enterprise, 'POST', '/api/v1/requests',
    { type: 'DEMAND', content: '地下室人防门需要更换密封条，请协调厂家上门', projectId: 'project-demo-1' }, 201);
  await routed(enterprise, created.id);
  await call(liaison, 'POST', `/api/v1/requests/${created.id}/accept`, {});
  await call(liaison, 'POST', `/api/v1/requests/${created.id}/extension`, { workingDays: 3, reason: '厂家配件需从外地调货' });

  step('the card opens the task; the unit head signs in');
  await page.goto(`${BASE}/m/#/tasks/${created.id}`);
  await signIn(page, 'pukou-head', PASSWORDS['pukou-head']);
  await page.getByText('厂家配件需从外地调货').first().waitFor();
  await page.getByText('延长 3 个工作日').waitFor();
  await page.screenshot({ path: join(SHOTS, 'u1-extension.png') });

  step('approve');
  await page.click('button[data-action="extension/approve"]');
  await page.fill('#f-note', '同意，请抓紧协调');
  await page.click('form.sheet button[type=submit]');
  await page.locator('#toast').getByText('批准延期成功').waitFor();
  const approved = await call(head, 'GET', `/api/v1/requests/${created.id}`);
  if (approved.extension.state !== 'APPROVED') throw new Error('not approved: ' + JSON.stringify(approved.extension));
  // The toast shows before the task is read again: wait for the new state instead of counting at once.
  await page.locator('button[data-action="extension/approve"]').waitFor({ state: 'detached' })
    .catch(() => { throw new Error('approve still offered'); });
  await page.screenshot({ path: join(SHOTS, 'u2-approved.png') });

  step('a request waiting in the unit is assigned from the phone');
  const agent = await login('hotline-agent');
  const admin = await login('city-admin');
  const waiting = await call(agent, 'POST', '/api/v1/requests',
    { type: 'DEMAND', content: '来电反映小区人防工程出入口被占用，请协调清理' }, 201);
  await routed(admin, waiting.id);
  await call(admin, 'POST', `/api/v1/requests/${waiting.id}/assess`, { unitId: 'district-pukou', note: '地址在浦口区' });
  await page.goto(`${BASE}/m/#/tasks/${waiting.id}`);
  await page.click('button[data-action="assign"]');
  await page.locator('select[name=liaisonId] option[value="user-pukou-liaison-2"]').waitFor({ state: 'attached' });
  await page.selectOption('select[name=liaisonId]', 'user-pukou-liaison-2');
  await page.screenshot({ path: join(SHOTS, 'u3-assign.png') });
  await page.click('form.sheet button[type=submit]');
  await page.locator('#toast').getByText('分派成功').waitFor();
  const assigned = await call(head, 'GET', `/api/v1/requests/${waiting.id}`);
  if (assigned.liaisonId !== 'user-pukou-liaison-2') throw new Error('not assigned: ' + assigned.liaisonId);
  console.log('UNIT HEAD PAGE OK');
} catch (e) {
  console.log('FAILED ' + e.message);
  await page.screenshot({ path: join(SHOTS, 'u-failed.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
