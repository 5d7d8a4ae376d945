import { expect } from '@open-wc/testing';
import {
  AmountRangeError,
  CurrencyMismatchError,
  add,
  isSameMoney,
  money,
  multiply,
  multiplyWhole,
  sub,
  sum,
  zero,
} from '../../src/core/index.js';

describe('core/money (integer minor units)', () => {
  it('makes money from a safe integer and an ISO 4217 code', () => {
    expect(money(1250, 'EUR')).to.deep.equal({ amount: 1250, currency: 'EUR' });
    expect(zero('SEK')).to.deep.equal({ amount: 0, currency: 'SEK' });
    expect(money(-5, 'USD').amount).to.equal(-5);
  });

  it('turns -0 into 0, which deep equality would tell apart', () => {
    expect(Object.is(money(-0, 'EUR').amount, 0)).to.equal(true);
    expect(Object.is(multiply(money(0, 'EUR'), 3).amount, 0)).to.equal(true);
    expect(Object.is(sub(money(0, 'EUR'), money(0, 'EUR')).amount, 0)).to.equal(true);
  });

  it('refuses floats, NaN, infinities and unsafe integers', () => {
    for (const bad of [1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => money(bad, 'EUR'), String(bad)).to.throw(AmountRangeError);
    }
    expect(new AmountRangeError('x').name).to.equal('AmountRangeError');
    expect(new AmountRangeError('x')).to.be.instanceOf(RangeError);
  });

  it('refuses a currency that is not three upper-case letters', () => {
    for (const bad of ['eur', 'EURO', '', '€']) expect(() => money(1, bad), bad).to.throw(TypeError);
  });

  it('adds, subtracts, multiplies and sums', () => {
    const a = money(1000, 'EUR');
    const b = money(250, 'EUR');
    expect(add(a, b)).to.deep.equal(money(1250, 'EUR'));
    expect(sub(b, a)).to.deep.equal(money(-750, 'EUR'));
    expect(multiply(a, 3)).to.deep.equal(money(3000, 'EUR'));
    expect(sum('EUR', [a, b, b])).to.deep.equal(money(1500, 'EUR'));
    expect(sum('EUR', [])).to.deep.equal(zero('EUR'));
    expect(isSameMoney(a, money(1000, 'EUR'))).to.equal(true);
    expect(isSameMoney(a, b)).to.equal(false);
    expect(isSameMoney(a, money(1000, 'USD'))).to.equal(false);
  });

  it('throws on a currency mismatch instead of adding euros to dollars', () => {
    const error = (() => {
      try {
        add(money(1, 'EUR'), money(1, 'USD'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).to.be.instanceOf(CurrencyMismatchError);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as CurrencyMismatchError).left).to.equal('EUR');
    expect((error as CurrencyMismatchError).right).to.equal('USD');
    expect((error as Error).name).to.equal('CurrencyMismatchError');
    expect(() => sub(money(1, 'EUR'), money(1, 'USD'))).to.throw(CurrencyMismatchError);
    expect(() => sum('EUR', [money(1, 'USD')])).to.throw(CurrencyMismatchError);
  });

  it('throws when a result leaves the safe-integer range', () => {
    const big = money(Number.MAX_SAFE_INTEGER, 'EUR');
    expect(() => add(big, money(1, 'EUR'))).to.throw(AmountRangeError);
    expect(() => sub(money(-Number.MAX_SAFE_INTEGER, 'EUR'), money(1, 'EUR'))).to.throw(AmountRangeError);
    expect(() => multiply(big, 2)).to.throw(AmountRangeError);
    expect(() => multiply(money(10, 'EUR'), 1.5)).to.throw(AmountRangeError);
    expect(() => multiplyWhole(2 ** 27, 2 ** 27)).to.throw(AmountRangeError);
    expect(() => multiplyWhole(Number.NaN, 1)).to.throw(AmountRangeError);
    expect(multiplyWhole(2 ** 26, 2 ** 26)).to.equal(2 ** 52);
  });
});
