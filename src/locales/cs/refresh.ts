import type { RefreshMessages } from '../../base/refresh-notice.messages.js';

/** Czech, section `refresh`. */
export const messages: RefreshMessages = {
  failed: (time: string) => `Data se nepodařilo obnovit — zobrazujeme stav z ${time}.`,
  retrying: 'Obnovuji…',
};
