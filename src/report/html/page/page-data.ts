import type { PageModel } from '../page-model-types.js';

/** Reads the page model from its data block: base64, then inflate (the browser's own DecompressionStream), then JSON. */
export async function readPageData(element: HTMLElement): Promise<PageModel> {
  const binary = atob(element.textContent ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return JSON.parse(await new Response(inflated).text()) as PageModel;
}
