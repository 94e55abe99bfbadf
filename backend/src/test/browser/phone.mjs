// Shared by the phone-page scripts: required settings from the environment, and Debian's headless
// Chromium with a 375×667 touch phone in Beijing time (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};

export const step = name => console.log('STEP ' + name);

/** {browser, context, page}; page errors are collected in `errors`. */
export async function openPhone() {
  mkdirSync(env('SHOTS_DIR'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', e => { errors.push(e.message); console.log('PAGE ERROR ' + e.message); });
  return { browser, context, page, errors };
}

/** Fails when the page is wider than the phone (a sideways scroll). */
export async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 375) throw new Error('the page is wider than the phone: ' + width);
}
