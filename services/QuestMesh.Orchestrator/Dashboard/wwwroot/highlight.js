// A small Python highlighter: one pass of one regular expression over the source; each token becomes a
// <span class="tok-…"> holding its text (never markup), everything between tokens a text node.
import { el } from './dom.js';

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except '
  + 'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case').split(' '));
const BUILTINS = new Set(('abs all any bool bytes callable dict enumerate filter float frozenset getattr hasattr int '
  + 'isinstance issubclass iter len list map max min next object print range repr reversed round self set sorted str '
  + 'sum super tuple type zip Exception ValueError TypeError KeyError IndexError ZeroDivisionError AttributeError '
  + 'RuntimeError AssertionError NotImplementedError StopIteration').split(' '));

const TOKENS = new RegExp([
  String.raw`(?<comment>#[^\n]*)`,
  String.raw`(?<string>[rRbBuUfF]{0,2}(?:"""[\s\S]*?(?:"""|$(?![\s\S]))|'''[\s\S]*?(?:'''|$(?![\s\S]))|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?))`,
  String.raw`(?<number>(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?))`,
  String.raw`(?<decorator>@[A-Za-z_][\w.]*)`,
  String.raw`(?<name>[A-Za-z_]\w*)`,
].join('|'), 'g');

/** The tokens of source as [kind, text] pairs, kind null for plain text; joined, the texts are the source. */
export function tokenize(source) {
  const tokens = [];
  let at = 0;
  let previous = '';
  for (const match of source.matchAll(TOKENS)) {
    if (match.index > at) tokens.push([null, source.slice(at, match.index)]);
    const [text] = match;
    const groups = match.groups;
    let kind = Object.keys(groups).find((name) => groups[name] !== undefined);
    if (kind === 'name') {
      if (previous === 'def') kind = 'function';
      else if (previous === 'class') kind = 'class';
      else if (KEYWORDS.has(text)) kind = 'keyword';
      else if (BUILTINS.has(text)) kind = 'builtin';
      else kind = null;
    }
    previous = kind === 'keyword' ? text : '';
    tokens.push([kind, text]);
    at = match.index + text.length;
  }
  if (at < source.length) tokens.push([null, source.slice(at)]);
  return tokens;
}

/** A <pre> with line numbers and the highlighted source. */
export function highlighted(source) {
  const lines = source.split('\n').length;
  const gutter = el('pre', { class: 'gutter', 'aria-hidden': 'true' },
    Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join(''));
  const code = el('code', { class: 'python' },
    tokenize(source).map(([kind, text]) => (kind ? el('span', { class: `tok-${kind}` }, text) : text)));
  return el('div', { class: 'code' }, gutter, el('pre', { class: 'source' }, code));
}
