// Shared by the browser scripts: required settings from the environment, Debian's headless Chromium
// in Beijing time (never a downloaded browser) as a 375×667 touch phone or at another size, signing in.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};

export const step = name => console.log('STEP ' + name);

/** {browser, context, page} of a 375×667 touch phone; page errors are collected in `errors`. */
export const openPhone = () => openBrowser();

/**
 * {browser, context, page} at `width`×`height`: a touch phone at twice the pixels, or a `desktop`
 * screen; page errors are collected in `errors`. SHOTS_DIR is created for the screenshots.
 */
export async function openBrowser({ width = 375, height = 667, desktop = false, timeout = 15000 } = {}) {
  mkdirSync(env('SHOTS_DIR'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const device = desktop ? {} : { deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const context = await browser.newContext({ viewport: { width, height }, ...device, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const errors = [];
  page.on('pageerror', e => { errors.push(e.message); console.log('PAGE ERROR ' + e.message); });
  return { browser, context, page, errors };
}

/** Fails when the page is wider than the phone (a sideways scroll). */
export async function fitsThePhone(page, phoneWidth = 375) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > phoneWidth) throw new Error('the page is wider than the phone: ' + width);
}

/** Fills the sign-in form (#username, #password) once it shows and submits it with `submit`. */
export async function signIn(page, username, password, submit = 'button[type=submit]') {
  await page.locator('#username').waitFor();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click(submit);
}

/** A token for `username` from the service at BASE_URL, as a client signs in over the API. */
export async function apiLogin(username, password) {
  const r = await fetch(env('BASE_URL') + '/api/v1/auth/login', { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error('API login failed: ' + r.status + ' ' + await r.text());
  return (await r.json()).token;
}

/** Assessment and routing follow the 201 asynchronously: reads the request until it has left RECEIVED. */
export async function routed(token, id) {
  const deadline = Date.now() + 60000;
  for (;;) {
    const r = await fetch(env('BASE_URL') + '/api/v1/requests/' + id, { headers: { Authorization: 'Bearer ' + token } });
    const body = await r.json();
    if (r.ok && body.status !== 'RECEIVED') return body;
    if (Date.now() > deadline) throw new Error('not routed within 60 s: ' + JSON.stringify(body));
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
