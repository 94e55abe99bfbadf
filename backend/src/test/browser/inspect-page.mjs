// Drives the scan page (/inspect/) in Debian's headless Chromium at phone size (390×844, touch):
// an inspector opens the link held by the enterprise's QR code, signs in, sees the enterprise the
// code names and the inspection planned for it, fills the form (with a rectification) and submits;
// the page shows the registration and its deadline. A screenshot of each step goes to SHOTS_DIR.
// Usage: BASE_URL=… SCAN_URL=… INSPECTOR_USER=… INSPECTOR_PASSWORD=… SHOTS_DIR=… node inspect-page.mjs
import { join } from 'node:path';
import { env, fitsThePhone, openBrowser, signIn } from './phone.mjs';

const SHOTS = env('SHOTS_DIR');
const { browser, page, errors } = await openBrowser({ width: 390, height: 844, timeout: 20000 });
try {
  // The QR code holds this link; a phone camera opens it.
  await page.goto(env('SCAN_URL'));
  await signIn(page, env('INSPECTOR_USER'), env('INSPECTOR_PASSWORD'), '#login button[type=submit]');
  await page.locator('#enterprise-name').filter({ hasText: '有限公司' }).waitFor();
  const enterprise = await page.textContent('#enterprise-name');
  const planned = await page.locator('#planned input[type=radio]').count();
  if (planned < 1) throw new Error('the planned inspection is not offered');
  await page.screenshot({ path: join(SHOTS, 'inspect-opened.png'), fullPage: true });

  await page.fill('#place', '地下一层人防区');
  await page.fill('#findings', '防护密闭门启闭正常，一处疏散指示标志损坏');
  await page.check('#rect-on');
  await page.fill('#rect-demand', '更换损坏的疏散指示标志');
  await page.fill('#rect-days', '5');
  // Phone-size: nothing wider than the screen.
  await fitsThePhone(page, 390);
  await page.tap('#submit');
  await page.locator('#result').filter({ hasText: '已登记' }).waitFor();
  const result = await page.textContent('#result');
  if (!result.includes('整改期限')) throw new Error('no rectification deadline shown: ' + result);
  await page.screenshot({ path: join(SHOTS, 'inspect-registered.png'), fullPage: true });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(`INSPECT OK enterprise=${enterprise} result=${result.replace(/\n/g, ' | ')}`);
} finally {
  await browser.close();
}
