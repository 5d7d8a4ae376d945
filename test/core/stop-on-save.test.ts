import { expect } from '@open-wc/testing';
import { powerPackServiceOnSave, speechToTextOnSave, stopOnSave } from '../../src/core/index.js';
import { account } from './fixtures.js';

// R7, R8: what the page says a save does to a usage-based service's stop, before the save.
describe('R7/R8 stopOnSave', () => {
  it('stays stopped, stops on save, resumes on save, or says nothing', () => {
    expect(stopOnSave(true, true, true)).to.equal('stopped');
    expect(stopOnSave(false, true, true)).to.equal('stops');
    expect(stopOnSave(true, false, true)).to.equal('resumes');
    expect(stopOnSave(false, false, true)).to.equal(undefined);
    // Switched off by the draft: it does not resume, it is off.
    expect(stopOnSave(true, false, false)).to.equal(undefined);
  });
});

describe('R7 speechToTextOnSave', () => {
  const stt = { ...account().speechToText!, enabled: true, baseMinutes: 5000, limitOverBase: 2000 };

  it('a limit below what is used stops Speech-to-Text as soon as the draft is saved (5,830 of 5,500)', () => {
    const saved = { ...stt, usedMinutes: 5830 };
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: 500 })).to.equal('stops');
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: 830 })).to.equal('stops');
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: 831 })).to.equal(undefined);
    expect(speechToTextOnSave(saved, saved)).to.equal(undefined);
  });

  it('a stopped Speech-to-Text given room, or no limit, resumes when the draft is saved', () => {
    const saved = { ...stt, usedMinutes: 7000 };
    expect(speechToTextOnSave(saved, saved)).to.equal('stopped');
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: 1500 })).to.equal('stopped');
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: 3000 })).to.equal('resumes');
    expect(speechToTextOnSave(saved, { ...saved, limitOverBase: null })).to.equal('resumes');
    expect(speechToTextOnSave(saved, { ...saved, enabled: false })).to.equal(undefined);
  });

  it('switching on a Speech-to-Text that has used its limit stops it on save', () => {
    const saved = { ...stt, enabled: false, usedMinutes: 7000 };
    expect(speechToTextOnSave(saved, { ...saved, enabled: true })).to.equal('stops');
  });
});

describe('R8 powerPackServiceOnSave', () => {
  const on = { enabled: true };
  const off = { enabled: false };

  it('a service at its limit whose limit is raised resumes on save; one lowered to its use stops', () => {
    const atLimit = { limit: 5, used: 5 };
    expect(powerPackServiceOnSave(on, atLimit, on, atLimit)).to.equal('stopped');
    expect(powerPackServiceOnSave(on, atLimit, on, { ...atLimit, limit: 6 })).to.equal('resumes');
    expect(powerPackServiceOnSave(on, atLimit, on, { ...atLimit, limit: null })).to.equal('resumes');
    const running = { limit: 10, used: 4 };
    expect(powerPackServiceOnSave(on, running, on, { ...running, limit: 3 })).to.equal('stops');
    expect(powerPackServiceOnSave(on, running, on, { ...running, limit: 4 })).to.equal('stops');
    expect(powerPackServiceOnSave(on, running, on, { ...running, limit: 5 })).to.equal(undefined);
  });

  it('follows the Power Pack switch: off after the save is neither stopped nor resuming', () => {
    const atLimit = { limit: 5, used: 5 };
    expect(powerPackServiceOnSave(on, atLimit, off, atLimit)).to.equal(undefined);
    expect(powerPackServiceOnSave(off, atLimit, off, atLimit)).to.equal(undefined);
    expect(powerPackServiceOnSave(off, atLimit, on, atLimit)).to.equal('stops');
  });
});
