/** What `licence-manager` says (section `licence-manager`), in English. */
export const messages = {
  title: 'Licensing',
  description:
    'Add or remove licences yourself. Changes take effect as soon as you save them in the cart; there is no need to contact sales.',
  invoiceWarning: 'Any changes you make here will affect your monthly invoice!',
  usageButton: 'Licence usage',
  usageTitle: 'Licence usage',
  close: 'Close',
  seatTitle: 'Licences',
  usageTitleFeatures: 'Usage-based services',
  installationTitle: 'Installation licence',
  requestMode:
    'You can view licences and request changes: what you change here is sent as a request for an administrator to approve. Nothing is bought.',
};

export type LicenceManagerMessages = typeof messages;
