import { announce, h, show, when } from '../dom.js';
import { call, ApiProblem, SessionEnded } from '../api.js';
import { explain } from '../messages.js';
import * as session from '../session.js';
import { authorizedEvents } from '../events.js';
import { salesChart, perMinuteTable } from './chart.js';
import { readOrNotFound } from './found.js';

function adminsOnly() {
  if (!session.current()) throw new SessionEnded();
  if (session.isAdmin()) return false;
  show(h('h1', {}, 'Admins only'), h('p', {}, 'This page is for the cinema\'s admins. ', h('a', { href: '#/' }, 'See the movies')));
  return true;
}

function field(id, label, attributes) {
  return [h('label', { for: id }, label), h('input', { id, name: id, required: true, ...attributes })];
}

/** A form whose submit calls `send` with its values and shows a refusal's explanation in the form. */
function adminForm(title, submitLabel, fields, send) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', 'aria-label': title, novalidate: true },
    h('h2', {}, title), ...fields, error, h('button', { type: 'submit' }, submitLabel));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const values = Object.fromEntries(new FormData(form));
    try {
      await send(values);
    } catch (problem) {
      if (problem instanceof SessionEnded) throw problem;
      error.textContent = problem instanceof ApiProblem ? explain(problem) : problem.message;
    }
  });
  return form;
}

function tomorrowEvening() {
  const date = new Date(Date.now() + 24 * 3600 * 1000);
  date.setHours(20, 0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T20:00`;
}

/** The admin's desk: create movies and shows, and open any show's live sales. */
export async function adminView() {
  if (adminsOnly()) return;
  const movies = (await call('GET', '/api/movies')).items;
  const shows = await Promise.all(movies.map((movie) =>
    call('GET', `/api/movies/${movie.id}/shows`).then((answer) => answer.items)));

  const movieForm = adminForm('New movie', 'Create movie', [
    ...field('title', 'Title', { maxlength: 200 }),
    ...field('durationMinutes', 'Duration (minutes)', { type: 'number', min: 1, max: 1000, value: 120 }),
  ], async ({ title, durationMinutes }) => {
    const movie = await call('POST', '/api/movies', { auth: true,
      body: { title: title.trim(), durationMinutes: Number(durationMinutes) } });
    await adminView();
    announce(`Movie "${movie.title}" created.`);
  });

  const movieSelect = h('select', { id: 'movieId', name: 'movieId', required: true },
    movies.map((movie) => h('option', { value: movie.id }, movie.title)));
  const showForm = adminForm('New show', 'Create show', [
    h('label', { for: 'movieId' }, 'Movie'), movieSelect,
    ...field('screen', 'Screen', { value: 'Screen 1', maxlength: 100 }),
    ...field('startsAt', 'Starts at', { type: 'datetime-local', value: tomorrowEvening() }),
    ...field('totalSeats', 'Seats', { type: 'number', min: 1, max: 100000, value: 120 }),
    ...field('seatsPerRow', 'Seats per row', { type: 'number', min: 1, max: 1000, value: 12 }),
    ...field('maxSeatsPerUser', 'Seats per user at most', { type: 'number', min: 1, value: 6 }),
    ...field('holdSeconds', 'Hold time (seconds)', { type: 'number', min: 10, max: 3600, value: 600 }),
  ], async (values) => {
    const startsAt = values.startsAt ? new Date(values.startsAt).toISOString() : '';
    const created = await call('POST', '/api/shows', { auth: true, body: {
      movieId: values.movieId, screen: values.screen.trim(), startsAt, totalSeats: Number(values.totalSeats),
      seatsPerRow: Number(values.seatsPerRow), maxSeatsPerUser: Number(values.maxSeatsPerUser),
      holdSeconds: Number(values.holdSeconds),
    } });
    location.hash = `#/admin/shows/${created.id}`;
  });
  if (movies.length === 0) showForm.hidden = true;

  show(h('h1', {}, 'Admin'),
    h('div', { class: 'forms' }, movieForm, showForm),
    h('h2', {}, 'Shows'),
    movies.length === 0 ? h('p', {}, 'No movies yet: create one first.') : h('ul', { class: 'list' },
      movies.map((movie, i) => h('li', {}, h('strong', {}, movie.title),
        shows[i].length === 0 ? ' · no shows' : h('ul', {}, shows[i].map((item) => h('li', {},
          `${when(item.startsAt)}, ${item.screen}, ${item.totalSeats - item.availableSeats} of ${item.totalSeats} sold or held · `,
          h('a', { href: `#/admin/shows/${item.id}` }, 'Watch sales'), ' · ',
          h('a', { href: `#/shows/${item.id}` }, 'Seat map'))))))));
  return null;
}

