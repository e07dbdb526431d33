// The runs API, as the dashboard calls it: JSON reads with the caller's API key, and a run's events.
// The key (needed only behind the gateway) stays in this tab's sessionStorage and goes out as X-Api-Key.

const KEY = 'questmesh.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  set: (key) => (key ? sessionStorage.setItem(KEY, key) : sessionStorage.removeItem(KEY)),
};

/** A refusal of the API, with its problem details' title and detail when it sent them. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
  }

  get needsKey() {
    return this.status === 401;
  }
}

// Relative to the dashboard's own address, so a gateway that serves everything under a prefix still works.
const url = (path) => new URL(`../${path}`, document.baseURI);

function headers(accept) {
  const result = { Accept: accept };
  const key = apiKey.get();
  if (key) result['X-Api-Key'] = key;
  return result;
}

async function refusal(response) {
  let title = `${response.status} ${response.statusText}`;
  let detail = '';
  try {
    const problem = await response.json();
    title = problem.title ?? title;
    detail = problem.detail ?? '';
  } catch {
    // not problem details: the status line says enough
  }
  return new ApiError(response.status, title, detail);
}

async function get(path, accept, signal) {
  const response = await fetch(url(path), { headers: headers(accept), cache: 'no-store', signal });
  if (!response.ok) throw await refusal(response);
  return response;
}

export const getJson = async (path, signal) => (await get(path, 'application/json', signal)).json();

export const getText = async (path, signal) => (await get(path, 'text/plain, application/json', signal)).text();

export const runPath = (runId) => `api/runs/${encodeURIComponent(runId)}`;

export const artifactPath = (runId, name) =>
  `${runPath(runId)}/artifacts/${name.split('/').map(encodeURIComponent).join('/')}`;

/** The link a person can open or copy (works as is where no key is needed). */
export const artifactHref = (runId, name) => url(artifactPath(runId, name)).href;

function parseFrame(frame) {
  const event = { event: 'message', id: null, data: '' };
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
  }
  return event.data ? event : null;
}

const pause = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/**
 * Follows GET /api/runs/{id}/events until its 'end' event: onStep(step) for each step (a finished run
 * replays them), onEnd(run) once. The stream is read with fetch rather than EventSource so the API key
 * can go in a header; when the connection drops it reconnects with Last-Event-ID and goes on.
 */
export async function followRun(runId, { onStep, onEnd, onTrouble }, signal) {
  let lastId = null;
  let wait = 1000;
  while (!signal.aborted) {
    try {
      const request = headers('text/event-stream');
      if (lastId) request['Last-Event-ID'] = lastId;
      const response = await fetch(url(`${runPath(runId)}/events`), { headers: request, cache: 'no-store', signal });
      if (!response.ok) throw await refusal(response);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replaceAll('\r\n', '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          if (event.id) lastId = event.id;
          if (event.event === 'step') onStep(JSON.parse(event.data));
          if (event.event === 'end') {
            onEnd(JSON.parse(event.data));
            return;
          }
        }
        wait = 1000;
      }
    } catch (error) {
      if (signal.aborted) return;
      onTrouble(error);
      // A refusal will not change by itself (a missing key, an unknown run); anything else is worth a retry.
      if (error instanceof ApiError && error.status < 500 && error.status !== 429) return;
    }
    await pause(wait, signal);
    wait = Math.min(wait * 2, 15000);
  }
}
