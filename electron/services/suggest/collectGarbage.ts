/**
 * A full garbage collection on request, for the index build: reading and cleaning thousands of
 * files leaves a hundred megabytes of dead strings that V8 would only collect under allocation
 * pressure, which the build's typed arrays (outside the heap) never create. Collected before the
 * suffix array takes its memory, they do not add to the build's peak.
 *
 * `--expose-gc` cannot be given to a worker thread, so it is set at run time and `gc` taken from a
 * new context (where the flag applies). Where that fails, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
