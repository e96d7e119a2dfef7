import { h, show } from '../dom.js';
import { call, ApiProblem } from '../api.js';
import { explain } from '../messages.js';

/** The signed-in user's bookings, newest first, each cancellable while active. */
export async function bookingsView() {
  const bookings = (await call('GET', '/api/users/me/bookings', { auth: true })).items;
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
    return h('tr', { 'data-booking': booking.id }, h('td', {}, h('a', { href: `#/shows/${booking.showId}` }, booking.showId)),
      h('td', {}, booking.seats.join(', ')), status, h('td', {}, cancel));
  });
  show(h('h1', {}, 'My bookings'), message,
    bookings.length === 0 ? h('p', {}, 'No bookings yet.') : h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Show'), h('th', { scope: 'col' }, 'Seats'),
        h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, rows)));
}
