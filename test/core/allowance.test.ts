import { expect } from '@open-wc/testing';
import { serviceAllowance } from '../../src/core/index.js';
import { account } from './fixtures.js';

describe('core/allowance: may a service run now (R7, R8)', () => {
  it('Speech-to-Text runs below its limit, stops at it until the next month, and is refused when off', () => {
    const s = account();
    expect(serviceAllowance(s, 'speech-to-text')).to.deep.equal({ service: 'speech-to-text', allowed: true });
    const used = account({ speechToText: { ...s.speechToText!, usedMinutes: 7000 } });
    expect(serviceAllowance(used, 'speech-to-text')).to.deep.equal({
      service: 'speech-to-text',
      allowed: false,
      reason: 'limit-reached',
      resumesOn: '2025-04-01',
    });
    const off = account({ speechToText: { ...s.speechToText!, enabled: false } });
    expect(serviceAllowance(off, 'speech-to-text')).to.deep.equal({
      service: 'speech-to-text',
      allowed: false,
      reason: 'disabled',
    });
    expect(serviceAllowance(account({ speechToText: undefined }), 'speech-to-text')).to.equal(undefined);
  });

  it('a Power Pack service runs with room or no limit, stops at its limit, and nothing runs while the pack is off', () => {
    const s = account();
    const on = account({ powerPack: { ...s.powerPack!, enabled: true } });
    expect(serviceAllowance(on, 'smart-routing')?.allowed).to.equal(true);
    expect(serviceAllowance(on, 'ai-topics')?.allowed).to.equal(true);
    expect(serviceAllowance(on, 'ai-qa')).to.deep.equal({
      service: 'ai-qa',
      allowed: false,
      reason: 'limit-reached',
      resumesOn: '2025-04-01',
    });
    expect(serviceAllowance(s, 'smart-routing')).to.deep.equal({
      service: 'smart-routing',
      allowed: false,
      reason: 'disabled',
    });
    expect(serviceAllowance(on, 'no-such-service')).to.equal(undefined);
  });
});
