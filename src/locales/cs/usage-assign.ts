import type { AssignMessages } from '../../elements/usage-overview/assign.messages.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
/** Komu: „1 agentovi“, „3 agentům“. */
const toAgents = (count: number) => plural(count, 'cs', { one: '1 agentovi', other: `${n(count)} agentům` });
const agents = (count: number) =>
  plural(count, 'cs', {
    one: `${n(count)} agent`,
    few: `${n(count)} agenti`,
    many: `${n(count)} agenta`,
    other: `${n(count)} agentů`,
  });
/** „1 z těchto agentů má“, „2 … mají“, „5 … má“. */
const ofThese = (count: number, one: string, few: string) =>
  `${n(count)} z těchto agentů ${plural(count, 'cs', { one, few, other: one })}`;

/** Czech, section `usage-assign`. */
export const messages: AssignMessages = {
  select: (name) => `Vybrat: ${name}`,
  toolbarLabel: 'Vybraní agenti',
  selected: (count) => `Vybráno: ${n(count)}`,
  selectedLoaded: (count, total) =>
    `Vybráno: ${n(count)} z ${n(total)}. Ve výběru zůstali jen dosud načtení agenti.`,
  selectAll: (count) =>
    plural(count, 'cs', {
      one: 'Vybrat 1 odpovídajícího agenta',
      few: `Vybrat všechny ${n(count)} odpovídající agenty`,
      other: `Vybrat všech ${n(count)} odpovídajících agentů`,
    }),
  clear: 'Zrušit výběr',
  typeLabel: 'Licence',
  remove: (type, count) => `Odebrat licenci ${type} ${toAgents(count)}`,
  assign: (type, count) => `Přidělit licenci ${type} ${toAgents(count)}`,
  available: (type, count) =>
    plural(count, 'cs', {
      one: `${n(count)} volná licence ${type}`,
      few: `${n(count)} volné licence ${type}`,
      other: `${n(count)} volných licencí ${type}`,
    }),
  availablePending: (type, now, after, to, reduce) =>
    `Volné licence ${type}: teď ${n(now)}, po uložení ${reduce ? 'snížení' : 'navýšení'} na ${n(to)} jich bude ${n(after)}`,
  notEnough: (type, count, free) =>
    `Vybrali jste ${plural(count, 'cs', {
      one: `${n(count)} agenta`,
      few: `${n(count)} agenty`,
      many: `${n(count)} agenta`,
      other: `${n(count)} agentů`,
    })} bez licence ${type}, ${plural(free, 'cs', {
      one: `volná je jen ${n(free)} licence`,
      few: `volné jsou jen ${n(free)} licence`,
      many: `volné je jen ${n(free)} licence`,
      other: free ? `volných je jen ${n(free)} licencí` : 'volná není žádná licence',
    })}. Vyberte méně agentů, nebo nejdřív přidejte licence v košíku.`,
  removeTitle: (type, count) => `Odebrat licenci ${type} ${toAgents(count)}?`,
  assignTitle: (type, count) => `Přidělit licenci ${type} ${toAgents(count)}?`,
  removeWho: (type, count) =>
    `${plural(count, 'cs', {
      one: `${n(count)} agent už nebude mít`,
      few: `${n(count)} agenti už nebudou mít`,
      other: `${agents(count)} už nebude mít`,
    })} licenci ${type}.`,
  assignWho: (type, count) =>
    `${plural(count, 'cs', {
      one: `${n(count)} agent dostane`,
      few: `${n(count)} agenti dostanou`,
      other: `${agents(count)} dostane`,
    })} licenci ${type}.`,
  inUseLine: (type, inUse, after, total) =>
    `Používaných licencí ${type} bude ${n(after)} z ${n(total)} (nyní ${n(inUse)}).`,
  sameBill: 'Počet licencí, které platíte, se nemění.',
  undoesReduction: (type, to, count) =>
    `Tím přestane platit vaše čekající snížení na ${n(to)}: abyste ho mohli uložit, museli byste uvolnit ${plural(
      count,
      'cs',
      { one: `${n(count)} licenci`, few: `${n(count)} licence`, other: `${n(count)} licencí` },
    )} ${type}.`,
  confirmRemove: 'Odebrat',
  confirmAssign: 'Přidělit',
  cancel: 'Zrušit',
  working: 'Ukládám…',
  needsRemove: (dependent, type, count) =>
    `Licence ${dependent} vyžaduje licenci ${type}: ${ofThese(count, 'má', 'mají')} licenci ${dependent}. Odebrat i licenci ${dependent}?`,
  needsAssign: (type, required, count) =>
    `Licence ${type} vyžaduje licenci ${required}: ${ofThese(count, 'nemá', 'nemají')} licenci ${required}. Přidělit i licenci ${required}?`,
  removeBoth: (type, dependent) => `Odebrat ${type} i ${dependent}`,
  assignBoth: (type, required) => `Přidělit ${required} i ${type}`,
  failed: 'Nic se nezměnilo.',
  removed: (type, count) => `Licence ${type} odebrána ${toAgents(count)}`,
  assigned: (type, count) => `Licence ${type} přidělena ${toAgents(count)}`,
  removedBoth: (type, count, linked, linkedCount) =>
    linkedCount === count
      ? `Licence ${type} a ${linked} odebrány ${toAgents(count)}`
      : `Licence ${type} odebrána ${toAgents(count)}, ${n(linkedCount)} z nich i licence ${linked}`,
  assignedBoth: (type, count, linked, linkedCount) =>
    linkedCount === count
      ? `Licence ${linked} a ${type} přiděleny ${toAgents(count)}`
      : `Licence ${type} přidělena ${toAgents(count)}, ${n(linkedCount)} z nich i licence ${linked}`,
  undo: 'Vrátit zpět',
  undoneRemove: (type, count, linked, linkedCount) =>
    `Vráceno zpět: ${plural(count, 'cs', {
      one: `${n(count)} agent má`,
      few: `${n(count)} agenti mají`,
      other: `${agents(count)} má`,
    })} znovu licenci ${type}${linked ? `, ${n(linkedCount)} z nich i licenci ${linked}` : ''}`,
  undoneAssign: (type, count, linked, linkedCount) =>
    `Vráceno zpět: ${plural(count, 'cs', {
      one: `${n(count)} agent už nemá`,
      few: `${n(count)} agenti už nemají`,
      other: `${agents(count)} už nemá`,
    })} licenci ${type}${linked ? `, ${n(linkedCount)} z nich ani licenci ${linked}` : ''}`,
  mustFree: (type, count, to) =>
    `Uvolněte ${plural(count, 'cs', {
      one: `${n(count)} licenci`,
      few: `${n(count)} licence`,
      other: `${n(count)} licencí`,
    })} ${type}, abyste mohli snížit na ${n(to)}`,
  freed: (type, to) => `Licencí ${type} je uvolněno dost: snížení na ${n(to)} teď můžete uložit.`,
  backToCart: 'Zpět do košíku',
};
