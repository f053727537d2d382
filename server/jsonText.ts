/**
 * An answer that is JSON text already (issue #15, phase 5): a list whose items the database shaped as JSON is joined
 * as text, not parsed into objects and serialised again. The route sends the text as application/json (Fastify sends a
 * string with a JSON content type as it is); the route's response contract describes it as it would any object.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
