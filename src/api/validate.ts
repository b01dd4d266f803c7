import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';

/**
 * TypeBox validation for every request part (no type coercion of bodies: "5" is not a number), with
 * a clear word for a missing body, and an empty body accepted where every field is optional.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const inner = TypeBoxValidatorCompiler(route);
  if (route.httpPart !== 'body') return inner;
  const s = route.schema as { type?: unknown; required?: unknown[] };
  const allOptional = s.type === 'object' && !(s.required && s.required.length > 0);
  return (value) => {
    if (value !== undefined && value !== null) return inner(value);
    if (allOptional) return inner({});
    return { error: [{ instancePath: '', message: 'is missing: send a JSON body with Content-Type: application/json' }] } as never;
  };
};
