// The parts of oidc-provider (which ships no types) that the runtime tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcContext {
    oidc: {
      provider: Provider;
      client?: { clientId: string };
    };
    body: unknown;
  }

  export interface IdTokenInstance {
    scope: string;
    set(claim: string, value: unknown): void;
    issue(options: { use: 'idtoken' }): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    readonly IdToken: new (claims: Record<string, unknown>, options: { ctx: OidcContext }) => IdTokenInstance;
    registerGrantType(name: string, handler: (ctx: OidcContext) => Promise<void>, params?: string[]): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    static readonly errors: Record<string, new (description?: string) => Error>;
  }
}
