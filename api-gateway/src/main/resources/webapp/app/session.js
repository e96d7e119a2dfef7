// The signed-in user's tokens. Refresh tokens are single-use and a spent one presented again ends the whole
// login (theft detection), so refreshing is done under a lock shared by every tab of this origin, and a tab
// re-reads the tokens after taking it: another tab may have refreshed meanwhile.
const KEY = 'boxoffice.session';
const listeners = new Set();

export function current() {
  try {
    return JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function store(pair) {
  if (!pair) {
    localStorage.removeItem(KEY);
  } else {
    const claims = decode(pair.accessToken);
    localStorage.setItem(KEY, JSON.stringify({
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      renewAt: Date.now() + pair.expiresIn * 800,
      userId: claims.sub,
      username: claims.username,
      roles: claims.roles ?? [],
    }));
  }
  listeners.forEach((listener) => listener(current()));
}

export function onChange(listener) {
  listeners.add(listener);
}

window.addEventListener('storage', (event) => {
  if (event.key === KEY) listeners.forEach((listener) => listener(current()));
});

export function isAdmin(session = current()) {
  return !!session?.roles?.includes('ADMIN');
}

/** The access token to send now, refreshed first when most of its life is gone; null when signed out. */
export async function accessToken(force = false) {
  const session = current();
  if (!session) return null;
  if (!force && Date.now() < session.renewAt) return session.accessToken;
  return refreshOnce(session.accessToken);
}

async function refreshOnce(seen) {
  const run = async () => {
    const session = current();
    if (!session) return null;
    if (session.accessToken !== seen && Date.now() < session.renewAt) return session.accessToken;
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      store(null);
      return null;
    }
    store(await response.json());
    return current().accessToken;
  };
  return navigator.locks ? navigator.locks.request('boxoffice-refresh', run) : run();
}

function decode(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}