/**
 * A show's sales, live: the statistics stream (at most 4 updates a second) feeds the figures and the chart of seats
 * sold and held since the page opened; the per-minute table comes with every update, so it also shows the minutes
 * before.
 */
export async function salesView(showId) {
  if (adminsOnly()) return null;
  const details = await readOrNotFound(`/api/shows/${encodeURIComponent(showId)}`,
    { title: 'Show not found', back: ['#/admin', 'Back to admin'] });
  if (!details) return null;
  const movie = await call('GET', `/api/movies/${encodeURIComponent(details.movieId)}`).catch(() => null);
  const samples = [];
  let latest = null;
  const figures = h('dl', { class: 'figures' });
  const chart = h('figure', { class: 'chart' });
  const minutes = h('div', { class: 'scroll' });
  const rejections = h('ul', { class: 'list', 'aria-label': 'Rejections by reason' });
  const live = h('span', { class: 'live', 'aria-live': 'polite' }, 'Connecting…');

  function render() {
    if (!latest) return;
    const pairs = [
      ['Seats sold', latest.seatsSold], ['Seats held', latest.seatsHeld], ['Seats free', latest.seatsAvailable],
      ['Bookings', latest.bookingsConfirmed], ['Cancelled', latest.bookingsCancelled],
      ['Holds placed', latest.holdsPlaced], ['Holds confirmed', latest.holdsConfirmed],
      ['Holds expired', latest.holdsExpired], ['Holds released', latest.holdsReleased],
      ['Conversion', latest.conversionRate === undefined ? '–' : `${Math.round(latest.conversionRate * 100)} %`],
    ];
    figures.replaceChildren(...pairs.flatMap(([name, value]) =>
      [h('div', { 'data-figure': name }, h('dt', {}, name), h('dd', {}, String(value)))]));
    chart.replaceChildren(salesChart(samples, latest.totalSeats, Date.now()),
      h('figcaption', {}, `Seats sold (solid) and held (dashed) since this page opened: ${latest.seatsSold} sold, ${latest.seatsHeld} held of ${latest.totalSeats}.`));
    minutes.replaceChildren(perMinuteTable(latest.perMinute));
    const codes = Object.entries(latest.rejections ?? {});
    rejections.replaceChildren(...(codes.length === 0 ? [h('li', {}, 'None')]
      : codes.map(([code, count]) => h('li', {}, `${code}: ${count}`))));
  }

  let reopen = null;
  let close = () => {};
  function open() {
    close = authorizedEvents(`/api/shows/${encodeURIComponent(showId)}/stats/stream`, {
      onEvent: (name, data) => {
        if (name !== 'stats') return;
        latest = JSON.parse(data);
        samples.push({ at: Date.now(), sold: latest.seatsSold, held: latest.seatsHeld });
        live.textContent = 'Live';
        render();
      },
      onState: (state) => { live.textContent = state === 'open' ? 'Live' : 'Reconnecting…'; },
      onEnd: (status) => {
        if (status === 401) {
          live.textContent = 'Signed out';
        } else {
          // No figures until the show's first event reaches the statistics: ask again shortly.
          live.textContent = 'Waiting for the first figures…';
          reopen = setTimeout(open, 2000);
        }
      },
    });
  }
  open();
  const ticker = setInterval(render, 1000);

  show(h('h1', {}, `Sales: ${movie?.title ?? 'a show'}`),
    h('p', {}, `${details.screen} · ${when(details.startsAt)} · ${details.totalSeats} seats`, details.status === 'CANCELLED' ? ' · cancelled' : '', ' · ', live, ' · ',
      h('a', { href: `#/shows/${details.id}` }, 'Seat map')),
    figures, chart,
    h('h2', {}, 'Per minute'), minutes,
    h('h2', {}, 'Rejections'), rejections);
  return () => {
    close();
    clearTimeout(reopen);
    clearInterval(ticker);
  };
}
