/**
 * The daemon's stdout waits for the socket (server.ts `drainWaiter`): `emit` (output.ts) awaits
 * `events.once(stdout, 'drain')` when a write returns false. The wait ends on 'drain', and also when
 * the client went away ('close', or a socket already destroyed): a request must never hang the queue.
 */
import { EventEmitter, once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { drainWaiter } from '../../src/cli/daemon/server.js';

class FakeSocket extends EventEmitter {
  destroyed = false;
}

/** What `emit` does with the daemon's stdout (it sees an emitter-like object). */
const waitDrain = (socket: FakeSocket): Promise<unknown> => once(drainWaiter(socket as never) as unknown as EventEmitter, 'drain');

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return done;
};

describe('the daemon’s stdout waiting for the socket', () => {
  it('ends the wait on drain, and leaves no listener behind', async () => {
    const socket = new FakeSocket();
    const wait = waitDrain(socket);
    expect(await settled(wait)).toBe(false);
    socket.emit('drain');
    expect(await settled(wait)).toBe(true);
    expect(socket.listenerCount('drain') + socket.listenerCount('close')).toBe(0);
  });

  it('ends the wait when the client goes away, or is already gone', async () => {
    const socket = new FakeSocket();
    const wait = waitDrain(socket);
    socket.destroyed = true;
    socket.emit('close');
    expect(await settled(wait)).toBe(true);
    expect(socket.listenerCount('drain') + socket.listenerCount('close')).toBe(0);
    expect(await settled(waitDrain(socket))).toBe(true);
  });
});
