// CaseOps' SLA plugin for Camunda Cockpit (Cockpit's plugin API since 7.14: an ES module whose
// default export lists plugins). Plain JavaScript and the DOM, no build step. Its figures come from
// CaseOps' staff API (/staff/api/reports), which takes the Cockpit login's session for reads and
// applies the same rules as for HTTP Basic: support managers see every account, a technical
// account manager theirs. Everything shown is set as text, never as HTML. docs/reports.md.

// The webapps live at <context>/camunda (camunda.bpm.webapp.application-path), the staff API at
// <context>/staff/api.
const appRoot = document.querySelector('base').getAttribute('app-root');
const staffApi = appRoot.replace(/\/[^/]*$/, '') + '/staff/api/reports';

const COLOURS = { good: '#2e7d32', bad: '#c62828', warn: '#ef6c00', muted: '#6b6b6b' };

async function getJson(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch (ignored) {
      // not JSON: keep the status text
    }
    throw new Error(detail);
  }
  return response.json();
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'style') {
      Object.assign(node.style, value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

const percent = share => (share === null || share === undefined ? '–' : (share * 100).toFixed(1) + ' %');

const planName = group =>
  group.plan ? group.plan.charAt(0).toUpperCase() + group.plan.slice(1) : group.key;

function instant(iso) {
  if (!iso) {
    return '–';
  }
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short'
  });
}

function minutes(total) {
  const hours = Math.floor(total / 60);
  return hours > 0 ? `${hours} h ${total % 60} min` : `${total} min`;
}

// An ISO-8601 duration as a person reads it: PT4H is "4 h", P1DT2H "1 d 2 h".
function duration(iso) {
  const parts = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || '');
  if (!parts) {
    return iso || 'none';
  }
  const [, days, hours, mins] = parts;
  return [[days, 'd'], [hours, 'h'], [mins, 'min']]
    .filter(([value]) => value)
    .map(([value, unit]) => value + ' ' + unit)
    .join(' ');
}

function failure(node, error) {
  node.append(el('p', { class: 'caseops-error', style: { color: COLOURS.bad } },
    'CaseOps could not load this: ' + error.message));
}

function table(headers, rows, attributes) {
  return el('table', Object.assign({ class: 'cam-table' }, attributes),
    el('thead', null, el('tr', null, headers.map(header => el('th', null, header)))),
    el('tbody', null, rows));
}

// This month per plan: goal, attainment, budget left and the projection at the current pace.
function attainmentTable(figures) {
  const rows = figures.groups.map(group => {
    const below = group.goal !== null && group.attainment !== null && group.attainment < group.goal;
    const projectedBelow = group.projection && group.projection.belowGoal;
    return el('tr', { 'data-plan': group.key },
      el('td', null, planName(group), el('small', { style: { color: COLOURS.muted } },
        group.catalogue ? ' · ' + group.catalogue : '')),
      el('td', { class: 'goal' }, percent(group.goal)),
      el('td', { class: 'actual', style: { color: below ? COLOURS.bad : null, fontWeight: 'bold' } },
        percent(group.attainment)),
      el('td', { class: 'counts' }, group.cases === 0 ? 'no cases'
        : `${group.met} met · ${group.missed} missed · ${group.pending} pending`),
      el('td', { class: 'budget' }, group.budgetLeft === null ? '–' : group.budgetLeft),
      el('td', { class: 'projection', style: { color: projectedBelow ? COLOURS.bad : null } },
        group.projection ? percent(group.projection.attainment) + (projectedBelow ? ' (below goal)' : '') : '–'));
  });
  if (!rows.length) {
    return el('p', null, 'No cases this month.');
  }
  return table(['Plan', 'Goal', 'Attainment', 'Cases', 'Misses left', 'Projected'], rows,
    { id: 'caseops-sla-attainment' });
}

// One small chart per plan: the attainment of each of the last months, and the goal as a dashed
// line. A month without a counted case leaves a gap.
function trendCharts(trend) {
  const plans = new Map();
  trend.forEach((month, index) => month.groups.forEach(group => {
    if (!plans.has(group.key)) {
      plans.set(group.key, { group, points: new Array(trend.length).fill(null) });
    }
    plans.get(group.key).points[index] = group.attainment;
    if (group.goal !== null) {
      plans.get(group.key).group = group;
    }
  }));
  const charts = el('div', { id: 'caseops-sla-trend', style: { display: 'flex', flexWrap: 'wrap', gap: '16px' } });
  plans.forEach(({ group, points }, key) => charts.append(chart(key, group, points, trend)));
  if (!plans.size) {
    charts.append(el('p', null, 'No cases in the last months.'));
  }
  return charts;
}

