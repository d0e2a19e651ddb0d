/**
 * afterPaint (renderer/editor/status.ts): what the status bar, the toolbar, the outline and the
 * lazy panes show comes once the frame is painted — once however often it was asked for, never
 * after a cancel, and, in a page that gets no frames (a window not shown yet), after `noFrameMs`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../renderer/editor/status';

/**
 * A MessageChannel whose message is a timer task: it comes in order with the test's own
 * `nextTask()` (Node's timers of one delay run in the order set), so the test knows it came.
 */
class TaskChannel {
  readonly port1: { onmessage: (() => void) | null; close(): void } = { onmessage: null, close: () => {} };
  readonly port2 = { postMessage: () => void setTimeout(() => this.port1.onmessage?.(), 0) };
}

let frames: Array<() => void> = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal('MessageChannel', TaskChannel);
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {};
  });
});
afterEach(() => vi.unstubAllGlobals());

const runFrames = () => frames.splice(0).forEach((f) => f());
/** Resolves after the tasks queued so far (a TaskChannel message is one). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('afterPaint', () => {
  it('runs once after the frame and the task after it, however often it was scheduled', async () => {
    const fn = vi.fn();
    const publish = afterPaint(fn);
    publish.schedule();
    publish.schedule();
    expect(frames).toHaveLength(1);
    await nextTask();
    expect(fn).not.toHaveBeenCalled(); // no frame yet
    runFrames();
    expect(fn).not.toHaveBeenCalled(); // the frame is being painted
    await nextTask();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled, even after its frame', async () => {
    const fn = vi.fn();
    const publish = afterPaint(fn);
    publish.schedule();
    runFrames();
    publish.cancel();
    await nextTask();
    expect(fn).not.toHaveBeenCalled();
  });

  it('runs without a frame after noFrameMs, and only once when the frame comes too', async () => {
    const ran = new Promise<void>((resolve) => afterPaint(resolve, { noFrameMs: 5 }).schedule());
    await ran; // no frame was run
    const fn = vi.fn();
    const publish = afterPaint(fn, { noFrameMs: 5 });
    publish.schedule();
    runFrames();
    await nextTask();
    expect(fn).toHaveBeenCalledTimes(1);
    await wait(20); // past its timer
    await nextTask();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
