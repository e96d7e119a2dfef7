// Builds elements from data without ever parsing it as HTML: titles and names are user input.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Shows `nodes` as the current view and moves focus there, so keyboard and screen-reader users follow. */
export function show(...nodes) {
  const view = document.getElementById('view');
  view.replaceChildren(...nodes);
  view.focus({ preventScroll: true });
}

/** A polite announcement in the page's status line (also read by screen readers). */
export function announce(text) {
  document.getElementById('status').textContent = text;
}

/** A show's or booking's time as people read it: "Dec 24, 2026, 8:00 PM" in the browser's language. */
export function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
