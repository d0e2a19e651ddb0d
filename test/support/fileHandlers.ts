/** Stand-ins for the document-file calls, for tests that bind the whole contract but exercise other calls. */
import type { ApiHandlers } from '../../shared/api/contract';

type FileCall = 'openDocument' | 'saveDocument' | 'statDocument' | 'writeBackup' | 'listBackups' | 'readBackup' | 'discardBackup' | 'chooseOpenPath' | 'chooseSavePath';

export function unusedFileHandlers(): Pick<ApiHandlers, FileCall> {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    openDocument: unused,
    saveDocument: unused,
    statDocument: () => null,
    writeBackup: () => null,
    listBackups: () => [],
    readBackup: unused,
    discardBackup: () => null,
    chooseOpenPath: () => null,
    chooseSavePath: () => null,
  };
}
