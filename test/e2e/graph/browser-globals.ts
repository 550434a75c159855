/**
 * The little of the browser that the page checks use, typed here because the project compiles
 * without the DOM library (it is Node code). Code run with `page.evaluate` reads them as
 * `globalThis as unknown as BrowserGlobals`: only the cast is erased, and the browser has the rest.
 */
export interface BrowserGlobals {
  readonly document: PageDocument;
  readonly mermaid: {
    initialize(config: { startOnLoad: boolean }): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
  };
}

export interface PageDocument extends PageElement {
  readonly documentElement: PageElement;
  readonly body: PageElement;
  createElement(tag: string): PageElement;
  getElementsByTagName(tag: string): { readonly length: number };
}

export interface PageElement {
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly textContent: string | null;
  innerHTML: string;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  append(child: PageElement): void;
  /** SVG graphics elements only. */
  getBBox(): { x: number; y: number; width: number; height: number };
}
