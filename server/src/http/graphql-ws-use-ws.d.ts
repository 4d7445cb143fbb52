// graphql-ws publishes 'graphql-ws/use/ws' through package "exports", which this project's
// moduleResolution ("node") does not read; point the types at the file Node itself loads.
declare module 'graphql-ws/use/ws' {
  export { useServer, type Extra } from 'graphql-ws/dist/use/ws';
}
