/**
 * A full set of API handlers for tests that bind the whole contract but exercise only a few
 * calls: every call not given throws "not used in this test". Built from the contract's names,
 * so adding a call never breaks these tests.
 */
import { API_CALL_NAMES, type ApiHandlers } from '../../shared/api/contract';

export function stubHandlers(given: Partial<ApiHandlers>): ApiHandlers {
  const all: Record<string, unknown> = {};
  for (const name of API_CALL_NAMES) {
    all[name] = () => {
      throw new Error(`${name} is not used in this test`);
    };
  }
  return { ...all, ...given } as ApiHandlers;
}
