import type { CartRequestMessages } from '../../elements/licence-cart/cart-request.messages.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');

export const messages: CartRequestMessages = {
  title: 'Žádost o změnu',
  changes: (count) =>
    plural(count, 'cs', {
      one: `Žádost: ${n(count)} změna`,
      few: `Žádost: ${n(count)} změny`,
      other: `Žádost: ${n(count)} změn`,
    }),
  empty: 'Žádná změna k vyžádání. Žádost připravíte změnou licence výše.',
  problems: (count) =>
    plural(count, 'cs', {
      one: `Před odesláním opravte ${n(count)} problém`,
      few: `Před odesláním opravte ${n(count)} problémy`,
      other: `Před odesláním opravte ${n(count)} problémů`,
    }),
  review: 'Zkontrolovat žádost',
  reviewTitle: 'Kontrola žádosti',
  notAPurchase:
    'Toto je žádost: nic se nekoupí ani nezmění, dokud ji správce neschválí. Částky a data ukazují, kolik by změna stála a odkdy by platila, kdyby se uložila teď.',
  note: 'Poznámka pro správce (nepovinná)',
  noteHint: 'Proč změnu potřebujete a od kdy. Nejvýše 1\u00a0000 znaků.',
  send: 'Odeslat žádost',
  sending: 'Odesílání…',
  sent: 'Žádost byla odeslána. Správce ji posoudí; výsledek uvidíte v části Vaše žádosti.',
  failed: 'Žádost nebyla odeslána. Vaše změny zůstaly zachovány: zkuste to znovu.',
  handedOver: 'Žádost byla předána k odeslání.',
  nowhere:
    'Žádost nebylo kam odeslat: tato stránka žádosti odesílat neumí. Vaše změny zůstaly zachovány; požádejte o ně správce.',
  requestDecided:
    'Tuto žádost mezitím schválil nebo zamítl někdo jiný. Když uložíte znovu, uložíte tyto změny jako své vlastní, ne jako žádost.',
  requestGone:
    'Tato žádost už neexistuje (byla odstraněna, nebo byla data vrácena do výchozího stavu). Když uložíte znovu, uložíte tyto změny jako své vlastní, ne jako žádost.',
  requestApproved: (who) =>
    `Uloženo. Žádost od uživatele ${who} je schválená: uložené změny zahrnují vše, o co žádala.`,
  requestPending: (who) =>
    `Uloženo. Žádost od uživatele ${who} dál čeká na schválení: uložené změny nezahrnují vše, o co žádala.`,
  requestNotApproved: (who) =>
    `Uloženo. Žádost od uživatele ${who} dál čeká na schválení: tímto uložením schválena nebyla.`,
  requestUnknown: (who) => `Uloženo. Nepodařilo se ověřit, zda je žádost od uživatele ${who} schválená.`,
};
