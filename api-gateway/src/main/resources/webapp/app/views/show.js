import { announce, h, show } from '../dom.js';
import { call, ApiProblem, SessionEnded } from '../api.js';
import { explain } from '../messages.js';
import * as session from '../session.js';
import { toLogin } from '../nav.js';
import { readOrNotFound } from './found.js';

// What each state looks like without colour: a glyph and a word, besides the styles.
const LOOK = {
  free: ['', 'free'], held: ['◷', 'held'], taken: ['×', 'taken'], mine: ['★', 'yours'], selected: ['✓', 'selected'],
};

/**
 * A show's seat map, live: the seat stream's snapshot and changes keep it current without a reload (an
 * EventSource reconnects by itself, and every connection starts with a snapshot). Pick seats or ask for the best
 * available, hold them, watch the countdown, confirm or release.
 */
export async function showView(showId) {
  const details = await readOrNotFound(`/api/shows/${encodeURIComponent(showId)}`,
    { title: 'Show not found', back: ['#/', 'See the movies'] });
  if (!details) return null;
  const pending = new Set();
  const model = { taken: new Set(), held: new Set(), available: details.availableSeats, mine: new Set(),
    selected: new Set(JSON.parse(sessionStorage.getItem(`boxoffice.selection.${showId}`) ?? '[]')) };
  const grid = h('table', { class: 'seats', role: 'grid', 'aria-label': 'Seats, by row' });
  const free = h('p', { class: 'free-count', 'aria-live': 'polite' });
  const live = h('span', { class: 'live' }, 'Connecting…');
  const message = h('p', { class: 'error', role: 'alert' });
  const holdBox = h('section', { class: 'hold', 'aria-label': 'Your hold' });
  const best = h('input', { id: 'best', type: 'number', min: 1, max: details.maxSeatsPerUser, value: 2 });
  const rows = Math.ceil(details.totalSeats / details.seatsPerRow);
  const buttons = new Map();
  for (let row = 1; row <= rows; row++) {
    const cells = [];
    for (let seat = (row - 1) * details.seatsPerRow + 1; seat <= Math.min(row * details.seatsPerRow, details.totalSeats); seat++) {
      const button = h('button', { type: 'button', class: 'seat', 'data-seat': seat, tabindex: seat === 1 ? 0 : -1 });
      button.addEventListener('click', () => toggle(seat));
      button.addEventListener('keydown', (event) => move(event, seat));
      buttons.set(seat, button);
      cells.push(h('td', { role: 'gridcell' }, button));
    }
    grid.append(h('tr', {}, h('th', { scope: 'row' }, `Row ${row}`), cells));
  }

  function state(seat) {
    if (model.mine.has(seat)) return 'mine';
    if (model.taken.has(seat)) return 'taken';
    if (model.held.has(seat)) return 'held';
    return model.selected.has(seat) ? 'selected' : 'free';
  }

  function paint() {
    for (const [seat, button] of buttons) {
      const now = state(seat);
      const row = Math.ceil(seat / details.seatsPerRow);
      const inRow = seat - (row - 1) * details.seatsPerRow;
      button.dataset.state = now;
      button.textContent = LOOK[now][0] || String(inRow);
      button.setAttribute('aria-label', `Row ${row}, seat ${inRow} (no. ${seat}), ${LOOK[now][1]}`);
      button.setAttribute('aria-pressed', String(now === 'selected'));
      button.disabled = false;
    }
    free.textContent = `${model.available} of ${details.totalSeats} seats free`;
    sessionStorage.setItem(`boxoffice.selection.${showId}`, JSON.stringify([...model.selected]));
  }

  function toggle(seat) {
    const now = state(seat);
    if (now === 'selected') model.selected.delete(seat);
    else if (now === 'free') model.selected.add(seat);
    else announce(`Seat ${seat} is ${LOOK[now][1]}.`);
    paint();
  }

  function move(event, seat) {
    const steps = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: details.seatsPerRow, ArrowUp: -details.seatsPerRow,
      Home: -((seat - 1) % details.seatsPerRow), End: details.seatsPerRow - 1 - ((seat - 1) % details.seatsPerRow) };
    if (!(event.key in steps)) return;
    event.preventDefault();
    const next = Math.min(details.totalSeats, Math.max(1, seat + steps[event.key]));
    buttons.get(seat).tabIndex = -1;
    buttons.get(next).tabIndex = 0;
    buttons.get(next).focus();
  }

  function applySnapshot(map) {
    model.taken = new Set(map.taken);
    model.held = new Set(map.held);
    model.available = map.availableSeats;
  }

  function applyChange(change) {
    for (const seat of change.seats) {
      model.taken.delete(seat);
      model.held.delete(seat);
      if (change.state === 'TAKEN') model.taken.add(seat);
      if (change.state === 'HELD') model.held.add(seat);
      // A seat asked for in a hold still unanswered may come back as this user's own: the answer tells.
      if (change.state !== 'FREE' && model.selected.has(seat) && !model.mine.has(seat) && !pending.has(seat)) {
        model.selected.delete(seat);
        announce(`Seat ${seat} was just ${change.state === 'TAKEN' ? 'taken' : 'held'} by someone else.`);
      }
      if (change.state === 'FREE') model.mine.delete(seat);
    }
    model.available = change.availableSeats;
  }

  // EventSource reconnects by itself after a drop, but gives up for good when a reconnection is answered with an
  // error status (a gateway still starting answers 503): then a new one is opened after a pause.
  let stream = null;
  let reopen = null;
  function connect() {
    stream = new EventSource(`/api/shows/${encodeURIComponent(showId)}/seats/events`);
    stream.addEventListener('snapshot', (event) => {
      applySnapshot(JSON.parse(event.data));
      live.textContent = 'Live';
      paint();
    });
    stream.addEventListener('change', (event) => {
      applyChange(JSON.parse(event.data));
      paint();
    });
    stream.addEventListener('error', () => {
      live.textContent = 'Reconnecting…';
      if (stream.readyState === EventSource.CLOSED) reopen = setTimeout(connect, 2000);
    });
  }
  connect();

  let timer = null;
  async function act(method, path, body) {
    message.textContent = '';
    try {
      return await call(method, path, { body, auth: true });
    } catch (problem) {
      if (problem instanceof ApiProblem) {
        message.textContent = explain(problem);
        return null;
      }
      if (problem instanceof SessionEnded) {
        // The selection and the hold are kept in this tab's storage, so the page comes back as it was.
        toLogin('Your session ended. Log in to continue.');
        return null;
      }
      throw problem;
    }
  }

  const holdKey = `boxoffice.hold.${showId}`;
  function forgetHold(hold) {
    clearInterval(timer);
    hold.seats.forEach((seat) => model.mine.delete(seat));
    sessionStorage.removeItem(holdKey);
  }

  /** Shows `hold` with its countdown to `until` (this browser's clock), and its confirm and release buttons. */
  function showHold(hold, until) {
    clearInterval(timer);
    sessionStorage.setItem(holdKey, hold.id);
    const clock = h('time', { role: 'timer', 'aria-live': 'off' });
    const confirm = h('button', { type: 'button', class: 'primary' }, 'Confirm');
    const release = h('button', { type: 'button' }, 'Release');
    const tick = () => {
      const left = Math.max(0, Math.round((until - Date.now()) / 1000));
      clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      if (left === 0) {
        forgetHold(hold);
        confirm.disabled = true;
        release.disabled = true;
        message.textContent = 'Your hold expired: the seats are free again.';
        paint();
      }
    };
    confirm.addEventListener('click', async () => {
      const booking = await act('POST', `/api/holds/${hold.id}/confirm`);
      if (booking) {
        forgetHold(hold);
        booking.seats.forEach((seat) => model.mine.add(seat));
        paint();
        holdBox.replaceChildren(h('p', { class: 'notice' }, `Booked seats ${booking.seats.join(', ')}. `,
          h('a', { href: '#/bookings' }, 'See my bookings')));
      }
    });
    release.addEventListener('click', async () => {
      if (await act('DELETE', `/api/holds/${hold.id}`)) {
        forgetHold(hold);
        holdBox.replaceChildren(h('p', {}, 'Hold released.'));
        paint();
      }
    });
    holdBox.replaceChildren(h('h2', {}, 'Your hold'), h('p', {}, `${hold.seats.length === 1 ? 'Seat' : 'Seats'} ${hold.seats.join(', ')} ${hold.seats.length === 1 ? 'is' : 'are'} yours for `,
      clock, '. Confirm to book them.'), confirm, ' ', release);
    tick();
    timer = setInterval(tick, 250);
  }

  async function hold(body) {
    if (!session.current()) {
      toLogin('Log in to hold seats.');
      return;
    }
    const asked = body.seats ?? [];
    asked.forEach((seat) => pending.add(seat));
    let placed;
    try {
      placed = await act('POST', `/api/shows/${encodeURIComponent(showId)}/holds`, body);
    } finally {
      asked.forEach((seat) => pending.delete(seat));
    }
    if (!placed) {
      // Refused: seats that someone else holds or took meanwhile are no longer on offer.
      asked.filter((seat) => model.taken.has(seat) || model.held.has(seat)).forEach((seat) => model.selected.delete(seat));
      paint();
    } else {
      model.selected.clear();
      placed.seats.forEach((seat) => model.mine.add(seat));
      paint();
      // Counted from the hold's own length, not its expiresAt: this browser's clock may differ from the server's.
      showHold(placed, Date.now() + (Date.parse(placed.expiresAt) - Date.parse(placed.createdAt)));
    }
  }

  if (session.current()) {
    try {
      const bookings = (await call('GET', '/api/users/me/bookings', { auth: true })).items;
      bookings.filter((b) => b.showId === showId && b.status === 'ACTIVE')
        .forEach((b) => b.seats.forEach((seat) => model.mine.add(seat)));
    } catch {
      // Without the list, own seats show as taken.
    }
  }
  const keptHold = session.current() && sessionStorage.getItem(holdKey);
  let restored = null;
  if (keptHold) {
    try {
      restored = await call('GET', `/api/holds/${encodeURIComponent(keptHold)}`, { auth: true });
    } catch {
      // Gone or not this user's: nothing to restore.
    }
    if (restored?.status === 'HELD') {
      restored.seats.forEach((seat) => model.mine.add(seat));
    } else {
      restored = null;
      sessionStorage.removeItem(holdKey);
    }
  }

  const movie = await call('GET', `/api/movies/${encodeURIComponent(details.movieId)}`).catch(() => null);
  show(h('h1', {}, movie?.title ?? 'Show'),
    h('p', {}, `${details.screen} · ${new Date(details.startsAt).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}`,
      details.status === 'CANCELLED' ? ' · cancelled' : '', ' · ', live),
    free,
    h('div', { class: 'legend', 'aria-label': 'Legend' }, Object.entries(LOOK).map(([name, [glyph, word]]) =>
      h('span', { class: 'seat', 'data-state': name }, glyph || '\u00a0', ' ', word))),
    h('div', { class: 'scroll' }, h('div', { class: 'screen', 'aria-hidden': 'true' }, 'Screen'), grid),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => {
        if (model.selected.size === 0) {
          message.textContent = 'Pick one or more free seats first, or ask for the best available.';
          return;
        }
        hold({ seats: [...model.selected].sort((a, b) => a - b) });
      } }, 'Hold selected seats'),
      h('label', { for: 'best' }, 'or the best'), best,
      h('button', { type: 'button', onclick: () => hold({ bestAvailable: Number(best.value) }) }, 'Hold best available')),
    message, holdBox);
  paint();
  if (restored) showHold(restored, Date.parse(restored.expiresAt));
  return () => {
    stream.close();
    clearTimeout(reopen);
    clearInterval(timer);
  };
}
