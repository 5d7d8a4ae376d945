import { expect } from '@open-wc/testing';
import { agentMatchesSearch, agentSearchText, foldForSearch, searchKey } from '../../src/core/index.js';

describe('core/search (usage search folds case and accents)', () => {
  it('folds to lower case without accents', () => {
    expect(foldForSearch('Nováková')).to.equal('novakova');
    expect(foldForSearch('ŘEHOŘ Dvořák')).to.equal('rehor dvorak');
    expect(foldForSearch('Ångström')).to.equal('angstrom');
  });

  it('folds precomposed and decomposed accents alike', () => {
    expect(foldForSearch('Šárka')).to.equal(foldForSearch('S\u030Ca\u0301rka'));
  });

  it('keeps letters that have no accent to drop', () => {
    expect(foldForSearch('Łukasz Øster')).to.equal('łukasz øster');
  });

  it('finds an agent by a folded part of the name or the email', () => {
    const anna = { name: 'Anna Nováková', email: 'anna.novakova@example.com' };
    expect(agentMatchesSearch(anna, 'novakova')).to.equal(true);
    expect(agentMatchesSearch(anna, '  NOVÁ  ')).to.equal(true);
    expect(agentMatchesSearch(anna, '@example')).to.equal(true);
    expect(agentMatchesSearch(anna, 'petr')).to.equal(false);
  });

  it('never matches across the end of the name and the start of the email', () => {
    const anna = { name: 'Anna Nováková', email: 'anna.novakova@example.com' };
    expect(agentMatchesSearch(anna, 'novakova anna')).to.equal(false);
    expect(agentSearchText(anna)).to.equal('anna novakova\nanna.novakova@example.com');
  });

  it('matches every agent for an empty query, with or without an email', () => {
    expect(searchKey('   ')).to.equal('');
    expect(agentMatchesSearch({ name: 'Petr' }, '')).to.equal(true);
    expect(agentMatchesSearch({ name: 'Petr' }, 'petr')).to.equal(true);
  });
});
