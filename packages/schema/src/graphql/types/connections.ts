import { builder } from '../builder.js';
import { ChangeEventRef, ReleaseRef, SearchHitRef } from '../refs.js';

// The lists that grow with use, as Relay connections paged forward with
// `first` and `after` (the only direction they page in).

export const SearchHitConnection = builder.connectionObject(
  {
    type: SearchHitRef,
    name: 'SearchHitConnection',
    description: 'A page of search hits, best match first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many hits the search has in all.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: 'SearchHitEdge', description: 'A search hit and its cursor.' },
);

export const ReleaseConnection = builder.connectionObject(
  {
    type: ReleaseRef,
    name: 'ReleaseConnection',
    description: 'A page of releases, oldest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many releases there are in all.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: 'ReleaseEdge', description: 'A release and its cursor.' },
);

export const ChangeEventConnection = builder.connectionObject(
  { type: ChangeEventRef, name: 'ChangeEventConnection', description: 'A page of change events, oldest first.' },
  { name: 'ChangeEventEdge', description: 'A change event and its cursor.' },
);
