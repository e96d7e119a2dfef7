import { accessToken } from './session.js';

/**
 * A server-sent-events stream that needs the bearer token, which EventSource cannot send: read through fetch,
 * parsed by the event-stream rules (blank line ends an event, `event:` names it, `data:` lines join with newlines,
 * `:` lines are keep-alives). It reconnects after a drop as EventSource would, with a fresh token; a refused token
 * (401) or a missing session ends it through `onEnd`. Returns a function that closes it.
 */
export function authorizedEvents(path, { onEvent, onState = () => {}, onEnd = () => {} }) {
  const stop = new AbortController();
  let retryMs = 1000;

  async function connect(forceRefresh) {
    const token = await accessToken(forceRefresh);
    if (!token) {
      onEnd(401);
      return;
    }
    const response = await fetch(path, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: stop.signal,
    });
    if (response.status === 401 && !forceRefresh) return connect(true);
    if (!response.ok) {
      onEnd(response.status);
      return;
    }
    onState('open');
    retryMs = 1000;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        dispatch(block);
      }
    }
    throw new Error('stream ended');
  }

  function dispatch(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      if (field === 'data') data.push(value);
    }
    if (data.length) onEvent(name, data.join('\n'));
  }

  (async () => {
    while (!stop.signal.aborted) {
      try {
        await connect(false);
        return;
      } catch {
        if (stop.signal.aborted) return;
        onState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, 10000);
      }
    }
  })();
  return () => stop.abort();
}
