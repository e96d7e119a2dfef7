import { h, show } from '../dom.js';
import { call, ApiProblem } from '../api.js';
import { explain } from '../messages.js';

/**
 * GET `path`; when it answers 404, the screen says so in the problem's own words (`title`, then a link back) and
 * this answers null. Any other refusal is thrown, for the router to show.
 */
export async function readOrNotFound(path, { title, back: [href, label], auth = false }) {
  try {
    return await call('GET', path, { auth });
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 404) {
      show(h('h1', {}, title), h('p', {}, explain(problem), ' ', h('a', { href }, label)));
      return null;
    }
    throw problem;
  }
}
