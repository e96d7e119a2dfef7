// Where to go when a screen needs a signed-in user: to the login page, which comes back here afterwards.
export function toLogin(message) {
  sessionStorage.setItem('boxoffice.next', location.hash || '#/');
  if (message) sessionStorage.setItem('boxoffice.notice', message);
  location.hash = '#/login';
}
