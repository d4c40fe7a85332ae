/**
 * Stands in for WXT's `ContentScriptContext` in the content scripts' entry (see wxt.config.ts,
 * `quietContentScriptContext`). WXT's context announces each content script to the page (a
 * `postMessage`, and a CustomEvent on `document` named after the extension's ID, so a page that
 * knows the ID learns R2K Lens is installed) and ends itself when the page dispatches an event of
 * that name. R2K Lens keeps its own lifetime (lens.ts) and never reads the context, so this one
 * says nothing to the page and listens to nothing from it.
 */
export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  /** Never aborted by the page; the content script's own lifetime lives in lens.ts. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get isValid(): boolean {
    return !this.#controller.signal.aborted;
  }

  get isInvalid(): boolean {
    return this.#controller.signal.aborted;
  }
}
