import { expect } from '@open-wc/testing';
import {
  POWER_PACK_SERVICES,
  UNLIMITED,
  billedUnits,
  canEdit,
  canView,
  capDelta,
  capped,
  isPowerPackServiceStopped,
  isServiceStopped,
  isSpeechToTextStopped,
  nextMonthCharge,
  powerPackMaxSpend,
  powerPackServiceMaxSpend,
  speechToTextMaxSpend,
  speechToTextTotalMinutes,
  speechToTextUsedOverBase,
  thisMonthCharge,
  unitMultiplier,
} from '../../src/core/index.js';
import { account, eur } from './fixtures.js';

describe('core/permissions (R1)', () => {
  it('none sees nothing, view sees, update edits', () => {
    expect([canView('none'), canView('view'), canView('update')]).to.deep.equal([false, true, true]);
    expect([canEdit('none'), canEdit('view'), canEdit('update')]).to.deep.equal([false, false, true]);
  });
});

describe('core/pricing (R5)', () => {
  it('multiplies only the recording type, by the retention (R6)', () => {
    const s = account();
    expect(unitMultiplier(s, 'voice')).to.equal(1);
    expect(unitMultiplier(s, 'recording')).to.equal(3);
    expect(unitMultiplier(s, 'recording', { days: 14 })).to.equal(0);
    expect(unitMultiplier(account({ recording: undefined }), 'recording')).to.equal(1);
    expect(billedUnits(5, 3)).to.equal(15);
  });

  it('charges this month at the peak and next month at the new units', () => {
    expect(thisMonthCharge(eur(1000), 10, 8)).to.deep.equal(eur(10_000));
    expect(thisMonthCharge(eur(1000), 10, 12)).to.deep.equal(eur(12_000));
    expect(nextMonthCharge(eur(1000), 8)).to.deep.equal(eur(8000));
  });

  it('compares caps only when both are capped', () => {
    expect(capDelta(capped(eur(100)), capped(eur(40)))).to.deep.equal(eur(-60));
    expect(capDelta(UNLIMITED, capped(eur(40)))).to.equal(null);
    expect(capDelta(capped(eur(40)), UNLIMITED)).to.equal(null);
  });
});

describe('core/speech-to-text (R7)', () => {
  const stt = account().speechToText!;

  it('shows the total cap: to spend at most 7000 minutes the limit is 2000', () => {
    expect(speechToTextTotalMinutes({ baseMinutes: 5000, limitOverBase: 2000 })).to.equal(7000);
    expect(speechToTextTotalMinutes({ baseMinutes: 5000, limitOverBase: null })).to.equal(null);
  });

  it('counts minutes used over the base, never below zero', () => {
    expect(speechToTextUsedOverBase({ baseMinutes: 5000, usedMinutes: 6000 })).to.equal(1000);
    expect(speechToTextUsedOverBase({ baseMinutes: 5000, usedMinutes: 100 })).to.equal(0);
  });

  it('stops until next month once usage reaches base + limit', () => {
    expect(isSpeechToTextStopped({ ...stt, usedMinutes: 6999 })).to.equal(false);
    expect(isSpeechToTextStopped({ ...stt, usedMinutes: 7000 })).to.equal(true);
    expect(isSpeechToTextStopped({ ...stt, usedMinutes: 9000, limitOverBase: null })).to.equal(false);
    expect(isSpeechToTextStopped({ ...stt, usedMinutes: 9000, enabled: false })).to.equal(false);
  });

  it('costs at most limit × minute price; no cap without a limit; nothing when off', () => {
    expect(speechToTextMaxSpend(stt)).to.deep.equal(capped(eur(4000)));
    expect(speechToTextMaxSpend({ ...stt, limitOverBase: null })).to.deep.equal(UNLIMITED);
    expect(speechToTextMaxSpend({ ...stt, enabled: false })).to.deep.equal(capped(eur(0)));
  });
});

describe('core/power-pack (R8)', () => {
  const pp = { ...account().powerPack!, enabled: true };

  it('names the three services with prerequisites', () => {
    expect(Object.values(POWER_PACK_SERVICES)).to.deep.equal(['smart-routing', 'ai-topics', 'ai-qa']);
  });

  it('stops a service that used its limit (a limit of 0 stops it at once)', () => {
    expect(isServiceStopped({ limit: 5, used: 5 })).to.equal(true);
    expect(isServiceStopped({ limit: 5, used: 4 })).to.equal(false);
    expect(isServiceStopped({ limit: 0, used: 0 })).to.equal(true);
    expect(isServiceStopped({ limit: null, used: 1000 })).to.equal(false);
    // As a user sees it: a switched-off Power Pack has no stopped service.
    expect(isPowerPackServiceStopped({ enabled: true }, { limit: 5, used: 5 })).to.equal(true);
    expect(isPowerPackServiceStopped({ enabled: false }, { limit: 5, used: 5 })).to.equal(false);
    expect(isPowerPackServiceStopped({ enabled: true }, { limit: 5, used: 4 })).to.equal(false);
  });

  it('costs at most Σ limit × pack price; no cap if any service has none; nothing when off', () => {
    expect(powerPackServiceMaxSpend(pp, 10)).to.deep.equal(capped(eur(50_000)));
    expect(powerPackServiceMaxSpend(pp, null)).to.deep.equal(UNLIMITED);
    expect(powerPackServiceMaxSpend({ ...pp, enabled: false }, null)).to.deep.equal(capped(eur(0)));
    expect(powerPackMaxSpend(pp)).to.deep.equal(UNLIMITED);
    const capsOnly = { ...pp, services: pp.services.filter((s) => s.limit !== null) };
    expect(powerPackMaxSpend(capsOnly)).to.deep.equal(capped(eur(75_000)));
    expect(powerPackMaxSpend({ ...pp, enabled: false })).to.deep.equal(capped(eur(0)));
    expect(powerPackMaxSpend({ ...pp, services: [] })).to.deep.equal(capped(eur(0)));
  });
});
