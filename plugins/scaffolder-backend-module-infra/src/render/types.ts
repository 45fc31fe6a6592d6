/** A file a renderer produced, with its path relative to the workspace (and the infra repo root). */
export interface RenderedFile {
  path: string;
  content: string;
}