function chart(key, group, points, trend) {
  const width = 260, height = 120, left = 34, right = 8, top = 18, bottom = 20;
  const values = points.filter(point => point !== null).concat(group.goal === null ? [] : [group.goal]);
  const low = Math.min(0.8, Math.floor(Math.min(...values, 1) * 10) / 10);
  const x = index => left + (index * (width - left - right)) / Math.max(1, points.length - 1);
  const y = share => top + ((1 - share) * (height - top - bottom)) / (1 - low);
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(svgNs, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) {
      node.textContent = text;
    }
    svg.append(node);
    return node;
  };
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('data-plan', key);
  svg.setAttribute('aria-label', `${planName(group)}: attainment of the last ${points.length} months against the goal`);
  add('text', { x: left, y: 12, 'font-size': 12, 'font-weight': 'bold' }, planName(group));
  [1, low].forEach(share => {
    add('line', { x1: left, x2: width - right, y1: y(share), y2: y(share), stroke: '#ddd' });
    add('text', { x: left - 4, y: y(share) + 4, 'font-size': 10, 'text-anchor': 'end', fill: COLOURS.muted },
      Math.round(share * 100) + '%');
  });
  if (group.goal !== null) {
    add('line', { class: 'goal', x1: left, x2: width - right, y1: y(group.goal), y2: y(group.goal),
      stroke: COLOURS.warn, 'stroke-dasharray': '4 3' });
    add('text', { x: width - right, y: y(group.goal) - 3, 'font-size': 10, 'text-anchor': 'end', fill: COLOURS.warn },
      'goal ' + Math.round(group.goal * 100) + '%');
  }
  let path = '';
  points.forEach((share, index) => {
    if (share === null) {
      return;
    }
    path += (index > 0 && points[index - 1] !== null ? 'L' : 'M') + x(index) + ' ' + y(share) + ' ';
    const below = group.goal !== null && share < group.goal;
    add('circle', { class: 'month', cx: x(index), cy: y(share), r: 3, fill: below ? COLOURS.bad : COLOURS.good },
    ).append(Object.assign(document.createElementNS(svgNs, 'title'),
      { textContent: `${trend[index].period}: ${percent(share)}` }));
  });
  add('path', { d: path.trim() || 'M0 0', fill: 'none', stroke: '#333', 'stroke-width': 1.5 });
  add('text', { x: left, y: height - 4, 'font-size': 10, fill: COLOURS.muted }, trend[0].period);
  add('text', { x: width - right, y: height - 4, 'font-size': 10, 'text-anchor': 'end', fill: COLOURS.muted },
    trend[trend.length - 1].period);
  return svg;
}

// Open cases nobody has answered yet, past their 75 % warning, each linked to its instance.
function watchTable(watched) {
  if (!watched.length) {
    return el('p', { id: 'caseops-sla-watch' }, 'No open case is at risk or breached.');
  }
  return table(['Case', 'Account', 'Plan', 'Severity', 'Due', 'State'], watched.map(kase => {
    const breached = kase.state === 'BREACHED';
    return el('tr', { 'data-case': kase.caseNumber, 'data-state': kase.state },
      el('td', null, kase.processInstanceId
        ? el('a', { href: '#/process-instance/' + encodeURIComponent(kase.processInstanceId) + '/runtime' }, kase.caseNumber)
        : kase.caseNumber),
      el('td', null, kase.accountName),
      el('td', null, planName(kase)),
      el('td', null, 'Sev ' + kase.severity),
      el('td', null, instant(kase.dueAt)),
      el('td', { style: { color: breached ? COLOURS.bad : COLOURS.warn, fontWeight: 'bold' } },
        breached ? `breached, ${minutes(kase.minutes)} late` : `at risk, ${minutes(kase.minutes)} left`));
  }), { id: 'caseops-sla-watch' });
}

// "2026-12" moved by a number of months.
function monthFrom(period, months) {
  const [year, month] = period.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1 + months, 1));
  return moved.toISOString().slice(0, 7);
}

// Reviews not held by the end of their period, each linked to its AccountReview instance.
function overdueTable(reviews) {
  if (!reviews.length) {
    return el('p', { id: 'caseops-reviews-overdue' }, 'No review is overdue.');
  }
  return table(['Account', 'Review', 'Period', 'Reviewer', 'Was due'], reviews.map(review =>
    el('tr', { 'data-review': review.accountId + '/' + review.kind + '/' + review.period },
      el('td', null, review.accountName),
      el('td', null, el('a', { href: '#/process-instance/' + encodeURIComponent(review.processInstanceId) + '/runtime' },
        review.kind + ' review')),
      el('td', null, review.period),
      el('td', null, review.reviewer || 'nobody assigned'),
      el('td', { style: { color: COLOURS.bad } }, instant(review.dueAt)))), { id: 'caseops-reviews-overdue' });
}

