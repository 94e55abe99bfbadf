// Drives the scan page (/inspect/) in Debian's headless Chromium at phone size (390×844, touch):
// an inspector opens the link held by the enterprise's QR code, signs in, sees the enterprise the
// code names and the inspection planned for it, fills the form (with a rectification) and submits;
// the page shows the registration and its deadline. A screenshot of each step goes to SHOTS_DIR.
// Usage: BASE_URL=… SCAN_URL=… INSPECTOR_USER=… INSPECTOR_PASSWORD=… SHOTS_DIR=… node inspect-page.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};
const SHOTS = env('SHOTS_DIR');
mkdirSync(SHOTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true,
    hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));

  // The QR code holds this link; a phone camera opens it.
  await page.goto(env('SCAN_URL'));
  await page.locator('#username').waitFor();
  await page.fill('#username', env('INSPECTOR_USER'));
  await page.fill('#password', env('INSPECTOR_PASSWORD'));
  await page.click('#login button[type=submit]');
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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  if (overflow) throw new Error('the page is wider than the phone screen');
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
