// string-pixel-width ships no types.
declare module 'string-pixel-width' {
  interface Settings {
    /** One of the fonts it has tables for, lower case: 'arial', 'verdana', 'helvetica', … */
    readonly font?: string;
    /** Font size in pixels (default 100). */
    readonly size?: number;
    readonly bold?: boolean;
    readonly italic?: boolean;
  }
  /** The width in pixels of `text` in the given font and size. */
  export default function pixelWidth(text: string, settings?: Settings): number;
}
