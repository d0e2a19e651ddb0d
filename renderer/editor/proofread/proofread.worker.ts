/**
 * The proofreader off the renderer's main thread: the editor posts the document after typing
 * stops, the worker answers with the findings. Its Proofreader keeps the per-paragraph cache, so
 * a re-check costs the paragraphs that changed.
 */
import type { WgDocument } from '../../../shared/model/document';
import { BUILTIN_TIFA, Proofreader, mergeTifa, proofreadDocument, type DocFinding, type TifaData } from '../../../shared/proofread';

export interface ProofreadRequest {
  id: number;
  doc: WgDocument;
  /** The user's 提法 file, laid over the built-in data (null: none). */
  userTifa: TifaData | null;
}
export interface ProofreadResponse {
  id: number;
  findings: DocFinding[];
  error?: string;
}

const proofreader = new Proofreader();
let userTifa: TifaData | null = null;
const scope = self as unknown as { onmessage: ((e: MessageEvent<ProofreadRequest>) => void) | null; postMessage: (m: ProofreadResponse) => void };
scope.onmessage = (e) => {
  const { id, doc } = e.data;
  try {
    if (e.data.userTifa !== userTifa) {
      userTifa = e.data.userTifa;
      proofreader.setTifa(mergeTifa(BUILTIN_TIFA, userTifa));
    }
    scope.postMessage({ id, findings: proofreadDocument(doc, proofreader) });
  } catch (err) {
    scope.postMessage({ id, findings: [], error: err instanceof Error ? err.message : String(err) });
  }
};
