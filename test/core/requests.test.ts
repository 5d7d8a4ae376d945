import { expect } from '@open-wc/testing';
import {
  canEdit,
  canRequest,
  listedRequests,
  MAX_DECIDED_REQUESTS,
  applyDraft,
  requestCarried,
  requestDraft,
  requestRefusal,
  requestUnderneath,
  validate,
  valuesBefore,
  type ChangeRequest,
  type ChangeSet,
} from '../../src/core/index.js';
import { smallSnapshot } from '../helpers/fixtures.js';

const view = smallSnapshot({ permission: 'view' });

function sent(changes: ChangeSet, snapshot = view): ChangeRequest {
  return {
    id: 'r1',
    requestedBy: 'Eva',
    requestedAt: '2026-11-20T10:00:00.000Z',
    changes,
    before: valuesBefore(snapshot, changes),
    note: '',
    status: 'pending',
  };
}

describe('R1 change requests', () => {
  it('view may draft a request, never commit one', () => {
    expect(canRequest('view')).to.equal(true);
    expect(canRequest('update')).to.equal(false);
    expect(canRequest('none')).to.equal(false);
    expect(canEdit('view')).to.equal(false);
    const issues = validate(view, { counts: { voice: 11 } });
    expect(issues.map((i) => i.code)).to.deep.equal(['permission-denied']);
    expect(requestRefusal('view', issues, 'Two new agents start Monday')).to.equal(undefined);
  });

  it('refuses a request from update or none, an empty one, one that breaks a rule, and a long note', () => {
    const ok = validate(view, { counts: { voice: 11 } });
    expect(requestRefusal('update', [], '')).to.equal('permission');
    expect(requestRefusal('none', ok, '')).to.equal('permission');
    expect(requestRefusal('view', validate(view, { counts: { voice: 10 } }), '')).to.equal('empty');
    // R3: below what is in use (3 Voice users).
    expect(requestRefusal('view', validate(view, { counts: { voice: 1 } }), '')).to.equal('invalid');
    expect(requestRefusal('view', ok, 'x'.repeat(1001))).to.equal('note-too-long');
    expect(requestRefusal('view', ok, 'x'.repeat(1000))).to.equal(undefined);
  });

  it('keeps the values a request was sent with, for what it touches only', () => {
    expect(
      valuesBefore(view, {
        counts: { voice: 14 },
        retention: { months: 12 },
        speechToText: { limitOverBase: 3000 },
        powerPack: { limits: { 'ai-topics': 2 } },
      }),
    ).to.deep.equal({
      counts: { voice: 10 },
      retention: { months: 9 },
      speechToText: { limitOverBase: 2000 },
      powerPack: { limits: { 'ai-topics': null } },
    });
    expect(
      valuesBefore(view, { speechToText: { enabled: false }, powerPack: { enabled: false } }),
    ).to.deep.equal({
      speechToText: { enabled: true },
      powerPack: { enabled: true },
    });
    expect(
      valuesBefore(smallSnapshot({ speechToText: undefined }), { speechToText: { enabled: true } }),
    ).to.deep.equal({});
  });

  it('lists what changed underneath a request since it was sent, as a conflicting cart does', () => {
    const request = sent({ counts: { voice: 14 }, powerPack: { limits: { 'smart-routing': 12 } } });
    expect(requestUnderneath(view, request)).to.deep.equal([]);
    const moved = smallSnapshot({
      permission: 'update',
      lines: view.lines.map((l) => (l.typeId === 'voice' ? { ...l, count: 12 } : l)),
    });
    expect(requestUnderneath(moved, request)).to.deep.equal([
      { kind: 'count', typeId: 'voice', from: 10, to: 12 },
    ]);
  });

  it('loads what still applies into the cart: an entry already made drops out', () => {
    const request = sent({ counts: { voice: 14, email: 3 } });
    const done = smallSnapshot({
      lines: view.lines.map((l) => (l.typeId === 'email' ? { ...l, count: 3 } : l)),
    });
    expect(requestDraft(done, request)).to.deep.equal({ counts: { voice: 14 } });
  });

  it('listedRequests: every pending request first, then the newest 200 decided ones', () => {
    const at = (n: number, status: ChangeRequest['status']): ChangeRequest => ({
      ...sent({ counts: { voice: 11 } }),
      id: `r${n}`,
      status,
    });
    // Newest first: 250 decided since the one pending request, the oldest.
    const all = [...Array.from({ length: 250 }, (_, i) => at(251 - i, 'declined')), at(1, 'pending')];
    const listed = listedRequests(all);
    expect(listed[0]!.id).to.equal('r1');
    expect(listed).to.have.length(1 + MAX_DECIDED_REQUESTS);
    expect(listed[1]!.id).to.equal('r251');
    expect(listed.at(-1)!.id).to.equal(`r${251 - MAX_DECIDED_REQUESTS + 1}`);
  });
});

describe('R1 requestCarried: a commit approves a request only when it holds what was asked', () => {
  it('is true when every value asked for is in place, false when the admin saved something else', () => {
    const before = smallSnapshot({ permission: 'update' });
    const asked = { changes: { counts: { voice: 14 }, retention: { months: 6 } } };
    expect(requestCarried(applyDraft(before, asked.changes), asked)).to.equal(true);
    expect(
      requestCarried(applyDraft(before, { counts: { voice: 12 }, retention: { months: 6 } }), asked),
    ).to.equal(false);
    expect(requestCarried(applyDraft(before, { counts: { voice: 14 } }), asked)).to.equal(false);
  });
});
