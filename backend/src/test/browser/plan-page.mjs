// Drives the enterprise's service-plan page (/plan/) in Debian's headless Chromium at phone size (375×667):
// the enterprise signs in, sees its plan with progress, opens it, confirms it is done and rates it.
// Usage: BASE_URL=… ENTERPRISE_USER=… ENTERPRISE_PASSWORD=… PLAN_TITLE=… SHOTS_DIR=… node plan-page.mjs
import { join } from 'node:path';
import { env, fitsThePhone, openPhone, signIn } from './phone.mjs';

const BASE = env('BASE_URL');
const SHOTS = env('SHOTS_DIR');
const TITLE = env('PLAN_TITLE');
const { browser, page, errors } = await openPhone();
try {
  await page.goto(BASE + '/plan/');
  await signIn(page, env('ENTERPRISE_USER'), env('ENTERPRISE_PASSWORD'), '#login button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.view === 'list');
  const card = page.locator('.plan', { hasText: TITLE });
  await card.waitFor();
  if (!(await card.innerText()).includes('已完成 1/1 步')) throw new Error('progress missing: ' + await card.innerText());
  await page.screenshot({ path: join(SHOTS, 'plan-list.png'), fullPage: true });
  await card.click();
  await page.waitForFunction(() => document.body.dataset.view === 'plan:AWAITING_CONFIRMATION');
  const detail = await page.locator('#detail').innerText();
  for (const expected of ['办理步骤', '陪跑记录', '包片领导', '牵头']) {
    if (!detail.includes(expected)) throw new Error(`"${expected}" missing from the plan view: ${detail}`);
  }
  await page.screenshot({ path: join(SHOTS, 'plan-detail.png'), fullPage: true });
  await page.click('#confirm');
  await page.waitForFunction(() => document.body.dataset.view === 'plan:CONFIRMED');
  await page.click('.levels button[data-level=VERY_SATISFIED]');
  await page.fill('#comment', '全程陪跑，省心');
  await page.click('#rate');
  await page.waitForFunction(() => document.body.dataset.view === 'plan:CLOSED');
  const closed = await page.locator('#detail').innerText();
  if (!closed.includes('非常满意')) throw new Error('rating not shown: ' + closed);
  await page.screenshot({ path: join(SHOTS, 'plan-rated.png'), fullPage: true });
  await fitsThePhone(page);
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log('PLAN PAGE OK');
} finally {
  await browser.close();
}
