import { h, show, when } from '../dom.js';
import { call, ApiProblem } from '../api.js';
import { explain } from '../messages.js';
import { readOrNotFound } from './found.js';

/** The signed-in user's bookings, newest first, each cancellable while active. */
export async function bookingsView() {
  const bookings = (await call('GET', '/api/users/me/bookings', { auth: true })).items;
  const shows = await describeShows(bookings.map((booking) => booking.showId));
  const message = h('p', { class: 'error', role: 'alert' });
  const rows = bookings.map((booking) => {
    const status = h('td', {}, booking.status === 'ACTIVE' ? 'Active' : 'Cancelled');
    const cancel = h('button', { type: 'button', hidden: booking.status !== 'ACTIVE' }, 'Cancel');
    cancel.addEventListener('click', async () => {
      if (!confirm(`Cancel seats ${booking.seats.join(', ')}?`)) return;
      try {
        await call('POST', `/api/bookings/${booking.id}/cancel`, { auth: true });
        status.textContent = 'Cancelled';
        cancel.hidden = true;
      } catch (problem) {
        message.textContent = problem instanceof ApiProblem ? explain(problem) : problem.message;
      }
    });
    return h('tr', { 'data-booking': booking.id },
      h('td', {}, h('a', { href: `#/bookings/${booking.id}` }, shows.get(booking.showId)), h('br'),
        h('small', {}, `booked ${when(booking.createdAt)} · `, h('a', { href: `#/shows/${booking.showId}` }, 'seat map'))),
      h('td', {}, booking.seats.join(', ')), status, h('td', {}, cancel));
  });
  show(h('h1', {}, 'My bookings'), message,
    bookings.length === 0 ? h('p', {}, 'No bookings yet.') : h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Show'), h('th', { scope: 'col' }, 'Seats'),
        h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, rows)));
}

/** "Arrival · Screen 1 · Thu 24 Dec 2026, 20:00" for each show id, from one read of the movies and one per show. */
async function describeShows(showIds) {
  const movies = new Map((await call('GET', '/api/movies')).items.map((movie) => [movie.id, movie.title]));
  const unique = [...new Set(showIds)];
  const shows = await Promise.all(unique.map((id) => call('GET', `/api/shows/${encodeURIComponent(id)}`).catch(() => null)));
  return new Map(unique.map((id, i) => [id, shows[i]
    ? `${movies.get(shows[i].movieId) ?? 'A movie'} · ${shows[i].screen} · ${when(shows[i].startsAt)}` : 'A show']));
}

/** One booking of the signed-in user's; another user's booking is "not found", exactly as the API answers it. */
export async function bookingView(bookingId) {
  const booking = await readOrNotFound(`/api/bookings/${encodeURIComponent(bookingId)}`,
    { title: 'Booking not found', back: ['#/bookings', 'See my bookings'], auth: true });
  if (!booking) return;
  const shows = await describeShows([booking.showId]);
  show(h('h1', {}, 'Booking'), h('p', {}, shows.get(booking.showId)),
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', {}, 'Seats'), h('dd', {}, booking.seats.join(', '))),
      h('div', {}, h('dt', {}, 'Status'), h('dd', { 'data-status': booking.status }, booking.status === 'ACTIVE' ? 'Active' : 'Cancelled')),
      h('div', {}, h('dt', {}, 'Booked'), h('dd', {}, when(booking.createdAt)))),
    h('p', {}, h('a', { href: `#/shows/${booking.showId}` }, 'Seat map'), ' · ', h('a', { href: '#/bookings' }, 'All my bookings')));
}
