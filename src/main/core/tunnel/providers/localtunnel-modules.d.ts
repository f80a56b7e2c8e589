// Types for the parts of localtunnel 2.0.2 (untyped CommonJS) this provider uses. Deep paths
// because the provider replaces the client's registration step (see localtunnel.ts).

declare module 'localtunnel/lib/Tunnel.js' {
  import { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  /** The server's answer to `GET /?new` or `GET /<subdomain>`, as localtunnel reads it. */
  interface RegistrationBody {
    id: string;
    port: number;
    url: string;
    ip?: string;
    max_conn_count?: number;
    cached_url?: string;
  }

  interface TunnelOptions {
    host: string;
    port: number;
    local_host?: string;
    subdomain?: string;
  }

  interface TunnelInfo {
    name: string;
    url: string;
    max_conn: number;
  }

  /** The socket pool; emits 'open' (a connected remote socket), 'dead' and 'error'. */
  interface TunnelCluster extends EventEmitter {
    on(event: 'open', listener: (remote: Socket) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'dead', listener: () => void): this;
  }

  class Tunnel extends EventEmitter {
    constructor(options: TunnelOptions);
    opts: TunnelOptions;
    closed: boolean;
    url?: string;
    clientId?: string;
    tunnelCluster?: TunnelCluster;
    _init(callback: (error: Error | null, info?: TunnelInfo) => void): void;
    _getInfo(body: RegistrationBody): TunnelInfo;
    open(callback: (error?: Error | null) => void): void;
    close(): void;
  }

  export = Tunnel;
}

declare module 'localtunnel/lib/HeaderHostTransformer.js' {
  import { Transform, type TransformCallback } from 'node:stream';

  class HeaderHostTransformer extends Transform {
    host: string;
    replaced: boolean;
    override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void;
  }

  export = HeaderHostTransformer;
}

declare module 'localtunnel' {
  import type Tunnel from 'localtunnel/lib/Tunnel.js';

  function localtunnel(options: {
    port: number;
    host?: string;
    local_host?: string;
    subdomain?: string;
  }): Promise<Tunnel>;

  export = localtunnel;
}
