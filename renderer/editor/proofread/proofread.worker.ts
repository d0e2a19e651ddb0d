/**
 * The proofreader off the renderer's main thread: the editor posts the document after typing
 * stops, the worker answers with the findings. Its Proofreader keeps the per-paragraph cache, so
 * a re-check costs the paragraphs that changed.
 */
import type { WgDocument } from '../../../shared/model/document';
import { Proofreader, proofreadDocument, type DocFinding } from '../../../shared/proofread';

export interface ProofreadRequest {
  id: number;
  doc: WgDocument;
}
export interface ProofreadResponse {
  id: number;
  findings: DocFinding[];
  error?: string;
}

const proofreader = new Proofreader();
const scope = self as unknown as { onmessage: ((e: MessageEvent<ProofreadRequest>) => void) | null; postMessage: (m: ProofreadResponse) => void };
scope.onmessage = (e) => {
  const { id, doc } = e.data;
  try {
    scope.postMessage({ id, findings: proofreadDocument(doc, proofreader) });
  } catch (err) {
    scope.postMessage({ id, findings: [], error: err instanceof Error ? err.message : String(err) });
  }
};
