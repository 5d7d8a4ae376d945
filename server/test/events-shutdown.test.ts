// Shutting down while the database is away, with a stream open: the event hub's UNLISTEN fails
// (the listening connection is gone), and closing the server must still succeed, so SIGTERM
// exits 0 instead of failing on an unhandled rejection in Fastify's onClose hook.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { backendKind, startServer } from './helpers/harness.js';
import { openEvents } from './helpers/sse.js';

describe(`licensing events on ${backendKind}: shutdown with the database away`, () => {
  it('closes the server although stopping to listen fails', async () => {
    let unlistenFailed = false;
    const server = await startServer({
      wrapDatabase: (db): Database => ({
        ...db,
        listen: async (channel, onNotice, onRelisten) => {
          const unlisten = await db.listen(channel, onNotice, onRelisten);
          return async () => {
            await unlisten();
            unlistenFailed = true;
            throw Object.assign(new Error('write CONNECTION_ENDED 127.0.0.1:5432'), {
              code: 'CONNECTION_ENDED',
            });
          };
        },
      }),
    });
    const account = await server.account();
    const stream = await openEvents(server.api, { token: account.tokens.view });
    assert.equal(stream.status, 200);
    await stream.next();
    await server.close();
    await stream.ended;
    assert.ok(unlistenFailed, 'the hub did try to stop listening');
  });
});
