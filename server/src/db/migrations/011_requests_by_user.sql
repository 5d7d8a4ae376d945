-- Change requests an admin can trust (issue #20).
-- 1. Users get a stable id of their own. A `view` user's own requests were matched by display
--    name, so two users called the same saw each other's requests as their own; they are now
--    matched by this id (`requester_id`). Old requests take the id of the one user of the account
--    with that name; where the name was shared, no one's (`update` users still see them all).
ALTER TABLE users ADD COLUMN id text NOT NULL DEFAULT gen_random_uuid()::text;
CREATE UNIQUE INDEX users_by_id ON users (account_id, id);

ALTER TABLE change_requests ADD COLUMN requester_id text;
UPDATE change_requests c SET requester_id = u.id
  FROM users u
  WHERE u.account_id = c.account_id AND u.name = c.requested_by
    AND (SELECT count(*) FROM users v WHERE v.account_id = c.account_id AND v.name = c.requested_by) = 1;
CREATE INDEX change_requests_by_requester ON change_requests (account_id, requester_id, seq);

-- 2. A request approved by a commit is marked in the commit's own transaction, with the version
--    the commit made (the history entry that carried it out).
ALTER TABLE change_requests ADD COLUMN approved_version text;

-- 3. Every pending request is listed (before the most recent decided ones): an index for them.
CREATE INDEX change_requests_pending ON change_requests (account_id, seq) WHERE status = 'pending';
