// koa 3 ships no types and @types/koa is not installed: the little of it the runtime tests use.
declare module 'koa' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  namespace Koa {
    interface Context {
      state: Record<string, unknown> & { user?: unknown };
      body: unknown;
      status: number;
      headers: Record<string, string | string[] | undefined>;
      get(field: string): string;
      set(field: string, value: string): void;
      throw(status: number, message?: string): never;
    }
    type Next = () => Promise<void>;
    type Middleware = (ctx: Context, next: Next) => unknown;
  }

  class Koa {
    use(middleware: Koa.Middleware): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }

  export default Koa;
}
