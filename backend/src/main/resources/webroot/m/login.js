// Sign-in: username and password, or WeCom (企业微信) when the service has it.

import { api, session } from './api.js';
import { $, esc, setTitle } from './ui.js';

export async function renderLogin(view, params) {
  setTitle('登录', false);
  let methods = { password: true, wecom: false };
  try { methods = await api('GET', '/api/v1/auth/methods'); } catch { /* offline: show the form */ }
  const next = params.get('next') || '#/tasks';
  if (methods.wecom && /wxwork/i.test(navigator.userAgent) && !params.get('error')) {
    location.href = '/api/v1/auth/wecom/start?next=' + encodeURIComponent(next);
    return;
  }
  view.innerHTML = `
    <div class="login">
      <h2>人防联络员工作台</h2>
      ${params.get('error') ? `<p class="error">${esc(params.get('error'))}</p>` : ''}
      ${methods.password ? `
      <form id="password-form" novalidate>
        <label for="username">用户名</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="off" required>
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <p class="error" id="login-error" hidden></p>
        <button class="primary" type="submit">登录</button>
      </form>` : ''}
      ${methods.wecom ? `${methods.password ? '<p class="or">或</p>' : ''}
        <button id="wecom" type="button">企业微信登录</button>` : ''}
      ${!methods.password && !methods.wecom ? '<p class="error">暂无可用的登录方式，请联系管理员</p>' : ''}
    </div>`;
  $('#wecom', view)?.addEventListener('click', () => {
    location.href = '/api/v1/auth/wecom/start?next=' + encodeURIComponent(next);
  });
  $('#password-form', view)?.addEventListener('submit', async e => {
    e.preventDefault();
    const error = $('#login-error', view);
    const username = $('#username', view).value.trim();
    const password = $('#password', view).value;
    if (!username || !password) {
      error.textContent = '请输入用户名和密码';
      error.hidden = false;
      return;
    }
    const button = e.submitter || $('button[type=submit]', view);
    button.disabled = true;
    try {
      const result = await api('POST', '/api/v1/auth/login', { username, password });
      session.save(result.token, result.user);
      // Opened from a task link, the form was shown in place: the hash is already `next`, so setting it
      // again would fire no hashchange and the page would stay on the form.
      if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = next;
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}

/** Back from WeCom: the token arrives in the URL fragment. */
export async function finishWecom(params) {
  const token = params.get('token');
  session.save(token, null);
  try {
    session.save(token, await api('GET', '/api/v1/me'));
  } catch { /* shown by the next view */ }
  location.replace('#' + (params.get('next') || '#/tasks').replace(/^#/, ''));
}
