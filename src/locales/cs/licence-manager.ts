import type { LicenceManagerMessages } from '../../elements/licence-manager/licence-manager.messages.js';

export const messages: LicenceManagerMessages = {
  title: 'Licence',
  description:
    'Licence si přidáte nebo odeberete sami. Změny platí, jakmile je uložíte v košíku; obchodní oddělení kontaktovat nemusíte.',
  invoiceWarning: 'Všechny změny, které zde provedete, ovlivní vaši měsíční fakturu!',
  usageButton: 'Využití licencí',
  usageTitle: 'Využití licencí',
  close: 'Zavřít',
  seatTitle: 'Licence',
  usageTitleFeatures: 'Služby účtované podle využití',
  installationTitle: 'Licence instalace',
  requestMode:
    'Licence můžete prohlížet a žádat o změny: co zde změníte, se odešle jako žádost ke schválení správci. Nic se nekupuje.',
};
