/** The parts of `faye` 1.4 the sandbox (sandbox/push.ts) and its tests use: the package ships no types. */
declare module 'faye' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { Duplex } from 'node:stream';

  export interface BayeuxMessage {
    channel: string;
    clientId?: string;
    subscription?: string | string[];
    data?: unknown;
    ext?: Record<string, unknown>;
    error?: string;
    successful?: boolean;
  }
  export interface Extension {
    incoming?(message: BayeuxMessage, callback: (message: BayeuxMessage) => void): void;
    outgoing?(message: BayeuxMessage, callback: (message: BayeuxMessage) => void): void;
  }
  export interface Subscription extends PromiseLike<void> {
    cancel(): void;
  }
  export class Client {
    constructor(endpoint: string, options?: { timeout?: number; retry?: number });
    addExtension(extension: Extension): void;
    subscribe(channel: string, callback: (message: unknown) => void): Subscription;
    publish(channel: string, data: unknown): PromiseLike<void>;
    disable(feature: string): void;
    on(event: 'transport:up' | 'transport:down', callback: () => void): void;
    disconnect(): void;
  }
  export class NodeAdapter {
    constructor(options: { mount: string; timeout?: number; ping?: number });
    addExtension(extension: Extension): void;
    getClient(): Client;
    handle(request: IncomingMessage, response: ServerResponse): void;
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
    close(): void;
  }
  const faye: { Client: typeof Client; NodeAdapter: typeof NodeAdapter; logger?: unknown };
  export default faye;
}
