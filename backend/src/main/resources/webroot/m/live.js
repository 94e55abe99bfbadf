// Live task events over Server-Sent Events. EventSource cannot send the login token, so each
// connection asks for a one-time ticket first; after an error it reconnects itself (with a new
// ticket and the last event id, so nothing from the last 10 minutes is missed).

import { api, session } from './api.js';

const LAST_ID = 'liaison.lastEventId';
const TYPES = ['assigned', 'changed', 'reminder', 'escalated', 'resync'];

export function connectLive({ onEvent, onState }) {
  let source = null;
  let retry = 1000;
  let stopped = false;
  let timer = null;

  async function open() {
    if (stopped || !session.token) return;
    try {
      const { ticket } = await api('POST', '/api/v1/events/ticket', {});
      const last = localStorage.getItem(LAST_ID);
      const url = '/api/v1/events?ticket=' + ticket + (last ? '&lastEventId=' + encodeURIComponent(last) : '');
      source = new EventSource(url);
      source.onopen = () => { retry = 1000; onState(true); };
      source.onerror = () => { source.close(); onState(false); later(); };
      for (const type of TYPES) {
        source.addEventListener(type, e => {
          if (e.lastEventId) localStorage.setItem(LAST_ID, e.lastEventId);
          let data = {};
          try { data = JSON.parse(e.data); } catch { /* keep empty */ }
          onEvent(type, data);
        });
      }
    } catch {
      onState(false);
      later();
    }
  }

  function later() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(open, retry);
    retry = Math.min(retry * 2, 30000);
  }

  open();
  return {
    stop() { stopped = true; clearTimeout(timer); if (source) source.close(); onState(false); },
    reconnectNow() { if (source) source.close(); retry = 1000; clearTimeout(timer); open(); },
  };
}