async function renderDashboard(node) {
  const title = el('span', { class: 'caseops-period' });
  const previous = el('button', { type: 'button', class: 'btn btn-default btn-sm', id: 'caseops-sla-previous' }, '‹ previous month');
  const next = el('button', { type: 'button', class: 'btn btn-default btn-sm', id: 'caseops-sla-next' }, 'next month ›');
  const panel = el('section', { id: 'caseops-sla-panel', class: 'dashboard-section' },
    el('h3', { class: 'section-title' }, 'SLA attainment · ', title),
    el('div', { style: { marginBottom: '8px' } }, previous, ' ', next));
  const monthBox = el('div');
  panel.append(monthBox);
  node.append(panel);

  // This month first (the engine clock's), then whichever month the manager steps to.
  let thisMonth;
  let shown;
  const showMonth = async period => {
    panel.removeAttribute('data-loaded');
    const figures = await getJson(staffApi + '/attainment?groupBy=plan' + (period ? '&period=' + period : ''));
    thisMonth = thisMonth || figures.period;
    shown = figures.period;
    title.textContent = shown;
    next.disabled = shown >= thisMonth;
    monthBox.replaceChildren(attainmentTable(figures));
    panel.setAttribute('data-loaded', 'true');
  };
  previous.addEventListener('click', () => showMonth(monthFrom(shown, -1)).catch(error => failure(monthBox, error)));
  next.addEventListener('click', () => showMonth(monthFrom(shown, 1)).catch(error => failure(monthBox, error)));
  try {
    await showMonth(null);
  } catch (error) {
    failure(panel, error);
    return;
  }
  panel.removeAttribute('data-loaded');
  const trendBox = el('div', null, el('h4', null, 'The last 12 months'));
  const watchBox = el('div', null, el('h4', null, 'Open cases at risk or breached'));
  const reviewBox = el('div', null, el('h4', null, 'Reviews overdue'));
  panel.append(trendBox, watchBox, reviewBox);
  await Promise.all([
    getJson(staffApi + '/attainment/trend?months=12&groupBy=plan')
      .then(trend => trendBox.append(trendCharts(trend)), error => failure(trendBox, error)),
    getJson(staffApi + '/sla/watch')
      .then(watched => watchBox.append(watchTable(watched)), error => failure(watchBox, error)),
    getJson(staffApi + '/reviews/overdue')
      .then(reviews => reviewBox.append(overdueTable(reviews)), error => failure(reviewBox, error))
  ]);
  panel.setAttribute('data-loaded', 'true');
}

const OUTCOMES = {
  MET: ['met', COLOURS.good],
  MISSED: ['missed', COLOURS.bad],
  PENDING: ['pending', COLOURS.muted],
  NO_TARGET: ['no target for this plan and severity', COLOURS.muted],
  CLOSED_UNANSWERED: ['closed before its due instant without a response', COLOURS.muted]
};

async function renderCaseTab(node, { api, processInstanceId }) {
  const box = el('div', { id: 'caseops-sla-case', style: { padding: '10px' } });
  node.append(box);
  try {
    const instance = await getJson(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId));
    if (!instance.definitionId.startsWith('SupportCase:') || !instance.businessKey) {
      box.append(el('p', null, 'This process instance is no support case: it has no SLA of its own.'));
      return;
    }
    const sla = await getJson(staffApi + '/sla/cases/' + encodeURIComponent(instance.businessKey));
    const [label, colour] = OUTCOMES[sla.outcome] || [sla.outcome, COLOURS.muted];
    const state = sla.atRisk ? 'pending, at risk (past its warning)' : label;
    const rows = [
      ['Case', sla.caseNumber + ' · ' + sla.accountName + ' · ' + planName(sla) + ' · Sev ' + sla.severity],
      ['Status', sla.status],
      ['Target', sla.target ? 'first response within ' + duration(sla.target) : 'none for this plan and severity'],
      ['Clock', sla.clock || '–'],
      ['Coverage', sla.coverage || '–'],
      ['Submitted', instant(sla.submittedAt)],
      ['Warning at', instant(sla.warningAt)],
      ['Due at', instant(sla.dueAt)],
      ['Responded at', sla.respondedAt ? instant(sla.respondedAt) + ' by ' + sla.respondedBy : 'not yet'],
      ['Outcome', el('span', { class: 'outcome', 'data-outcome': sla.outcome, style: { color: sla.atRisk ? COLOURS.warn : colour, fontWeight: 'bold' } },
        state + (sla.minutesLate ? `, ${minutes(sla.minutesLate)} late` : ''))]
    ].map(([name, value]) => el('tr', null, el('th', { style: { width: '12em' } }, name), el('td', null, value)));
    box.append(el('table', { class: 'cam-table' }, el('tbody', null, rows)));
    box.append(el('h4', null, 'Reclassifications'));
    box.append(sla.reclassifications.length
      ? table(['When', 'From', 'To', 'By', 'Why'], sla.reclassifications.map(change => el('tr', null,
        el('td', null, instant(change.changedAt)), el('td', null, 'Sev ' + change.from),
        el('td', null, 'Sev ' + change.to), el('td', null, change.changedBy), el('td', null, change.reason))),
      { class: 'cam-table caseops-reclassifications' })
      : el('p', null, 'None: the severity is the one set at intake.'));
  } catch (error) {
    failure(box, error);
  }
}

export default [
  {
    id: 'caseops.slaAttainment',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => {
      renderDashboard(node);
    }
  },
  {
    id: 'caseops.caseSla',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: 'SLA' },
    render: (node, context) => {
      renderCaseTab(node, context);
    }
  }
];
