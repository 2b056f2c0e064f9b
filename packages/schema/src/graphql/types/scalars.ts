import { GraphQLScalarType } from 'graphql';
import { GraphQLDate, GraphQLDateTime, GraphQLURL } from 'graphql-scalars';
import { builder } from '../builder.js';

// graphql-scalars validates; its DateTime and URL serialise to Date and URL
// objects, so each is wrapped to answer the string the content holds, as
// RFC 3339 and the URL standard write it.

builder.addScalarType(
  'DateTime',
  new GraphQLScalarType<string, string>({
    name: 'DateTime',
    serialize: (value) => GraphQLDateTime.serialize(value).toISOString(),
    parseValue: (value) => GraphQLDateTime.parseValue(value).toISOString(),
    parseLiteral: (node) => GraphQLDateTime.parseLiteral(node).toISOString(),
    specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  }),
  { description: 'A moment in time, written as an RFC 3339 `date-time` in UTC, e.g. `2026-11-30T09:00:00.000Z`.' },
);

builder.addScalarType(
  'Date',
  new GraphQLScalarType<string, string>({
    name: 'Date',
    serialize: (value) => GraphQLDate.serialize(value),
    parseValue: (value) => GraphQLDate.serialize(GraphQLDate.parseValue(value)),
    parseLiteral: (node) => GraphQLDate.serialize(GraphQLDate.parseLiteral(node)),
    specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  }),
  { description: 'A calendar date, written as an RFC 3339 `full-date`, e.g. `2025-03-14`.' },
);

builder.addScalarType(
  'URL',
  new GraphQLScalarType<string, string>({
    name: 'URL',
    serialize: (value) => GraphQLURL.serialize(value) as string,
    parseValue: (value) => String(GraphQLURL.parseValue(value)),
    parseLiteral: (node) => String(GraphQLURL.parseLiteral(node, undefined)),
    specifiedByURL: 'https://url.spec.whatwg.org/#absolute-url-with-fragment-string',
  }),
  { description: 'An absolute URL, as the WHATWG URL Standard serialises it.' },
);
