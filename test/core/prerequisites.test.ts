import { expect } from '@open-wc/testing';
import { nextPeriodStart, servicePrerequisite } from '../../src/core/index.js';
import { smallSnapshot } from '../helpers/fixtures.js';

describe('R8 servicePrerequisite', () => {
  it('Smart routing needs email queues', () => {
    const s = smallSnapshot();
    expect(servicePrerequisite(s, {}, 'smart-routing')).to.deep.equal({
      kind: 'email-queues',
      met: true,
      emailQueues: 1,
    });
    const none = smallSnapshot({
      prerequisites: { emailQueues: 0, callQueuesWithAiTopics: 0, aiQaForms: 0 },
    });
    expect(servicePrerequisite(none, {}, 'smart-routing')?.met).to.equal(false);
  });

  it('AI Topics on call queues needs Speech-to-Text on, after the draft', () => {
    const s = smallSnapshot();
    expect(servicePrerequisite(s, {}, 'ai-topics')).to.include({ met: true, speechToTextOn: true });
    expect(servicePrerequisite(s, { speechToText: { enabled: false } }, 'ai-topics')).to.include({
      met: false,
      speechToTextOn: false,
    });
    const noCallQueues = smallSnapshot({
      prerequisites: { emailQueues: 1, callQueuesWithAiTopics: 0, aiQaForms: 0 },
    });
    expect(
      servicePrerequisite(noCallQueues, { speechToText: { enabled: false } }, 'ai-topics')?.met,
    ).to.equal(true);
    const { speechToText: _omit, ...withoutStt } = smallSnapshot();
    void _omit;
    expect(servicePrerequisite(withoutStt, {}, 'ai-topics')?.met).to.equal(false);
  });

  it('AI QA needs a form allowed for AI QA', () => {
    expect(servicePrerequisite(smallSnapshot(), {}, 'ai-qa')).to.deep.equal({
      kind: 'ai-qa-form',
      met: false,
      aiQaForms: 0,
    });
  });

  it('knows no prerequisite for other services, or without the backend reporting them', () => {
    expect(servicePrerequisite(smallSnapshot(), {}, 'translator')).to.equal(undefined);
    const { prerequisites: _omit, ...bare } = smallSnapshot();
    void _omit;
    expect(servicePrerequisite(bare, {}, 'smart-routing')).to.equal(undefined);
  });
});

describe('R7/R8 nextPeriodStart', () => {
  it('is the day after the billing month ends, across months and years', () => {
    expect(nextPeriodStart({ start: '2026-11-01', end: '2026-11-30' })).to.equal('2026-12-01');
    expect(nextPeriodStart({ start: '2026-12-01', end: '2026-12-31' })).to.equal('2027-01-01');
    expect(nextPeriodStart({ start: '2028-02-01', end: '2028-02-29' })).to.equal('2028-03-01');
    expect(nextPeriodStart({ start: '2026-11-01T00:00:00Z', end: '2026-11-30T23:59:59Z' })).to.equal(
      '2026-12-01',
    );
  });
});
