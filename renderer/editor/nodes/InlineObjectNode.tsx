/**
 * What a Word paragraph holds inline that is not text (model: InlineObject) as a Lexical
 * DecoratorNode: inline, not editable, selectable by a click, deleted by Delete/Backspace, moved
 * by cut and paste or with its paragraph. A picture shows its image from the source package (a
 * data: URL from the services; nothing remote), a page break a 分页符 line, a note mark its number
 * in superscript, another drawing a labelled box, an equation a chip with its linear text
 * (公式 “x=a+b”: the words around it are CSS, so the chip's DOM text is the equation's text, as
 * the node's text content is, and find and 校对 ranges land in it). The node keeps the object
 * and its run's formatting as they were read, so saving writes the object's original XML back.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $applyNodeReplacement,
  type DOMExportOutput,
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  DecoratorNode,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  mergeRegister,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { useEffect, useState, type JSX } from 'react';
import { INLINE_OBJECT_KINDS, objectText, type InlineObject, type Run } from '../../../shared/model/document';
import { useStore } from '../../app/store';
import { fileStore } from '../../files/fileState';

/** The formatting of the run that held the object (its rPr is written back with it). */
export type ObjectRunFormat = Omit<Run, 'text' | 'object'>;

export type SerializedInlineObjectNode = Spread<{ object: InlineObject; format: ObjectRunFormat }, SerializedLexicalNode>;

const KIND_NAMES: Record<InlineObject['kind'], string> = {
  picture: '图片',
  drawing: '图形',
  pageBreak: '分页符',
  columnBreak: '分栏符',
  footnote: '脚注',
  endnote: '尾注',
  equation: '公式',
};

/** Reads a picture of a package as a data: URL; set by the app (the API), absent in tests without one. */
let loadPicture: ((pkg: string, rel: string) => Promise<string | null>) | null = null;

export function setPictureLoader(load: (pkg: string, rel: string) => Promise<string | null>): void {
  loadPicture = load;
  pictureCache = null;
}

/** Pictures of the open document's package, by relationship id (cleared when the package changes). */
let pictureCache: { pkg: string; urls: Map<string, Promise<string | null>> } | null = null;

function pictureUrl(pkg: string, rel: string): Promise<string | null> {
  if (pictureCache?.pkg !== pkg) pictureCache = { pkg, urls: new Map() };
  let url = pictureCache.urls.get(rel);
  if (!url) {
    url = loadPicture ? loadPicture(pkg, rel).catch(() => null) : Promise.resolve(null);
    pictureCache.urls.set(rel, url);
  }
  return url;
}

/** The picture's data: URL; undefined while loading, null when it cannot be shown. */
function usePictureUrl(rel: string | undefined): string | null | undefined {
  const pkg = useStore(fileStore).source?.package;
  const [url, setUrl] = useState<{ key: string; url: string | null } | null>(null);
  const key = `${pkg ?? ''}/${rel ?? ''}`;
  useEffect(() => {
    if (!pkg || !rel) return;
    let live = true;
    void pictureUrl(pkg, rel).then((u) => {
      if (live) setUrl({ key, url: u });
    });
    return () => {
      live = false;
    };
  }, [pkg, rel, key]);
  if (!pkg || !rel) return null;
  return url?.key === key ? url.url : undefined;
}

/** Size in CSS points, scaled down to the text width by CSS (max-width). */
function sizeStyle(o: InlineObject): { width?: string; height?: string; aspectRatio?: string } {
  if (!o.width || !o.height) return {};
  return { width: `${o.width}pt`, aspectRatio: `${o.width} / ${o.height}` };
}

