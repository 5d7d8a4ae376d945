import type { EditingMessages } from '../../base/editing.messages.js';

export const messages: EditingMessages = {
  requestBadge: 'Žádost',
  requested: 'V žádosti: ',
  requestNote: 'Změny, které zde provedete, se odešlou jako žádost ke schválení správci. Nic se nekupuje.',
  refused: {
    saving: 'Nezměněno: košík se právě ukládá. Změňte to znovu, až ukládání skončí.',
    permission: 'Nezměněno: licence už nesmíte měnit.',
    invalid: 'Nezměněno: tato hodnota není dovolena.',
    'not-loaded': 'Nezměněno: licence ještě nejsou načteny.',
  },
};
