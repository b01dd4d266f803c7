import Type, { type Static } from 'typebox';

/**
 * API roles. admin: everything; moderator: review queue and decisions; ingest: submit threads and
 * articles; reader: reports and listings.
 */
export const Role = Type.Union([Type.Literal('admin'), Type.Literal('moderator'), Type.Literal('ingest'), Type.Literal('reader')], {
  title: 'Role',
});
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = ['admin', 'moderator', 'ingest', 'reader'];

/** An API key as listed (the secret itself is shown once at creation and only its hash is stored). */
export const ApiKeyInfo = Type.Object(
  { id: Type.String(), name: Type.String(), role: Role, createdAt: Type.String() },
  { additionalProperties: false, title: 'ApiKeyInfo' },
);
export type ApiKeyInfo = Static<typeof ApiKeyInfo>;
