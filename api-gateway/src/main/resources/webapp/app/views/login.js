import { h, show } from '../dom.js';
import { call, ApiProblem } from '../api.js';
import { explain } from '../messages.js';
import * as session from '../session.js';

function form(title, submitLabel, onSubmit, extra = []) {
  const error = h('p', { class: 'error', role: 'alert' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true,
    minlength: 3, maxlength: 32 });
  const password = h('input', { id: 'password', name: 'password', type: 'password', required: true,
    autocomplete: submitLabel === 'Log in' ? 'current-password' : 'new-password', minlength: 8 });
  const element = h('form', { class: 'card', 'aria-labelledby': 'form-title', novalidate: true },
    h('h1', { id: 'form-title' }, title),
    h('label', { for: 'username' }, 'Username'), username,
    h('label', { for: 'password' }, 'Password'), password,
    error,
    h('button', { type: 'submit' }, submitLabel),
    ...extra);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await onSubmit(username.value.trim(), password.value);
    } catch (problem) {
      error.textContent = problem instanceof ApiProblem ? explain(problem) : problem.message;
    }
  });
  return element;
}

async function logIn(username, password) {
  session.store(await call('POST', '/api/auth/token', { body: { username, password } }));
  const next = sessionStorage.getItem('boxoffice.next') ?? '#/';
  sessionStorage.removeItem('boxoffice.next');
  location.hash = next;
}

export function loginView() {
  const notice = sessionStorage.getItem('boxoffice.notice');
  sessionStorage.removeItem('boxoffice.notice');
  show(notice ? h('p', { class: 'notice', role: 'alert' }, notice) : null,
    form('Log in', 'Log in', logIn, [h('p', {}, 'New here? ', h('a', { href: '#/register' }, 'Create an account'))]));
}

export function registerView() {
  show(form('Create an account', 'Create account', async (username, password) => {
    await call('POST', '/api/users', { body: { username, password } });
    await logIn(username, password);
  }, [h('p', {}, 'Have an account? ', h('a', { href: '#/login' }, 'Log in'))]));
}
