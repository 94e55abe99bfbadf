// Drives the city office's dashboard in Debian's headless Chromium at 1280×800 against a running
// service: a unit head is refused nothing it may see, a city admin signs in, the key figures, both
// charts and the table render, and a screenshot is saved to SHOTS_DIR.
// Usage: BASE_URL=… ADMIN_USER=… ADMIN_PASSWORD=… SHOTS_DIR=… node dashboard-page.mjs
import { join } from 'node:path';
import { env, openBrowser, signIn } from './phone.mjs';

const BASE = env('BASE_URL');
const SHOTS = env('SHOTS_DIR');
const { browser, page, errors } = await openBrowser({ width: 1280, height: 800, desktop: true });
try {
  await page.goto(BASE + '/dashboard/');
  await signIn(page, env('ADMIN_USER'), env('ADMIN_PASSWORD'), '#login button[type=submit]');
  await page.locator('#login').waitFor({ state: 'hidden' });
  await page.locator('#kpis .kpi').first().waitFor();
  await page.locator('#table tr').nth(1).waitFor();
  // 提速: every service item with a target is listed (the joint-acceptance site survey: 1 working day).
  await page.locator('#speed-targets tr').nth(1).waitFor();
  const targets = await page.locator('#speed-targets').innerText();
  if (!targets.includes('联合验收现场踏勘')) throw new Error('the speed targets miss the joint acceptance: ' + targets);
  // Both charts exist and have data (the 12-month trend loads after the month's figures).
  await page.waitForFunction(() => window.Chart && ['bars', 'trend'].every(id => {
    const chart = window.Chart.getChart(id);
    return chart && chart.data.labels.length > 0;
  }), null, { timeout: 90000 }); // twelve monthly reports, each with every section, two at a time
  const trendMonths = await page.evaluate(() => window.Chart.getChart('trend').data.labels.length);
  if (trendMonths !== 12) throw new Error('the trend shows ' + trendMonths + ' months, not 12');
  const kpis = await page.locator('#kpis .kpi').count();
  const rows = await page.locator('#table tr').count();
  // who performs: the liaison and unit tables have their header (and a row per person or unit with requests)
  await page.locator('#people-liaisons th').getByText('P90 工作日').waitFor();
  await page.locator('#people-units th').getByText('满意率').waitFor();
  await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(`DASHBOARD OK kpis=${kpis} rows=${rows}`);
} finally {
  await browser.close();
}
