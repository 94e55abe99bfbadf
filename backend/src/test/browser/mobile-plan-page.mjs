// Drives the staff phone page's 服务方案 and 跨前服务 views in headless Chromium at 375×667: a liaison
// opens a plan card's link (as WeCom sends it), signs in there, sees the plan with names and
// working-day deadlines, marks a step done and logs an accompanied visit (陪跑); then opens a
// proactive task's link and completes it. Screenshots go to SHOTS_DIR.
// Usage: BASE_URL=… LIAISON_USER=… LIAISON_PASSWORD=… LIAISON_NAME=… PLAN_ID=… STEP_ID=… TASK_ID=… SHOTS_DIR=… node mobile-plan-page.mjs
import { join } from 'node:path';
import { env, fitsThePhone, openPhone, signIn, step } from './phone.mjs';

const BASE = env('BASE_URL');
const SHOTS = env('SHOTS_DIR');
const { browser, page, errors } = await openPhone();
try {
  step('sign in on the plan card link');
  await page.goto(`${BASE}/m/#/plans/${encodeURIComponent(env('PLAN_ID'))}`);
  await signIn(page, env('LIAISON_USER'), env('LIAISON_PASSWORD'));
  const plan = page.locator(`[data-plan="${env('PLAN_ID')}"]`);
  await plan.waitFor();

  step('the plan: goal, items, steps with names and deadlines');
  const text = await plan.innerText();
  for (const expected of ['示范花园人防报建陪跑', '推进中', '协助企业一次办成防空地下室报建', '涉及服务事项', '办理步骤',
    '核对应建面积', '负责人：' + env('LIAISON_NAME'), '未开始', '还剩', '个工作日', '牵头']) {
    if (!text.includes(expected)) throw new Error(`"${expected}" missing from the plan: ${text}`);
  }
  if (/user-|project-demo|item-basement/.test(text)) throw new Error('an id is shown where a name exists: ' + text);
  if (!/期限：\d+月\d+日 周[一二三四五]/.test(text)) throw new Error('the deadline is not a working date: ' + text);
  await page.screenshot({ path: join(SHOTS, 'plan-01-detail.png'), fullPage: true });
  await fitsThePhone(page);

  step('mark the step done');
  const stepItem = page.locator(`li.step[data-step="${env('STEP_ID')}"]`);
  await stepItem.locator('button[data-act=step]').click();
  await page.check('form.sheet input[name=state][value=DONE]');
  await page.fill('form.sheet textarea[name=note]', '面积已与设计院核对无误');
  await page.click('form.sheet button[type=submit]');
  await page.locator(`li.step.DONE[data-step="${env('STEP_ID')}"]`).waitFor();
  await page.locator('[data-plan][data-status=AWAITING_CONFIRMATION]').waitFor();

  step('log an accompanied visit');
  await page.click('button[data-act=visit]');
  await page.click('form.sheet button[type=submit]');
  await page.locator('form.sheet #form-error').getByText('请填写地点').waitFor();
  await page.fill('form.sheet input[name=place]', '浦口区政务服务中心');
  await page.fill('form.sheet input[name=companions]', '设计院王工、企业李经理');
  await page.fill('form.sheet textarea[name=actions]', '现场指导企业网上申报并当场受理');
  await page.fill('form.sheet textarea[name=fixedOnSpot]', '申报表漏填人防面积，当场补正');
  await page.screenshot({ path: join(SHOTS, 'plan-02-visit-form.png') });
  await page.click('form.sheet button[type=submit]');
  await page.locator('.visits').getByText('浦口区政务服务中心').waitFor();
  const visits = await page.locator('.visits').innerText();
  if (!visits.includes(env('LIAISON_NAME') + '、设计院王工、企业李经理')) throw new Error('who went is missing: ' + visits);
  const record = await page.locator('[data-plan]').innerText();
  if (!record.includes('方案记录') || !record.includes('陪跑：') || !record.includes('已完成：面积已与设计院核对无误')) {
    throw new Error('the plan record misses the step or the visit: ' + record);
  }
  await page.screenshot({ path: join(SHOTS, 'plan-03-visited.png'), fullPage: true });

  step('the plan list');
  await page.goto(`${BASE}/m/#/plans`);
  await page.locator('#tabs a.on[data-tab=plans]').waitFor();
  await page.click('#plan-filters [data-filter=""]');
  await page.locator(`a.plan[data-id="${env('PLAN_ID')}"]`).getByText('已完成 1/1 步').waitFor();

  step('a proactive task from its card link');
  await page.goto(`${BASE}/m/#/proactive/${encodeURIComponent(env('TASK_ID'))}`);
  const task = page.locator('[data-task][data-status=OPEN]');
  await task.waitFor();
  const asked = await page.locator('ul.ask li').count();
  if (asked < 1) throw new Error('nothing to ask: ' + await task.innerText());
  if (!(await task.innerText()).includes('江浦手机跨前服务项目')) throw new Error('the project is missing: ' + await task.innerText());
  await page.screenshot({ path: join(SHOTS, 'proactive-01-task.png'), fullPage: true });
  await page.click('button[data-act=done]');
  await page.fill('form.sheet textarea[name=note]', '已电话联系企业，下周一上门核对人防面积');
  await page.check('form.sheet input[name=contacted]');
  await page.click('form.sheet button[type=submit]');
  await page.locator('[data-task][data-status=DONE]').getByText('下周一上门核对人防面积').waitFor();
  await page.screenshot({ path: join(SHOTS, 'proactive-02-done.png'), fullPage: true });

  step('the proactive list');
  await page.goto(`${BASE}/m/#/proactive`);
  await page.locator('#tabs a.on[data-tab=proactive]').waitFor();
  await page.locator('#proactive-filters [data-filter=DONE]').click();
  await page.locator(`a.proactive[data-id="${env('TASK_ID')}"]`).waitFor();
  await fitsThePhone(page);
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log('MOBILE PLAN PAGE OK');
} catch (e) {
  console.log('MOBILE PLAN PAGE FAILED: ' + (e && e.stack || e));
  await page.screenshot({ path: join(SHOTS, 'plan-failed.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
