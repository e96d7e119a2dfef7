// The web app's router: the URL's fragment names the screen (#/shows/{id}, ...), so every deep link loads the
// same page and the back button works. A screen that needs a signed-in user sends a signed-out one to the login
// page, which comes back to it.
import { announce, h, show } from './dom.js';
import { call, SessionEnded } from './api.js';
import * as session from './session.js';
import { toLogin } from './nav.js';
import { loginView, registerView } from './views/login.js';
import { moviesView, movieView } from './views/movies.js';
import { showView } from './views/show.js';
import { bookingsView, bookingView } from './views/bookings.js';
import { adminView, salesView } from './views/admin.js';

const routes = [
  [/^#?\/?$/, () => moviesView()],
  [/^#\/movies\/([0-9a-z]+)$/, (id) => movieView(id)],
  [/^#\/shows\/([^/]+)$/, (id) => showView(id)],
  [/^#\/bookings$/, () => bookingsView()],
  [/^#\/bookings\/([^/]+)$/, (id) => bookingView(id)],
  [/^#\/admin$/, () => adminView()],
  [/^#\/admin\/shows\/([^/]+)$/, (id) => salesView(id)],
  [/^#\/login(\?.*)?$/, () => loginView()],
  [/^#\/register$/, () => registerView()],
];

let leave = null;

async function route() {
  if (leave) {
    leave();
    leave = null;
  }
  announce('');
  const hash = location.hash || '#/';
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        leave = (await view(...match.slice(1).map(decodeURIComponent))) ?? null;
      } catch (error) {
        if (error instanceof SessionEnded) {
          toLogin('Your session ended. Log in to continue.');
        } else {
          show(h('h1', {}, 'Something went wrong'), h('p', {}, error.message));
        }
      }
      return;
    }
  }
  show(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'See the movies')));
}

function renderHeader(current = session.current()) {
  const signedIn = !!current;
  document.querySelectorAll('[data-needs]').forEach((element) => {
    const needs = element.dataset.needs;
    element.hidden = needs === 'guest' ? signedIn : needs === 'admin' ? !session.isAdmin(current) : !signedIn;
  });
  document.getElementById('who').textContent = signedIn ? `Signed in as ${current.username}` : '';
}

document.getElementById('logout').addEventListener('click', async () => {
  const current = session.current();
  if (current) {
    try {
      await call('POST', '/api/auth/logout', { body: { refreshToken: current.refreshToken }, auth: true });
    } catch {
      // Signed out here in any case; the refresh token expires on its own.
    }
  }
  session.store(null);
  location.hash = '#/';
});

session.onChange(renderHeader);
window.addEventListener('hashchange', route);
renderHeader();
route();
