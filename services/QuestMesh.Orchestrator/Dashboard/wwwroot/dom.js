// Building the page. Everything that comes from a run (targets, test code, critiques, details) is untrusted:
// it only ever becomes text nodes and attribute values, never markup.

const SVG = 'http://www.w3.org/2000/svg';

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.setAttribute('class', value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** An HTML element: el('td', {class: 'num'}, 'text', otherNode). */
export const el = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);

/** An SVG element, the same way. */
export const svg = (tag, attrs, ...children) => fill(document.createElementNS(SVG, tag), attrs, children);

/** Replaces the children of node. */
export function show(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

export const percent = (value) => (typeof value === 'number' ? `${value.toFixed(1)} %` : '–');

/** "42 s ago", "3 min ago", "5 h ago", "2 d ago". */
export function age(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

export const time = (iso) => (iso ? new Date(iso).toLocaleString() : '–');

export const badge = (status) => el('span', { class: `badge status-${/^[a-z]+$/.test(status) ? status : 'unknown'}`, 'data-field': 'status' }, status);
