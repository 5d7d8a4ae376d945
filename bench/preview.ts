// A page to look at the element by hand (`npx vite bench`, then /preview.html?agents=100000&dark).
import { MemoryAdapter, createDemoSeed } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import { registerMessages } from '../src/i18n/locale.js';
import '../src/locales/cs.js';
import { messages as czech } from '../src/locales/cs/usage-overview.js';

// Until src/locales/cs.ts registers the section itself.
registerMessages('cs', 'usage-overview', czech);

const params = new URLSearchParams(location.search);
if (params.has('dark')) document.documentElement.classList.add('dark');
if (params.has('lang')) document.documentElement.lang = params.get('lang')!;
const el = document.querySelector('usage-overview')!;
if (params.has('type')) el.typeId = params.get('type')!;
el.adapter = new MemoryAdapter(createDemoSeed({ agents: Number(params.get('agents') ?? 250) }));
