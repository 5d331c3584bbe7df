// Owned by the sidebar work (issue 6). Placeholders until it lands.
export function dispatch(method: string, _payload: unknown): unknown {
  throw new Error(`Unknown method ${method}`);
}
export function upload(_form: unknown): unknown {
  throw new Error('upload: not built yet');
}