function ObjectView({ object, nodeKey }: { object: InlineObject; nodeKey: NodeKey }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const url = usePictureUrl(object.kind === 'picture' ? object.rel : undefined);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event: MouseEvent) => {
            const dom = editor.getElementByKey(nodeKey);
            if (!dom || !(event.target instanceof Node) || !dom.contains(event.target)) return false;
            if (!event.shiftKey) clearSelection();
            setSelected(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        ...[KEY_DELETE_COMMAND, KEY_BACKSPACE_COMMAND].map((command) =>
          editor.registerCommand(
            command,
            (event: KeyboardEvent) => {
              if (!selected) return false;
              event.preventDefault();
              editor.update(() => {
                const node = $getNodeByKey(nodeKey);
                if (!node) return;
                const after = node.getNextSibling();
                const before = node.getPreviousSibling();
                const parent = node.getParent();
                node.remove();
                if (after) after.selectStart();
                else if (before) before.selectEnd();
                else parent?.selectStart();
              });
              return true;
            },
            COMMAND_PRIORITY_LOW,
          ),
        ),
      ),
    [editor, nodeKey, selected, setSelected, clearSelection],
  );

  const cls = `wg-object-view${selected ? ' wg-object-selected' : ''}`;
  switch (object.kind) {
    case 'picture':
      if (url) return <img className={cls} src={url} alt="图片" draggable={false} style={sizeStyle(object)} data-object="picture" />;
      return (
        <span className={`${cls} wg-object-box`} style={sizeStyle(object)} data-object="picture" title="保存时原样保留">
          {url === undefined ? '图片' : '图片（此格式无法在文稿中显示）'}
        </span>
      );
    case 'drawing':
      return (
        <span className={`${cls} wg-object-box`} style={sizeStyle(object)} data-object="drawing" title="保存时原样保留">
          {object.label ?? '图形'}
        </span>
      );
    case 'pageBreak':
    case 'columnBreak':
      return (
        <span className={`${cls} wg-break`} data-object={object.kind}>
          {KIND_NAMES[object.kind]}
        </span>
      );
    case 'equation':
      return (
        <span className={`${cls} wg-equation`} data-object="equation" title={`公式（只读，保存时原样保留）：${object.label ?? ''}`}>
          {object.label ?? ''}
        </span>
      );
    case 'footnote':
    case 'endnote':
      return (
        <sup className={`${cls} wg-note-mark`} data-object={object.kind} title={KIND_NAMES[object.kind]}>
          {object.label ?? '*'}
        </sup>
      );
  }
}

function validObject(v: unknown): InlineObject | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as InlineObject;
  return (INLINE_OBJECT_KINDS as readonly unknown[]).includes(o.kind) ? o : null;
}

export class InlineObjectNode extends DecoratorNode<JSX.Element> {
  __object: InlineObject;
  __runFormat: ObjectRunFormat;

  static override getType(): string {
    return 'wg-object';
  }

  static override clone(node: InlineObjectNode): InlineObjectNode {
    return new InlineObjectNode(node.__object, node.__runFormat, node.__key);
  }

  static override importJSON(json: SerializedInlineObjectNode): InlineObjectNode {
    return $createInlineObjectNode(validObject(json.object) ?? { kind: 'drawing', label: '图形' }, json.format && typeof json.format === 'object' ? json.format : {});
  }

  constructor(object: InlineObject, format: ObjectRunFormat, key?: NodeKey) {
    super(key);
    this.__object = object;
    this.__runFormat = format;
  }

  override exportJSON(): SerializedInlineObjectNode {
    return { ...super.exportJSON(), object: this.__object, format: this.__runFormat };
  }

  getObject(): InlineObject {
    return this.getLatest().__object;
  }

  getRunFormat(): ObjectRunFormat {
    return this.getLatest().__runFormat;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    const kind = this.__object.kind;
    span.className = `wg-object wg-object-${kind}`;
    if (kind === 'pageBreak' || kind === 'columnBreak') span.classList.add('wg-object-line');
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  /** What the object reads as in the text (an equation's linear text; '' for the others): counts, outline, copy as text. */
  override getTextContent(): string {
    return objectText(this.__object);
  }

  /** Copied as HTML, an equation is its text (a picture or break stays out, as before). */
  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.textContent = objectText(this.__object);
    return { element: span };
  }

  override decorate(): JSX.Element {
    return <ObjectView object={this.__object} nodeKey={this.__key} />;
  }
}

export function $createInlineObjectNode(object: InlineObject, format: ObjectRunFormat): InlineObjectNode {
  return $applyNodeReplacement(new InlineObjectNode(object, format));
}

export function $isInlineObjectNode(node: LexicalNode | null | undefined): node is InlineObjectNode {
  return node instanceof InlineObjectNode;
}
