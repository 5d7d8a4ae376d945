// A React 19 host: <licence-manager> written as a JSX tag (typed by licence-kit/jsx-react), and a
// card with its cart through the typed wrappers of licence-kit/react.js. Adapters are passed as
// properties; the host shows what the typed events tell it. Each app starts from the built-in demo
// data, in memory (a reload starts over).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from '../../src/types/react-jsx.js';
// Registers <licence-manager> (and what it lays out) before the first render, so React 19 sees
// `adapter` as a property of the element and sets it as one.
import '../../src/elements/licence-manager/licence-manager.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { LicenceCard, LicenceCart, LicenceProvider } from '../../src/react/index.js';
import { idleText, pendingText, savedText } from '../framework-host.js';

// Two backends, so the two examples do not share a draft.
const pageAdapter = new MemoryAdapter();
const widgetAdapter = new MemoryAdapter();

function WholePage() {
  const [status, setStatus] = useState(idleText);
  return (
    <section aria-labelledby="page-heading" id="whole-page">
      <h2 id="page-heading">The whole page: a &lt;licence-manager&gt; JSX tag</h2>
      <p className="host-status" role="status">
        {status}
      </p>
      <licence-manager
        adapter={pageAdapter}
        onlicence-change={(event) => setStatus(pendingText(event.detail.draft))}
        onlicence-commit={(event) => setStatus(savedText(event.detail.snapshot.version))}
      />
    </section>
  );
}

function Widgets() {
  const [status, setStatus] = useState(idleText);
  return (
    <section aria-labelledby="widgets-heading" id="widgets">
      <h2 id="widgets-heading">One card and its cart: the React wrappers</h2>
      <p className="host-status" role="status">
        {status}
      </p>
      <LicenceProvider
        adapter={widgetAdapter}
        onLicenceChange={(event) => setStatus(pendingText(event.detail.draft))}
        onLicenceCommit={(event) => setStatus(savedText(event.detail.snapshot.version))}
      >
        <div className="widgets">
          <LicenceCard typeId="voice" />
          <LicenceCart />
        </div>
      </LicenceProvider>
    </section>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <h1>Licensing in a React 19 app</h1>
    <Widgets />
    <WholePage />
  </StrictMode>,
);
