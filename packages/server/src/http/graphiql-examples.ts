/**
 * The queries GraphiQL opens with, one tab each, so a first-time visitor
 * can press run and see the framework.
 */
export const EXAMPLE_QUERIES: readonly { readonly name: string; readonly query: string }[] = [
  {
    name: 'Compare levels',
    query: `# Staff, Principal and Distinguished side by side, one row per dimension.
query CompareLevels {
  compareLevels(slugs: ["staff", "principal", "distinguished"]) {
    levels { slug title }
    rows {
      dimension { slug title }
      cells { level { slug } text }
    }
    transitions { title whatChanges whyPeopleStall }
  }
}
`,
  },
  {
    name: 'Failure mode',
    query: `# One failure mode with its symptoms and the practices that prevent it.
query FailureMode {
  failureMode(slug: "super-coder") {
    id
    title
    summary
    symptoms
    consequences
    preventedBy { title summary }
    sources { source { title } section }
  }
}
`,
  },
  {
    name: 'Search',
    query: `# Ranked full-text search across every entity type.
query Search {
  search(text: "influence", first: 5) {
    totalCount
    edges {
      node {
        type
        score
        snippet { html }
        entity { id slug title }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    name: 'Levels as HTML',
    query: `# Every Markdown field can be read as sanitised HTML or plain text.
query Levels {
  framework { title version contentHash }
  levels {
    slug
    rank
    summary(format: HTML)
    expectations { dimension { title } text(format: TEXT) }
  }
}
`,
  },
];
