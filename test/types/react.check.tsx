// Type checks of licence-kit/jsx-react and licence-kit/react.js, run by `npm run typecheck`: each
// `@ts-expect-error` fails the check when the types stop rejecting what a host must not write.
// (TypeScript accepts any hyphenated JSX attribute it does not know, like `data-*`, so a listener
// prop for an event the element does not fire cannot be rejected on a tag; the wrappers reject it.)
import type {} from '../../src/types/react-jsx.js';
import type { LicensingAdapter } from '../../src/adapters/adapter.js';
import { LicenceCard, LicenceCart, LicenceManager, UsageOverview } from '../../src/react/index.js';

declare const adapter: LicensingAdapter;

export const tags = (
  <>
    <licence-card type-id="voice" adapter={adapter} onlicence-change={(e) => e.detail.draft.counts} />
    <licence-card typeId="voice" onlicence-show-usage={(e) => e.detail.typeId.toUpperCase()} />
    <licence-manager hide={['installation', 'usage']} onlicence-commit={(e) => e.detail.snapshot.version} />
    <licence-provider adapter={adapter} onlicence-key-apply={(e) => e.detail.licence.token}>
      <licence-cart onlicence-commit-error={(e) => e.detail.reason} />
      <usage-overview type-id="voice" page-size="50" search="ann" searchDelay={0} />
    </licence-provider>
    {/* @ts-expect-error attributes are strings */}
    <licence-card type-id={3} />
    {/* @ts-expect-error the adapter is an object property, not a string */}
    <licence-card adapter="rest" />
    {/* @ts-expect-error the listener gets the typed event */}
    <licence-cart onlicence-commit={(e: CustomEvent<number>) => e.detail} />
    {/* @ts-expect-error no such element in licence-kit */}
    <licence-basket />
  </>
);

export const wrappers = (
  <>
    <LicenceCard typeId="voice" adapter={adapter} onLicenceChange={(e) => e.detail.draft} />
    <LicenceCart
      onLicenceCommit={(e) => e.detail.snapshot.version}
      onLicenceBeforeCommit={(e) => e.preventDefault()}
    />
    <LicenceManager hide={['installation']} onLicenceShowUsage={(e) => e.detail.typeId} />
    <UsageOverview pageSize={50} onLicenceUsageExport={(e) => e.detail.blob.size} />
    <LicenceCard
      typeId="speech-to-text"
      thresholds="50,80,100"
      onLicenceUsageThreshold={(e) => e.detail.usage.percent}
    />
    {/* @ts-expect-error typeId is a string */}
    <LicenceCard typeId={3} />
    {/* @ts-expect-error a card has no onLicenceCommit */}
    <LicenceCard onLicenceCommit={() => undefined} />
    {/* @ts-expect-error the detail is typed */}
    <LicenceCart onLicenceCommit={(e) => e.detail.nothing} />
    {/* @ts-expect-error hide takes section names */}
    <LicenceManager hide={['everything']} />
  </>
);
