// The dashboard's entry: a hash router (#/ the runs, #/?status=running filtered, #/runs/<id> one run) and
// the API key form. Each view gets an AbortSignal that ends its requests and timers when another opens.
import { ApiError, apiKey } from './api.js';
import { runView } from './run.js';
import { runsView } from './runs.js';

const view = document.getElementById('view');
const notice = document.getElementById('notice');
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('api-key');
let current = null;

function showKeyState() {
  keyInput.value = '';
  keyInput.placeholder = apiKey.get() ? 'a key is set for this tab' : 'only behind the gateway';
  document.getElementById('key-forget').hidden = !apiKey.get();
}

/** Says what went wrong (null clears it); a refused or missing key points at the key field. */
function report(error) {
  if (!error) {
    notice.hidden = true;
    notice.replaceChildren();
    return;
  }
  const needsKey = error instanceof ApiError && error.needsKey;
  notice.className = `notice ${needsKey ? 'needs-key' : 'error'}`;
  notice.textContent = needsKey
    ? (apiKey.get()
      ? `The gateway refused the API key (${error.message}). Enter another one above.`
      : 'This QuestMesh is behind its gateway: enter your API key above. It is kept in this browser tab only.')
    : `Could not reach the API: ${error.message}`;
  notice.hidden = false;
  if (needsKey) keyInput.focus();
}

function route() {
  current?.abort();
  current = new AbortController();
  report(null);
  delete view.dataset.loaded;
  delete view.dataset.status;
  const [path, query = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  const run = /^\/runs\/([0-9a-fA-F-]{36})$/.exec(path);
  const opened = run
    ? runView(view, run[1].toLowerCase(), current.signal, report)
    : runsView(view, new URLSearchParams(query), current.signal, report);
  opened.catch(report);
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  apiKey.set(keyInput.value.trim());
  showKeyState();
  route();
});
document.getElementById('key-forget').addEventListener('click', () => {
  apiKey.set('');
  showKeyState();
  route();
});
window.addEventListener('hashchange', route);
showKeyState();
route();
