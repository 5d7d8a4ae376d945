// The demo host page: licence-manager on the REST adapter talking to the reference backend (server/,
// reached through Vite's /api proxy), on the memory adapter, or on the REST adapter over the MSW
// worker, with a panel that switches permission, theme, language, puts the data into the states the
// widgets show (panel-controls.ts, states.ts) and injects failures, on each of the three.
import { setupWorker } from 'msw/browser';
import { sharedStoreWithRules } from '../src/index.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, createDemoSeed } from '../src/adapters/memory/index.js';
import { createDemoHistory } from '../src/adapters/memory/demo-history.js';
import { liveUpdates, RestAdapter } from '../src/adapters/rest/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import '../src/locales/cs.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { memoryControls, serverControls } from './panel-controls.js';
import {
  isLicenceState,
  isPrerequisiteState,
  licenceStateOf,
  prerequisiteStateOf,
  type LicenceState,
  type PrerequisiteState,
} from './states.js';

const SETTINGS_KEY = 'licence-kit-demo:settings';
const DATA_KEY = 'licence-kit-demo:data';

interface Settings {
  adapter: 'server' | 'memory' | 'rest';
  permission: LicensingSnapshot['permission'];
  theme: 'light' | 'dark' | 'brand';
  lang: 'en' | 'cs';
  layout: 'cards' | 'table';
  slow: boolean;
}

const defaults: Settings = {
  adapter: 'server',
  permission: 'update',
  theme: 'light',
  lang: 'en',
  layout: 'cards',
  slow: false,
};

function readSettings(): Settings {
  try {
    return { ...defaults, ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return defaults;
  }
}

const settings = readSettings();
const form = document.querySelector<HTMLFormElement>('#panel')!;
const app = document.querySelector<HTMLElement>('#app')!;
const status = document.querySelector<HTMLElement>('#status')!;

// The panel shows the saved settings at once, before the adapter is ready.
for (const [name, value] of Object.entries(settings)) {
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
  else if (control instanceof HTMLSelectElement) control.value = String(value);
}

// The one backend of the page: it persists to localStorage, so changes survive a reload. The REST
// adapter reaches the same backend through the MSW worker, as a real server would.
// It starts with a history of earlier commits (<licence-history>); the page's commits add to it.
const demoSeed = createDemoSeed();
const backend = new MemoryAdapter(
  { ...demoSeed, history: createDemoHistory(demoSeed.snapshot, new Date()) },
  { storageKey: DATA_KEY, latency: settings.slow ? 1500 : 0, user: 'Jana Dvořáková' },
);
if ((await backend.load()).permission !== settings.permission) backend.setPermission(settings.permission);
const api = createLicensingHandlers({ backend, baseUrl: '/api' });

/** The reference backend's fixed demo users: one bearer token per permission (README). */
const serverToken = (permission: Settings['permission']) => `demo-${permission}`;
/** Who the top bar says is signed in: the demo user of the panel's permission (README). */
const demoUsers: Record<Settings['permission'], string> = {
  update: 'Jana Dvořáková',
  view: 'Petr Novák',
  none: 'Eva Svobodová',
};
const showUser = () => {
  const who = document.getElementById('who');
  if (who) who.textContent = demoUsers[settings.permission];
};
showUser();

/** `fetch`, 1.5 s late when the panel's slow network is on. */
async function demoFetch(input: string, init: RequestInit): Promise<Response> {
  if (settings.slow) await new Promise((resolve) => setTimeout(resolve, 1500));
  return fetch(input, init);
}

/** Another administrator adds one Voice licence through the reference backend's API. */
async function anotherAdminOnServer(): Promise<void> {
  const headers = { Authorization: `Bearer ${serverToken('update')}` };
  const snapshot = (await (await fetch('/api/licensing', { headers })).json()) as LicensingSnapshot;
  const voice = snapshot.lines.find((l) => l.typeId === 'voice')!;
  await fetch('/api/licensing/changes', {
    method: 'POST',
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      'If-Match': `"${snapshot.version}"`,
      'Idempotency-Key': `other-admin-${Date.now()}`,
    },
    body: JSON.stringify({ counts: { voice: voice.count + 1 } }),
  });
}

async function makeAdapter(): Promise<LicensingAdapter> {
  if (settings.adapter === 'server') {
    return new RestAdapter({
      baseUrl: '/api',
      headers: () => ({ Authorization: `Bearer ${serverToken(settings.permission)}` }),
      fetch: demoFetch,
      // Other admins' commits (another tab, "Another admin changes Voice") show at once.
      liveUpdates,
    });
  }
  if (settings.adapter === 'memory') return backend;
  const worker = setupWorker(...api.handlers);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return new RestAdapter({ baseUrl: '/api', liveUpdates });
}

function say(message: string): void {
  status.textContent = message;
}

const adapter = await makeAdapter();
const store = sharedStoreWithRules(adapter);
const controls =
  settings.adapter === 'server'
    ? serverControls(() => serverToken(settings.permission))
    : memoryControls(backend, DATA_KEY);
