// The staff phone page: hash routes #/login, #/auth (back from WeCom), #/tasks, #/tasks/{id},
// #/plans, #/plans/{id} (服务方案), #/proactive, #/proactive/{id} (跨前服务).

import { session } from './api.js';
import { connectLive } from './live.js';
import { renderInbox, loadInbox } from './inbox.js';
import { renderDetail } from './detail.js';
import { renderLogin, finishWecom } from './login.js';
import { renderPlans } from './plans.js';
import { renderPlan } from './plan.js';
import { renderProactiveList, renderProactiveTask } from './proactive.js';
import { $, toast } from './ui.js';

const view = $('#view');
let live = null;

const LABELS = { assigned: '新任务', reminder: '催办提醒', escalated: '超期督办', changed: '任务有更新' };

function route() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/tasks').split('?');
  const params = new URLSearchParams(query || '');
  if (path === '/auth') return finishWecom(params);
  if (path === '/login' || !session.token) {
    stopLive();
    showTabs(null);
    const next = path === '/login' ? params.get('next') : '#' + path;
    if (next) params.set('next', next);
    return renderLogin(view, params);
  }
  startLive();
  const [, section, id] = path.match(/^\/(tasks|plans|proactive)(?:\/(.+))?$/) || [null, 'tasks', null];
  showTabs(id ? null : section);
  if (id && section === 'plans') return renderPlan(view, decodeURIComponent(id));
  if (id && section === 'proactive') return renderProactiveTask(view, decodeURIComponent(id));
  if (id) return renderDetail(view, decodeURIComponent(id));
  if (section === 'plans') return renderPlans(view);
  if (section === 'proactive') return renderProactiveList(view);
  view.innerHTML = '';
  return renderInbox(view);
}

/** The tabs between the three lists; hidden on a single item and on the sign-in form. */
function showTabs(section) {
  const tabs = $('#tabs');
  tabs.hidden = !section;
  tabs.querySelectorAll('[data-tab]').forEach(a => a.classList.toggle('on', a.dataset.tab === section));
}

function startLive() {
  if (live) return;
  live = connectLive({
    onState: on => $('#live').classList.toggle('on', on),
    onEvent: (type, event) => {
      if (type === 'resync') {
        refreshCurrent();
        return;
      }
      toast(`${LABELS[type] || '任务更新'}：${event.title || event.number || ''}`);
      refreshCurrent(event.requestId, type === 'assigned' ? event.requestId : null);
    },
  });
}

function stopLive() {
  if (live) live.stop();
  live = null;
}

function refreshCurrent(requestId, highlight) {
  const task = location.hash.match(/^#\/tasks\/(.+)$/);
  if (task) {
    if (!requestId || decodeURIComponent(task[1]) === requestId) renderDetail(view, decodeURIComponent(task[1]));
  } else if (view.querySelector('#tasks')) {
    loadInbox(view, highlight);
  } else if (!requestId && /^#\/(plans|proactive)/.test(location.hash) && !view.querySelector('form.sheet')) {
    route(); // back online or back in front: plans and proactive tasks have no live events, so read them again
  }
}

$('#back').addEventListener('click', () => {
  if (history.length > 1) history.back(); else location.hash = '#/tasks';
});
window.addEventListener('hashchange', route);
window.addEventListener('signed-out', () => { stopLive(); location.hash = '#/login'; });
window.addEventListener('online', () => { $('#offline').hidden = true; if (live) live.reconnectNow(); refreshCurrent(); });
window.addEventListener('offline', () => { $('#offline').textContent = '网络已断开，显示的是本机保存的数据'; $('#offline').hidden = false; });
document.addEventListener('visibilitychange', () => { if (!document.hidden && session.token) refreshCurrent(); });
if (!navigator.onLine) $('#offline').hidden = false;
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
route();
