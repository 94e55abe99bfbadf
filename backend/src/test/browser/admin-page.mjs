// Drives the staff administration page (/admin/) in Debian's headless Chromium at 1280×800 against
// a running service: a city admin signs in, creates a liaison (the one-time password is shown),
// finds it, links its WeCom account, disables it, resets its password and signs out.
// Prints "ADMIN OK password=<the reset password>" for the Java side to check over HTTP.
// Usage: BASE_URL=… ADMIN_USER=… ADMIN_PASSWORD=… SHOTS_DIR=… node admin-page.mjs
import { join } from 'node:path';
import { env, openBrowser, signIn } from './phone.mjs';

const BASE = env('BASE_URL');
const SHOTS = env('SHOTS_DIR');
const { browser, page, errors } = await openBrowser({ width: 1280, height: 800, desktop: true, timeout: 20000 });
try {
  page.on('dialog', dialog => dialog.accept());
  await page.goto(BASE + '/admin/');
  await signIn(page, env('ADMIN_USER'), env('ADMIN_PASSWORD'), '#login button[type=submit]');
  await page.locator('#staff tr').first().waitFor();

  const create = page.locator('#create');
  await create.locator('input[name=username]').fill('browser-liaison');
  await create.locator('input[name=name]').fill('浏览器联络员');
  await create.locator('input[name=roles][value=LIAISON]').check();
  await create.locator('select[name=unitId]').selectOption('district-pukou');
  await create.locator('button[type=submit]').click();
  await page.locator('#secret code').waitFor();
  const first = await page.locator('#secret code').textContent();
  if (!first || first.length < 12) throw new Error('no password shown after creating: ' + first);

  await page.fill('#q', 'browser');
  await page.click('#search button[type=submit]');
  const row = page.locator('#staff tr[data-username="browser-liaison"]');
  await row.waitFor();
  if (await page.locator('#staff tr').count() !== 1) throw new Error('the search should find one person');
  if (!(await row.textContent()).includes('浦口区')) throw new Error('unit name missing: ' + await row.textContent());

  await row.getByRole('button', { name: '修改' }).click();
  await page.locator('#edit-form input[name=wecomUserId]').fill('BrowserLi');
  await page.locator('#edit-form button[type=submit]').click();
  await page.locator('#staff tr[data-username="browser-liaison"] >> text=BrowserLi').waitFor();

  await page.locator('#staff tr[data-username="browser-liaison"]').getByRole('button', { name: '停用' }).click();
  await page.locator('#staff tr[data-username="browser-liaison"] >> text=已停用').waitFor();

  await page.locator('#staff tr[data-username="browser-liaison"]').getByRole('button', { name: '重置密码' }).click();
  await page.waitForFunction(old => {
    const code = document.querySelector('#secret code');
    return code && code.textContent !== old;
  }, first);
  const reset = await page.locator('#secret code').textContent();
  const shownError = await page.locator('#error').textContent();
  if (shownError) throw new Error('the page showed an error: ' + shownError);
  await page.screenshot({ path: join(SHOTS, 'admin.png'), fullPage: true });

  await page.click('#logout');
  await page.locator('#login').waitFor({ state: 'visible' });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(`ADMIN OK password=${reset}`);
} finally {
  await browser.close();
}