const manager = document.createElement('licence-manager');
manager.adapter = adapter;
// A pending cart survives a reload of the page (sessionStorage), one per data source.
manager.cartKey = `demo-${settings.adapter}`;
// Change requests on: the permission switch's "view" prepares and sends requests (R1).
manager.requests = true;
app.dataset.theme = settings.theme;
app.lang = settings.lang;
manager.layout = settings.layout;
app.append(manager);

// The state selects show the state the data is in ("Other" once the page changed it otherwise).
const licenceSelect = form.elements.namedItem('licence') as HTMLSelectElement;
const prerequisitesSelect = form.elements.namedItem('prerequisites') as HTMLSelectElement;
function showStates(): void {
  const { snapshot, installation } = store.state;
  if (snapshot && document.activeElement !== prerequisitesSelect) {
    prerequisitesSelect.value = (snapshot.prerequisites && prerequisiteStateOf(snapshot)) || 'other';
  }
  if (installation.status === 'ready' && document.activeElement !== licenceSelect) {
    licenceSelect.value = licenceStateOf(installation.licence, new Date());
  }
}
store.subscribe(showStates);
showStates();

/** Runs a panel control; says what happened, or why it could not (and answers whether it ran). */
async function run(control: () => Promise<void>, done: string): Promise<boolean> {
  try {
    await control();
    say(done);
    return true;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return false;
  }
}

const licenceWords: Readonly<Record<LicenceState, string>> = {
  active: 'active',
  expiring: 'expiring in 12 days',
  'grace-hardware-change': 'in its grace period after a hardware change',
  'grace-late-payment': 'in its grace period for a late payment',
  deactivated: 'deactivated after a hardware change',
  expired: 'expired, its grace period over',
};

async function setLicence(state: LicenceState): Promise<boolean> {
  return run(async () => {
    await controls.licence(state);
    // The adapter takes the stored licence on its next load (memory), then the licence is read again.
    await store.reload();
    await store.loadInstallation({ force: true });
  }, `The installation licence is now ${licenceWords[state]}.`);
}

async function setPrerequisites(state: PrerequisiteState): Promise<boolean> {
  return run(
    async () => {
      await controls.prerequisites(state);
      await store.reload();
    },
    state === 'met'
      ? 'Prerequisites met: email queues, a QA form for AI QA, Speech-to-Text on.'
      : 'Prerequisites missing: no email queue, no QA form for AI QA, Speech-to-Text off.',
  );
}

form.addEventListener('change', async (event) => {
  const control = event.target as HTMLInputElement | HTMLSelectElement;
  // Data states, not settings: they change the data source, and the page loads again.
  if (control.name === 'licence' && isLicenceState(control.value)) {
    await setLicence(control.value);
    return;
  }
  if (control.name === 'prerequisites' && isPrerequisiteState(control.value)) {
    await setPrerequisites(control.value);
    return;
  }
  const next: Settings = {
    ...settings,
    [control.name]:
      control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value,
  };
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
  if (control.name === 'adapter') {
    location.reload();
    return;
  }
  Object.assign(settings, next);
  app.dataset.theme = settings.theme;
  app.lang = settings.lang;
  manager.layout = settings.layout;
  backend.latency = settings.slow ? 1500 : 0;
  if (control.name === 'permission') {
    showUser();
    backend.setPermission(settings.permission);
    // The REST adapter does not push changes: load again, as a page would after an Access change.
    await store.reload();
    await store.loadInstallation({ force: true });
  }
});

/** Every source pushes another admin's change (memory: subscribe; REST: live updates). */
const anotherAdminSaid =
  'Another administrator added one Voice licence: the page shows it at once and rebases your cart.';

form.addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
  if (!button) return;
  if (button.id === 'reset') {
    if (!(await run(controls.reset, 'Back to the demo data.'))) return;
    localStorage.removeItem(SETTINGS_KEY);
    location.reload();
    return;
  }
  const fail = button.dataset.fail;
  if (fail === 'load') {
    if (!(await run(() => controls.failNext('load'), 'The next load fails once (500): loading again…')))
      return;
    await store.reload();
    if (store.state.error) say('The load failed on purpose (500): the page keeps the data it had.');
  } else if (fail === 'commit') {
    await run(
      () => controls.failNext('commit'),
      'The next save will fail once with a server error (500); the cart keeps your changes.',
    );
  } else if (fail === 'conflict' && settings.adapter === 'server') {
    await anotherAdminOnServer();
    say(anotherAdminSaid);
  } else if (fail === 'conflict') {
    const snapshot = await backend.load();
    const voice = snapshot.lines.find((l) => l.typeId === 'voice')!;
    await backend.commit(
      { counts: { voice: voice.count + 1 } },
      { expectedVersion: snapshot.version, idempotencyKey: `other-admin-${Date.now()}` },
    );
    say(anotherAdminSaid);
  }
});

manager.addEventListener('licence-commit', (event) =>
  say(`Saved: version ${event.detail.snapshot.version}.`),
);
manager.addEventListener('licence-commit-error', (event) =>
  say(`Save ${event.detail.reason}: ${event.detail.error.message}`),
);
