// The cadre's field app. Everything the cadre records goes first into a queue on the phone
// (localStorage), each record with an id made here; the queue is sent whenever the network is
// there, and the server stores each id exactly once, so sending twice is harmless. A visit and a
// stay carry where the phone was, when it can tell: the supervisors' far-from-village and travel
// checks read it; a record is never held up or refused for the want of one.
(() => {
  'use strict';
  const T = JSON.parse(document.getElementById('ui-text').textContent);
  const say = (key, ...args) => (T[key] || key).replace(/\{(\d)\}/g, (_, i) => args[+i]);
  const $ = id => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props);
    for (const c of children) e.append(c);
    return e;
  };

  const ME_KEY = 'liaison.field.me';
  const queueKey = () => 'liaison.field.queue.' + (state.me ? state.me.cadreCode : 'unknown');
  const recentKey = () => 'liaison.field.recent.' + (state.me ? state.me.cadreCode : 'unknown');
  const state = { me: null, village: null, search: '', syncing: false, lastSync: null, backoff: 1000, timer: null, note: null, fix: null, denied: false };

  // --- storage -------------------------------------------------------------------------------
  const load = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; } };
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));
  const queue = () => load(queueKey(), []);
  const setQueue = q => { save(queueKey(), q); renderQueue(); };
  // A record is sent once its position is settled (found, refused or given up on).
  const ready = r => r.state === 'pending' && !r.locating;
  // The last records synced, so that the cadre still sees what became of them (and of their position);
  // a few only, above the household list.
  const RECENT = 3;
  const recent = () => load(recentKey(), []);
  const remember = items => save(recentKey(), [...items.map(i => ({ id: i.body.id, kind: i.kind, label: i.label, located: i.located, at: i.at })), ...recent()].slice(0, RECENT));

  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const uuid = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10); // China date

  // --- position ------------------------------------------------------------------------------
  // Asked once per visit or stay (a fix of the last two minutes is used again), and never waited
  // for: the record is queued at once and sent when the answer comes. Our own timer also covers a
  // permission prompt the cadre leaves unanswered, which the browser's timeout does not count.
  const LOCATE_MS = 8000, FRESH_MS = 120000;
  const degrees = x => Math.round(x * 1e6) / 1e6;
  function locate() {
    if (!('geolocation' in navigator) || state.denied) return Promise.resolve(null);
    if (state.fix && Date.now() - state.fix.at < FRESH_MS) return Promise.resolve(state.fix);
    return new Promise(resolve => {
      const timer = setTimeout(() => resolve(null), LOCATE_MS);
      navigator.geolocation.getCurrentPosition(
        p => { state.fix = { latitude: degrees(p.coords.latitude), longitude: degrees(p.coords.longitude), at: Date.now() }; clearTimeout(timer); resolve(state.fix); },
        e => { state.denied = e.code === 1; clearTimeout(timer); resolve(null); },
        { enableHighAccuracy: true, timeout: LOCATE_MS, maximumAge: FRESH_MS });
    });
  }
  // Visits and stays carry a position; activities and night sessions do not.
  const positionText = r => r.kind !== 'visit' && r.kind !== 'stay' ? '' : r.locating ? say('locating') : r.located ? say('located') : say('notLocated');

  // position: a promise of the fix (or null) for the kinds that carry one.
  function enqueue(kind, label, body, position) {
    const id = uuid();
    const q = queue();
    q.push({ kind, label, body: { id, ...body }, state: 'pending', at: Date.now(), locating: !!position, located: false });
    setQueue(q);
    message('saved');
    render();
    if (!position) { sync(); return; }
    position.then(fix => {
      const now = queue();
      const item = now.find(i => i.body.id === id);
      if (item) {
        if (fix) { item.body.latitude = fix.latitude; item.body.longitude = fix.longitude; }
        item.located = !!fix;
        delete item.locating;
        setQueue(now);
      }
      sync();
    });
  }

  // --- sync ----------------------------------------------------------------------------------
  const endpoints = { visit: '/api/v1/field/visits', stay: '/api/v1/field/stays', activity: '/api/v1/field/activities', night: '/api/v1/field/nights', deed: '/api/v1/field/deeds' };

  async function sync() {
    if (state.syncing || !navigator.onLine) return;
    const pending = queue().filter(ready);
    if (pending.length === 0) return;
    state.syncing = true;
    renderQueue();
    try {
      // A fresh anti-forgery token: the page may have been kept offline since another sign-in.
      const session = await fetch('/api/v1/session/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      if (session.status === 401 || session.redirected) { message('signIn'); return; }
      if (!session.ok) throw new Error('HTTP ' + session.status);
      const csrf = (await session.json()).token;
      for (const kind of Object.keys(endpoints)) {
        const batch = pending.filter(r => r.kind === kind).slice(0, 200);
        if (batch.length === 0) continue;
        const response = await fetch(endpoints[kind], {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf },
          body: JSON.stringify(batch.map(r => r.body)),
        });
        if (response.status === 401 || response.redirected) { message('signIn'); return; }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const answer = await response.json();
        const byId = new Map(answer.results.map(r => [r.id, r]));
        const q = queue();
        for (const item of q) {
          const r = byId.get(item.body.id);
          if (!r) continue;
          if (r.status === 'stored' || r.status === 'duplicate') {
            item.state = 'done';
            if (kind === 'visit') markVisited(item.body.household);
          } else {
            item.state = 'refused';
            item.errors = r.errors.map(e => `${e.field}: ${e.message}`);
          }
        }
        remember(q.filter(i => i.state === 'done'));
        setQueue(q.filter(i => i.state !== 'done'));
      }
      state.lastSync = new Date();
      state.backoff = 1000;
      if (state.note === 'signIn') message(null);
      if (queue().some(ready)) setTimeout(sync, 0);
    } catch {
      // No network, or the server went away mid-request: everything stays queued and goes again.
      clearTimeout(state.timer);
      state.timer = setTimeout(sync, state.backoff);
      state.backoff = Math.min(state.backoff * 2, 60000);
    } finally {
      state.syncing = false;
      renderQueue();
    }
  }

  function markVisited(householdId) {
    if (!state.me) return;
    for (const v of state.me.villages) {
      const h = v.householdList.find(x => x.id === householdId);
      if (h && !h.visited) { h.visited = true; v.visited++; }
      if (h) h.myVisits++;
    }
    save(ME_KEY, state.me);
    render();
  }

  // --- screens -------------------------------------------------------------------------------
  // The message line says one thing by its key, so that the queue's state can take back what has become untrue.
  function message(key) { state.note = key; $('message').textContent = key ? say(key) : ''; }

  function renderQueue() {
    const q = queue();
    const pending = q.filter(r => r.state === 'pending').length;
    const online = navigator.onLine;
    $('net').textContent = online ? say('online') : say('offline');
    $('net').classList.toggle('offline', !online);
    $('queue').classList.toggle('pending', pending > 0);
    $('queue').dataset.pending = String(pending);
    const refused = q.filter(r => r.state === 'refused');
    // Synced means nothing left on the phone: neither waiting nor refused.
    const status = pending > 0 ? say(online ? 'pending' : 'pendingOffline', pending)
      : refused.length > 0 ? say('refusedCount', refused.length) : say('allSynced');
    $('queue').dataset.synced = String(q.length === 0);
    $('queue-state').textContent = (state.syncing && pending > 0 ? say('syncing') + ' ' : '') + status
      + (state.lastSync ? ' · ' + say('lastSync', state.lastSync.toLocaleTimeString()) : '');
    if (pending === 0 && state.note === 'saved') message(null);
    renderRecords(q);
    $('refused-list').hidden = refused.length === 0;
    $('refused').replaceChildren(...refused.map(r => el('li', {},
      `${r.kind} ${r.body.id.slice(0, 8)}: ${(r.errors || []).join('; ')} `,
      el('button', { type: 'button', className: 'link', textContent: say('discard'), onclick: () => setQueue(queue().filter(x => x.body.id !== r.body.id)) }))));
  }

  // The latest records, waiting ones first: what each is, whether it has a position, whether it is synced.
  function renderRecords(q) {
    const time = at => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const rows = [
      ...q.filter(r => r.state === 'pending').reverse().map(r => ({ ...r, synced: false })),
      ...recent().map(r => ({ ...r, synced: true })),
    ].slice(0, RECENT);
    $('records-list').hidden = rows.length === 0;
    $('records').replaceChildren(...rows.map(r => {
      const li = el('li', {},
        el('span', { className: 'what', textContent: `${time(r.at)} ${r.label || r.kind}` }),
        el('span', { className: 'position', textContent: positionText(r) }),
        el('span', { className: 'sync', textContent: r.synced ? say('stored') : say('waiting') }));
      li.dataset.kind = r.kind;
      li.dataset.located = String(!!r.located);
      li.dataset.synced = String(r.synced);
      return li;
    }));
  }

  function render() {
    const me = state.me;
    if (!me) return;
    if (me.villages.length === 0) { $('village').replaceChildren(el('p', { className: 'note', textContent: say('noVillages') })); return; }
    if (!me.villages.some(v => v.code === state.village)) state.village = me.villages[0].code;
    $('villages').replaceChildren(...me.villages.map(v => el('button', {
      type: 'button', textContent: v.name + (v.firstSecretary ? ' · ' + say('firstSecretary') : v.paired ? ' · ' + say('paired') : v.team ? ' · ' + say('team.' + v.team) : ''),
      onclick: () => { state.village = v.code; render(); },
    })));
    [...$('villages').children].forEach((b, i) => b.setAttribute('aria-pressed', String(me.villages[i].code === state.village)));
    const v = me.villages.find(x => x.code === state.village);
    const rate = v.households ? Math.round(100 * v.visited / v.households) + '%' : '—';
    const residence = me.residence.filter(r => r.village === v.code).map(r => el('p', { className: 'residence' },
      say('residenceLine', document.documentElement.lang === 'en' ? r.roleEn : r.roleZh, r.days, r.minimum)
      + (r.behind > 0 ? say('behind', r.behind, r.daysLeft) : say('met'))));
    const actions = el('div', { className: 'village-actions' },
      el('button', { type: 'button', id: 'in-village', textContent: say('inVillage'), onclick: () => {
        enqueue('stay', `${say('inVillage')} · ${v.name}`, { village: v.code, arrived: today(), left: today() }, locate());
        message('stayRecorded');
      } }));
    if (v.firstSecretary) {
      actions.append(el('button', { type: 'button', className: 'secondary', textContent: say('activity'), onclick: () => openActivity(v) }));
    }
    actions.append(el('button', { type: 'button', className: 'secondary', id: 'night', textContent: say('night'), onclick: () => openNight(v) }));
    actions.append(el('button', { type: 'button', className: 'secondary', id: 'deed', textContent: say('deed'), onclick: () => openDeed(v) }));
    const search = el('input', { type: 'search', id: 'household-search', placeholder: say('search'), value: state.search,
      oninput: e => { state.search = e.target.value.trim(); renderList(v); } });
    $('village').replaceChildren(
      el('h1', {}, v.name, ' ', el('small', { textContent: v.township })),
      el('p', { className: 'note', textContent: say('households', v.households, v.visited, rate) }),
      ...residence, ...(v.duties ? [renderDuties(v)] : []), ...(v.helpPlans && v.helpPlans.length ? [renderHelp(v)] : []),
      actions, search, el('ul', { className: 'households', id: 'households' }));
    renderList(v);
  }

  // The households of the village whose help plan the cadre is responsible for: what each needs and
  // the measures agreed, nearest target first; a tap opens the visit that follows the plan up.
  function renderHelp(v) {
    return el('section', { className: 'help-plans', id: 'help-plans' },
      el('h2', { textContent: say('helpPlans') }),
      el('ul', {}, ...v.helpPlans.map(p => {
        const h = v.householdList.find(x => x.id === p.household);
        const li = el('li', {},
          el('button', { type: 'button', className: 'link', textContent: `${p.houseNo} · ${p.head}`, onclick: () => h && openVisit(h) }),
          el('p', { className: 'note', textContent: say('helpLine', p.needs, p.measures) }),
          el('p', { className: 'note', textContent: say('helpTarget', p.targetOn, p.myVisits) + (p.overdue ? say('helpOverdue') : '') }));
        li.dataset.plan = String(p.id);
        li.dataset.overdue = String(p.overdue);
        return li;
      })));
  }

  // A First Secretary's visiting duties in their village (the server's standing, by household id):
  // a visit of their own made since — synced or still in the queue — counts at once.
  function renderDuties(v) {
    const mine = new Set(v.householdList.filter(h => h.myVisits > 0).map(h => h.id));
    for (const r of queue()) if (r.kind === 'visit' && r.state === 'pending') mine.add(r.body.household);
    const left = ids => ids.filter(id => !mine.has(id)).length;
    const lines = v.duties.duties.map(d => {
      const done = d.total - left(d.unvisited);
      const li = el('li', { textContent: say('dutyLine', say('duty.' + d.duty), done, d.total) + (done === d.total ? ' · ' + say('dutyMet') : '') });
      li.dataset.duty = d.duty;
      li.dataset.met = String(done === d.total);
      return li;
    });
    const all = v.duties.duties.find(d => d.duty === 'allHouseholds');
    const groups = v.duties.unvisited.map(g => [g.category, left(g.households)]).filter(([, n]) => n > 0)
      .map(([c, n]) => `${say('category.' + c)} ${n}`).join(say('listSeparator'));
    const remaining = all ? left(all.unvisited) : 0;
    return el('section', { className: 'duties', id: 'duties' },
      el('h2', { textContent: say('duties') }),
      el('ul', {}, ...lines),
      el('p', { className: 'note', id: 'unvisited', textContent: remaining > 0 ? say('unvisitedLine', remaining, groups) : say('allVisited') }),
      practicalLine(v));
  }

  // 办一两件实事: the deeds the server counted and those still in the queue.
  function practicalLine(v) {
    const n = v.duties.practicalThings + queuedDeeds(v);
    const met = n >= v.duties.practicalThingsAtLeast;
    const p = el('p', { className: 'note', id: 'practical', textContent: say('practical', n) + (met ? ' · ' + say('dutyMet') : '') });
    p.dataset.met = String(met);
    return p;
  }

  // The deeds for the village still in the queue that count as practical things (not party-building outputs).
  function queuedDeeds(v) {
    const party = new Set([...document.querySelectorAll('#deed-form option[data-party="true"]')].map(o => o.value));
    return queue().filter(r => r.kind === 'deed' && r.state === 'pending' && r.body.village === v.code && !party.has(r.body.kind)).length;
  }

  function renderList(v) {
    const s = state.search;
    // A visit still in the queue counts as done here: the cadre moves on to the next household.
    const queued = new Set(queue().filter(r => r.kind === 'visit' && r.state === 'pending').map(r => r.body.household));
    const done = h => h.visited || queued.has(h.id);
    // Not yet visited first, then by house number; the search matches house numbers and surnames.
    const list = v.householdList
      .filter(h => !s || h.houseNo.includes(s) || h.head.startsWith(s))
      .sort((a, b) => (done(a) - done(b)) || a.houseNo.localeCompare(b.houseNo, 'zh-CN', { numeric: true }))
      .slice(0, 300);
    $('households').replaceChildren(...list.map(h => el('li', { className: done(h) ? 'visited' : '' },
      el('button', { type: 'button', onclick: () => openVisit(h) },
        el('span', { className: 'house', textContent: h.houseNo }),
        el('span', { className: 'who', textContent: `${h.head} · ${say('members', h.members)}` }),
        el('span', { className: 'tags', textContent: [...(h.helped ? [say('helped')] : []), ...h.categories, h.visited ? say('visited') : queued.has(h.id) ? say('queuedVisit') : say('notVisited')].join(' ') })))));
  }

  let current = null;
  // The visit's position is asked for as the sheet opens, so that it is usually there by the time the cadre saves.
  let position = null;
  function openVisit(h) {
    current = h;
    $('visit-title').textContent = `${h.houseNo} · ${h.head}`;
    $('visit-tags').textContent = h.categories.join('、');
    $('visit-form').reset();
    const asked = position = locate();
    const shown = $('visit-position');
    shown.textContent = say('locating');
    delete shown.dataset.located;
    asked.then(fix => {
      if (position !== asked) return;
      shown.textContent = fix ? say('located') : say('notLocated');
      shown.dataset.located = String(!!fix);
    });
    $('visit-sheet').showModal();
    $('visit-form').note.focus();
  }

  function openActivity(v) {
    current = v;
    $('activity-form').reset();
    $('activity-form').on.value = today();
    $('activity-sheet').showModal();
  }

  // 夜谈夜访: the session and its matters (blank rows skipped); an escalated matter becomes a case on the server.
  function openNight(v) {
    current = v;
    $('night-form').reset();
    $('night-form').heldOn.value = today();
    $('night-sheet').showModal();
  }

  // 实事好事: the kind chosen shows its quantities (site.js); the day defaults to today.
  function openDeed(v) {
    current = v;
    const f = $('deed-form');
    f.reset();
    f.on.value = today();
    f.on.max = today();
    f.kind.dispatchEvent(new Event('change'));
    $('deed-sheet').showModal();
  }

  // The chosen kind's quantities as numbers, commas read as thousands separators as the office form
  // reads them (FormNumbers); one that is not a number keeps the sheet open with the field marked, so
  // that nothing unreadable is queued.
  function deedQuantities(f) {
    const quantities = [];
    let ok = true;
    for (const input of f.querySelectorAll(`fieldset[data-when="${CSS.escape(f.kind.value)}"] input`)) {
      const text = input.value.trim().replace(/[，,]/g, '');
      input.setCustomValidity('');
      if (!text) continue;
      const value = Number(text);
      if (!Number.isFinite(value)) { input.setCustomValidity(say('notNumber')); ok = false; continue; }
      quantities.push({ code: input.name.split('.').pop(), value });
    }
    if (!ok) f.reportValidity();
    return ok ? quantities : null;
  }

  function wire() {
    $('visit-form').addEventListener('submit', () => {
      const f = $('visit-form');
      const issues = f.issues.value.split('\n').map(s => s.trim()).filter(Boolean);
      enqueue('visit', `${current.houseNo} · ${current.head}`, { household: current.id, visitedAt: new Date().toISOString(), note: f.note.value.trim() || null, issues }, position);
    });
    $('visit-cancel').addEventListener('click', () => $('visit-sheet').close());
    $('activity-form').addEventListener('submit', () => {
      const f = $('activity-form');
      enqueue('activity', `${f.kind.selectedOptions[0].textContent} × ${f.count.value}`, { village: current.code, kind: f.kind.value, count: +f.count.value, people: +f.people.value, on: f.on.value, note: f.note.value.trim() || null });
    });
    $('activity-cancel').addEventListener('click', () => $('activity-sheet').close());
    $('night-form').addEventListener('submit', () => {
      const f = $('night-form');
      const matters = [...f.querySelectorAll('.matter')]
        .map(m => ({ text: m.querySelector('[name=text]').value.trim(), outcome: m.querySelector('[name=outcome]').value.toLowerCase(), category: m.querySelector('[name=category]').value }))
        .filter(m => m.text)
        .map(m => m.outcome === 'escalated' ? m : { text: m.text, outcome: m.outcome });
      enqueue('night', `${say('night')} · ${f.topic.value.trim()}`, {
        village: current.code, heldOn: f.heldOn.value, topic: f.topic.value.trim(), people: +f.people.value,
        attendees: f.attendees.value.trim() || null, place: f.place.value.trim() || null, matters,
      });
    });
    $('night-cancel').addEventListener('click', () => $('night-sheet').close());
    $('deed-form').addEventListener('submit', e => {
      const f = $('deed-form');
      const quantities = deedQuantities(f);
      if (!quantities) { e.preventDefault(); return; }
      enqueue('deed', `${say('deed')} · ${f.kind.selectedOptions[0].textContent}`, {
        village: current.code, kind: f.kind.value, on: f.on.value, quantities,
        source: f.source.value.trim() || null, evidence: f.evidence.value.trim() || null, caseCode: f.caseCode.value.trim() || null,
      });
    });
    // A field marked as not a number is free again once it is changed (the mark would block the next save).
    $('deed-form').addEventListener('input', e => e.target.setCustomValidity && e.target.setCustomValidity(''));
    $('deed-cancel').addEventListener('click', () => $('deed-sheet').close());
    $('sync').addEventListener('click', () => { state.backoff = 1000; sync(); });
    window.addEventListener('online', () => { state.backoff = 1000; renderQueue(); sync(); });
    window.addEventListener('offline', renderQueue);
    setInterval(sync, 30000);
  }

  async function refresh() {
    try {
      const response = await fetch('/api/v1/field/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      // Another account on this browser: the previous cadre's households are not its to see.
      if (response.status === 403) { localStorage.removeItem(ME_KEY); state.me = null; $('village').replaceChildren(); $('villages').replaceChildren(); message('noCadre'); return; }
      if (response.status === 401 || response.redirected) { message('signIn'); return; }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      state.me = await response.json();
      save(ME_KEY, state.me);
      render();
      renderQueue();
      sync();
    } catch {
      if (!state.me) message('loadFailed');
    }
  }

  // The page was closed while a record waited for its position: it goes without one.
  function release() {
    const q = queue();
    if (!q.some(r => r.locating)) return;
    for (const r of q) delete r.locating;
    save(queueKey(), q);
  }

  state.me = load(ME_KEY, null);
  release();
  wire();
  render();
  renderQueue();
  refresh();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field-sw.js', { scope: '/field' }).catch(() => { /* without https the app still works while online */ });
  }
})();
