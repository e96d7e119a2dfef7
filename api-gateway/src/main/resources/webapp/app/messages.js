// What a refusal means for the person in front of the screen, from the problem document's stable code.
const SENTENCES = {
  bad_credentials: 'Wrong username or password.',
  too_many_attempts: 'Too many failed logins for this name. Try again later.',
  username_taken: 'That username is taken. Pick another one.',
  seat_taken: 'Someone else got some of those seats first.',
  sold_out: 'This show is sold out.',
  limit_exceeded: 'You cannot have more seats in this show.',
  not_enough_seats: 'Not enough free seats for that.',
  show_cancelled: 'This show was cancelled.',
  hold_expired: 'Your hold expired: the seats are free again.',
  hold_released: 'This hold was released.',
  hold_confirmed: 'This hold is already confirmed.',
  already_cancelled: 'This booking is already cancelled.',
  show_not_found: 'There is no such show.',
  movie_not_found: 'There is no such movie.',
  booking_not_found: 'There is no such booking.',
  hold_not_found: 'There is no such hold.',
  overloaded: 'Boxoffice is very busy.',
  unavailable: 'Boxoffice cannot be reached right now.',
  timeout: 'No answer in time: it may still have worked. Check My bookings.',
};

/** A sentence for `problem` (an ApiProblem): the code's meaning, the server's detail, and when to retry. */
export function explain(problem) {
  const known = SENTENCES[problem.code];
  const parts = [known ?? problem.detail ?? `Something went wrong (${problem.status}).`];
  if (known && problem.detail && problem.status === 400) parts.push(problem.detail);
  if (problem.seats?.length) parts.push(`Seats: ${problem.seats.join(', ')}.`);
  if (problem.retryAfter) parts.push(`Try again in ${problem.retryAfter} s.`);
  return parts.join(' ');
}
