import { h, show, when } from '../dom.js';
import { call } from '../api.js';
import { readOrNotFound } from './found.js';

export async function moviesView() {
  const movies = (await call('GET', '/api/movies')).items;
  show(h('h1', {}, 'Movies'),
    movies.length === 0 ? h('p', {}, 'No movies yet.') : h('ul', { class: 'list' }, movies.map((movie) =>
      h('li', {}, h('a', { href: `#/movies/${movie.id}` }, movie.title), ` · ${movie.durationMinutes} min`))));
}

export async function movieView(movieId) {
  const movie = await readOrNotFound(`/api/movies/${movieId}`,
    { title: 'Movie not found', back: ['#/', 'See the movies'] });
  if (!movie) return;
  const shows = (await call('GET', `/api/movies/${movieId}/shows`)).items;
  show(h('h1', {}, movie.title),
    shows.length === 0 ? h('p', {}, 'No shows scheduled.') : h('ul', { class: 'list' }, shows.map((item) =>
      h('li', {}, h('a', { href: `#/shows/${item.id}` }, `${when(item.startsAt)}, screen ${item.screen}`),
        item.status === 'CANCELLED' ? ' (cancelled)' : ` · ${item.availableSeats} of ${item.totalSeats} seats free`))));
}
