/*
 * Tusk's dashboard. Its data comes from /api/admin/*, which answers only with the operator's
 * credentials (HTTP Basic, the same admin user as the REST API); its pages only within a session
 * those credentials opened (POST /api/admin/dashboard/session). The login form opens the session
 * and keeps the credentials for this browser tab (sessionStorage); logging out ends both. No
 * library, no network beyond this server.
 */
const Tusk = (() => {
  const KEY = 'tusk.credentials';
  const COLORS = ['#1565c0', '#2e7d32', '#c62828', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#9e9d24'];

  function credentials() {
    return sessionStorage.getItem(KEY);
  }

  function toLogin() {
    sessionStorage.removeItem(KEY);
    location.replace('login.html');
  }

  async function logOut() {
    await fetch('/api/admin/dashboard/session', { method: 'DELETE', headers: { Authorization: 'Basic ' + credentials() }, credentials: 'same-origin' })
      .catch(() => {});
    toLogin();
  }

  /** A call to the admin API with the operator's credentials; a 401 sends the page back to the login. */
  async function api(path, options = {}) {
    const headers = Object.assign({ Authorization: 'Basic ' + credentials(), Accept: 'application/json' }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'omit' }));
    if (response.status === 401) {
      toLogin();
      throw new Error('not logged in');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
    }
    return body;
  }

  function element(tag, attributes = {}, ...children) {
    const e = document.createElement(tag);
    Object.entries(attributes).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    });
    children.filter(c => c != null).forEach(c => e.append(c));
    return e;
  }

  /** Every page but the login: needs credentials, offers the logout. */
  function guarded() {
    if (!credentials()) {
      toLogin();
      return false;
    }
    document.getElementById('logout').addEventListener('click', e => { e.preventDefault(); logOut(); });
    return true;
  }

  function loginPage() {
    const form = document.getElementById('login');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const user = document.getElementById('user').value;
      const password = document.getElementById('password').value;
      const encoded = btoa(unescape(encodeURIComponent(user + ':' + password)));
      // checked without cookies first: a browser sending them answers a 401 with its own password dialog
      const checked = await fetch('/api/admin/dashboard?since=' + Date.now(), { headers: { Authorization: 'Basic ' + encoded }, credentials: 'omit' });
      const response = !checked.ok ? checked : await fetch('/api/admin/dashboard/session',
        { method: 'POST', headers: { Authorization: 'Basic ' + encoded }, credentials: 'same-origin' });
      if (response.ok) {
        sessionStorage.setItem(KEY, encoded);
        location.replace('index.html');
      } else {
        document.getElementById('error').textContent = response.status === 429
          ? 'Too many failed logins from this address: try again later.' : 'Wrong user or password.';
      }
    });
  }

  // ---- charts ----

  /** Which series a chart shows: keys matching the pattern, labelled by their tags. */
  const CHARTS = [
    ['Tracker', 'Swarms', /^(mochi\.storage\.infohashes\.count|tusk\.tracker\.cache\.swarms)$/],
    ['Tracker', 'Seeders and leechers', /^mochi\.storage\.(seeders|leechers)\.count$/],
    ['Tracker', 'Requests per second', /^tusk\.tracker\.requests\{/],
    ['Tracker', 'Request time (ms)', /^tusk\.tracker\.requests\.mean\.ms\{/],
    ['Queue', 'Jobs waiting, running and failed', /^tusk\.queue\.length\{/],
    ['Queue', 'Jobs per second', /^tusk\.queue\.jobs\{/],
    ['Queue', 'Dispatch latency (ms)', /^tusk\.queue\.dispatch\.latency\.mean\.ms\{/],
    ['Media', 'Hashes and aliases', /^tusk\.media\.(hashes|aliases)$/],
    ['Media', 'Uploads in flight', /^tusk\.media\.uploads\.in_flight$/],
    ['Media', 'Bytes of originals per store', /^tusk\.media\.stored\.bytes\{/],
    ['Key-value store', 'Replication lag (s)', /^tusk\.kv\.replication\.lag\.seconds\{/],
    ['Key-value store', 'Rows applied per second', /^tusk\.kv\.replication\.rows\.applied\{/],
    ['Key-value store', 'Conflicts and errors per second', /^tusk\.kv\.replication\.(conflicts|errors)\{/],
  ];

  function label(key) {
    const brace = key.indexOf('{');
    return brace < 0 ? key.replace(/^(mochi|tusk)\./, '') : key.slice(brace + 1, -1);
  }

  /** Draws the lines that are not zero all along; says so when all are (or when none was sampled yet). */
  function draw(canvas, lines) {
    const width = canvas.width = canvas.clientWidth * devicePixelRatio;
    const height = canvas.height = canvas.clientHeight * devicePixelRatio;
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, width, height);
    const all = lines.flatMap(l => l.points);
    canvas.dataset.points = String(all.length);
    if (all.every(p => p[1] === 0)) {
      g.fillStyle = '#888';
      g.font = (12 * devicePixelRatio) + 'px sans-serif';
      g.fillText(all.length === 0 ? 'no data yet' : 'zero over the last ' + Math.max(1, Math.round((Date.now() - all[0][0]) / 60000)) + ' min',
        10, 20 * devicePixelRatio);
      return;
    }
    const t0 = Math.min(...all.map(p => p[0])), t1 = Math.max(...all.map(p => p[0]));
    const top = Math.max(1e-9, ...all.map(p => p[1]));
    const pad = 30 * devicePixelRatio;
    g.fillStyle = '#666';
    g.font = (11 * devicePixelRatio) + 'px sans-serif';
    g.fillText(top.toPrecision(3), 2, 12 * devicePixelRatio);
    g.fillText(new Date(t0).toLocaleTimeString() + ' - ' + new Date(t1).toLocaleTimeString(), pad, height - 2);
    lines.forEach((line, i) => {
      g.strokeStyle = COLORS[i % COLORS.length];
      g.lineWidth = 1.5 * devicePixelRatio;
      g.beginPath();
      line.points.forEach((p, j) => {
        const x = pad + (t1 === t0 ? 0 : (p[0] - t0) / (t1 - t0)) * (width - pad - 4);
        const y = (height - pad) - (p[1] / top) * (height - pad - 16 * devicePixelRatio);
        if (j === 0) g.moveTo(x, y); else g.lineTo(x, y);
      });
      g.stroke();
    });
  }

  async function indexPage() {
    if (!guarded()) return;
    const page = document.getElementById('page');
    const health = element('div', { class: 'health', id: 'health' });
    const zones = element('tbody');
    page.append(element('h2', { text: 'Stores' }), health,
      element('h2', { text: 'Key-value replication (this node\'s instances and their peers)' }),
      element('table', { id: 'replication' }, element('thead', {}, element('tr', {},
        ...['shard', 'local', 'peer', 'peer reached', 'lag (s)', 'rows applied', 'conflicts', 'errors'].map(h => element('th', { text: h })))), zones));
    const charts = [];
    let group = null, grid = null;
    CHARTS.forEach(([section, title, pattern]) => {
      if (section !== group) {
        group = section;
        grid = element('div', { class: 'grid' });
        page.append(element('h2', { text: section }), grid);
      }
      const canvas = element('canvas', { 'data-chart': title });
      const legend = element('div', { class: 'legend' });
      grid.append(element('div', { class: 'card' }, element('h3', { text: title }), canvas, legend));
      charts.push({ pattern, canvas, legend });
    });
    const series = {};
    let since = 0;
    async function refresh() {
      const overview = await api('/api/admin/dashboard?since=' + since);
      since = overview.now;
      health.replaceChildren(...overview.health.map(c => element('span', {
        class: c.up ? 'up' : 'down', 'data-check': c.name,
        text: c.name + ': ' + (c.up ? 'UP' : 'DOWN' + (c.data.error ? ' (' + c.data.error + ')' : '')),
      })));
      const keep = Date.now() - 3600 * 1000;
      Object.entries(overview.series).forEach(([key, points]) => {
        series[key] = (series[key] || []).concat(points).filter(p => p[0] >= keep);
      });
      charts.forEach(chart => {
        const lines = Object.keys(series).filter(k => chart.pattern.test(k)).map(k => ({ key: k, points: series[k] }));
        const moving = lines.filter(l => l.points.some(p => p[1] !== 0));
        draw(chart.canvas, moving.length ? moving : lines);
        chart.legend.replaceChildren(...moving.map((l, i) => element('span', { style: '--c:' + COLORS[i % COLORS.length], text: label(l.key) })));
      });
      const tasks = await api('/api/admin/kv/replication');
      zones.replaceChildren(...(tasks.length ? tasks.map(t => {
        const reached = t.lastSuccessSecondsAgo >= 0 && t.lastSuccessSecondsAgo < 30;
        return element('tr', {}, element('td', { text: t.shard }), element('td', { text: t.local }), element('td', { text: t.peer }),
          element('td', {}, element('span', { class: reached ? 'up' : 'down',
            text: t.lastSuccessSecondsAgo < 0 ? 'never' : Math.round(t.lastSuccessSecondsAgo) + ' s ago' })),
          element('td', { text: t.lagSeconds == null ? '' : t.lagSeconds.toFixed(2) }), element('td', { text: String(t.rowsApplied) }),
          element('td', { text: String(t.conflicts) }), element('td', { text: String(t.errors) }));
      }) : [element('tr', {}, element('td', { colspan: '8', text: 'no shard instance in the zones this node serves' }))]));
      page.dataset.refreshed = String(overview.now);
    }
    await refresh();
    setInterval(() => refresh().catch(() => {}), 5000);
  }

  // ---- batch ----

  function progressCell(execution) {
    const p = execution.progress;
    const percent = Math.round(p.fraction * 100);
    const counted = execution.steps.filter(s => s.items != null);
    const items = counted.length ? counted.reduce((n, s) => n + (s.metrics.readCount || 0), 0) + ' of ' + counted.reduce((n, s) => n + s.items, 0)
      + ' items counted first, ' : '';
    const detail = p.stepsCompleted + ' of ' + p.steps + ' steps, ' + items + p.itemsRead + ' items read, '
      + p.itemsPerSecond.toFixed(1) + '/s' + (p.secondsLeft != null ? ', about ' + p.secondsLeft + ' s left' : '');
    return element('td', {}, element('progress', { max: '100', value: String(percent), 'data-percent': String(percent) }),
      ' ' + percent + ' %', element('div', { text: detail }));
  }

  async function batchPage() {
    if (!guarded()) return;
    const page = document.getElementById('page');
    const jobs = await api('/api/admin/batch/jobs');
    for (const job of jobs) {
      const message = element('p', { class: 'error', 'data-message': job.name });
      const form = element('form', { class: 'start', 'data-job': job.name },
        ...job.parameters.map(p => element('label', { title: p.description, text: p.name },
          element('input', { name: p.name, placeholder: p.defaultValue || '' }))),
        element('button', { type: 'submit', text: 'Start ' + job.name }));
      const rows = element('tbody');
      const table = element('table', { 'data-executions': job.name },
        element('thead', {}, element('tr', {}, ...['id', 'status', 'progress', 'started', 'parameters', ''].map(h => element('th', { text: h })))), rows);
      page.append(element('h2', { text: job.name }), element('p', { text: job.description }), form, message, table);
      const load = async () => {
        const executions = await api('/api/admin/batch/jobs/' + encodeURIComponent(job.name) + '/executions?limit=10');
        rows.replaceChildren(...executions.map(e => {
          const actions = element('td');
          if (e.batchStatus === 'STARTED' || e.batchStatus === 'STARTING') {
            actions.append(element('button', { text: 'Stop', onclick: () => act('/api/admin/batch/executions/' + e.id + '/stop') }));
          } else if (e.batchStatus === 'STOPPED' || e.batchStatus === 'FAILED') {
            actions.append(element('button', { text: 'Restart', onclick: () => act('/api/admin/batch/executions/' + e.id + '/restart') }));
          }
          return element('tr', { 'data-execution': String(e.id), 'data-status': e.batchStatus },
            element('td', { text: String(e.id) }), element('td', { class: 'status', text: e.batchStatus }), progressCell(e),
            element('td', { text: e.started ? new Date(e.started).toLocaleString() : '' }),
            element('td', { text: Object.entries(e.parameters).map(([k, v]) => k + '=' + v).join(' ') }), actions);
        }));
      };
      const act = async path => {
        message.textContent = '';
        try { await api(path, { method: 'POST' }); } catch (err) { message.textContent = err.message; }
        await load();
      };
      form.addEventListener('submit', async e => {
        e.preventDefault();
        const body = {};
        new FormData(form).forEach((v, k) => { if (v !== '') body[k] = v; });
        message.textContent = '';
        try {
          await api('/api/admin/batch/jobs/' + encodeURIComponent(job.name) + '/executions',
            { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        } catch (err) {
          message.textContent = err.message;
        }
        await load();
      });
      await load();
      setInterval(() => load().catch(() => {}), 2000);
    }
  }

  // ---- queue ----

  async function queuePage() {
    if (!guarded()) return;
    const page = document.getElementById('page');
    const lengths = element('tbody');
    const failed = element('tbody');
    const message = element('p', { class: 'error' });
    page.append(element('h2', { text: 'Queues' }),
      element('table', {}, element('thead', {}, element('tr', {}, ...['queue', 'waiting', 'running', 'failed'].map(h => element('th', { text: h })))), lengths),
      element('h2', { text: 'Failed jobs' }), message,
      element('table', { id: 'failed' }, element('thead', {}, element('tr', {},
        ...['queue', 'type', 'attempts', 'failed at', 'last error', ''].map(h => element('th', { text: h })))), failed));
    const act = async (path, method) => {
      message.textContent = '';
      try { await api(path, { method }); } catch (err) { message.textContent = err.message; }
      await load();
    };
    const load = async () => {
      const queues = await api('/api/admin/queue');
      lengths.replaceChildren(...queues.map(q => element('tr', {}, element('td', { text: q.queue }),
        element('td', { text: String(q.waiting) }), element('td', { text: String(q.running) }), element('td', { text: String(q.failed) }))));
      const jobs = await api('/api/admin/queue/failed');
      failed.replaceChildren(...jobs.map(j => element('tr', { 'data-job': j.id },
        element('td', { text: j.queue }), element('td', { text: j.type }), element('td', { text: String(j.attempts) }),
        element('td', { text: new Date(j.failedAt).toLocaleString() }), element('td', { text: j.lastError || '' }),
        element('td', {}, element('button', { text: 'Retry', 'data-action': 'retry', onclick: () => act('/api/admin/queue/failed/' + j.id + '/retry', 'POST') }),
          ' ', element('button', { text: 'Delete', 'data-action': 'delete', onclick: () => act('/api/admin/queue/failed/' + j.id, 'DELETE') })))));
    };
    await load();
    setInterval(() => load().catch(() => {}), 3000);
  }

  /** The dashboard's one page: the overview, or the section its address names (#batch, #queue). */
  function start() {
    const section = location.hash;
    document.querySelectorAll('header a[data-page]').forEach(a => a.classList.toggle('here', a.dataset.page === section));
    window.addEventListener('hashchange', () => location.reload());
    ({ '#batch': batchPage, '#queue': queuePage }[section] || indexPage)();
  }

  return { loginPage, start };
})();
