import { h, show } from '../dom.js';
import { call, ApiProblem } from '../api.js';
import { explain } from '../messages.js';

const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export async function moviesView() {
  const movies = (await call('GET', '/api/movies')).items;
  show(h('h1', {}, 'Movies'),
    movies.length === 0 ? h('p', {}, 'No movies yet.') : h('ul', { class: 'list' }, movies.map((movie) =>
      h('li', {}, h('a', { href: `#/movies/${movie.id}` }, movie.title), ` · ${movie.durationMinutes} min`))));
}

export async function movieView(movieId) {
  let movie;
  try {
    movie = await call('GET', `/api/movies/${movieId}`);
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 404) {
      show(h('h1', {}, 'Movie not found'), h('p', {}, explain(problem), ' ', h('a', { href: '#/' }, 'See the movies')));
      return;
    }
    throw problem;
  }
  const shows = (await call('GET', `/api/movies/${movieId}/shows`)).items;
  show(h('h1', {}, movie.title),
    shows.length === 0 ? h('p', {}, 'No shows scheduled.') : h('ul', { class: 'list' }, shows.map((item) =>
      h('li', {}, h('a', { href: `#/shows/${item.id}` }, `${when(item.startsAt)}, screen ${item.screen}`),
        item.status === 'CANCELLED' ? ' (cancelled)' : ` · ${item.availableSeats} of ${item.totalSeats} seats free`))));
}
