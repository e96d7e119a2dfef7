import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 12, top: 10, bottom: 26 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/**
 * Seats sold and held over time as an SVG line chart, ending at `now` on the right and reaching back to the first
 * sample (at least 30 s): one point per statistics update, each line held level until the next update. The y axis
 * runs to the show's size, so a sell-out reaches the top.
 */
export function salesChart(samples, totalSeats, now) {
  const span = Math.max(30_000, now - (samples.length ? samples[0].at : now));
  const start = now - span;
  const x = (at) => PAD.left + ((at - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (seats) => HEIGHT - PAD.bottom - (seats / Math.max(1, totalSeats)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (key) => {
    let path = '';
    samples.forEach((sample, i) => {
      path += i === 0 ? `M${x(sample.at)},${y(sample[key])}` : `H${x(sample.at)}V${y(sample[key])}`;
    });
    return samples.length ? `${path}H${x(now)}` : '';
  };
  const grid = [0, 0.5, 1].map((share) => {
    const seats = Math.round(totalSeats * share);
    return svg('g', { class: 'grid' },
      svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(seats), y2: y(seats) }),
      svg('text', { x: PAD.left - 6, y: y(seats) + 4, 'text-anchor': 'end' }, String(seats)));
  });
  const seconds = Math.round(span / 1000);
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'sales',
    'aria-label': `Seats sold and held over the last ${seconds} seconds` },
  ...grid,
  svg('text', { x: PAD.left, y: HEIGHT - 6 }, `${seconds} s ago`),
  svg('text', { x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' }, 'now'),
  svg('path', { d: line('held'), class: 'held' }),
  svg('path', { d: line('sold'), class: 'sold' }));
}

/** The statistics' per-minute history as a table, with a bar per row: bookings confirmed and refusals. */
export function perMinuteTable(perMinute = []) {
  if (perMinute.length === 0) return h('p', {}, 'No bookings or refusals yet.');
  const most = Math.max(1, ...perMinute.map((row) => row.confirmed + row.rejected));
  const bar = (row) => {
    const confirmed = h('span', { class: 'bar confirmed' });
    const rejected = h('span', { class: 'bar rejected' });
    // Set through the CSSOM: the page's policy forbids style attributes.
    confirmed.style.width = `${(row.confirmed / most) * 100}%`;
    rejected.style.width = `${(row.rejected / most) * 100}%`;
    return h('div', { class: 'bars', 'aria-hidden': 'true' }, confirmed, rejected);
  };
  return h('table', { class: 'minutes' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minute'), h('th', { scope: 'col' }, 'Confirmed'),
      h('th', { scope: 'col' }, 'Refused'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Chart')))),
    h('tbody', {}, perMinute.map((row) => h('tr', {},
      h('td', {}, new Date(row.minute).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })),
      h('td', {}, String(row.confirmed)), h('td', {}, String(row.rejected)), h('td', { class: 'bar-cell' }, bar(row))))));
}
