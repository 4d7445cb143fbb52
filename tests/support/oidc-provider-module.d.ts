declare module 'oidc-provider' {
  const Provider: new (issuer: string, configuration: Record<string, unknown>) => {
    listen(port: number, host: string, callback: () => void): import('node:http').Server;
  };
  export default Provider;
}
