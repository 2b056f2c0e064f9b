import type { Framework } from '../graph/types.js';
import { jobCode, responsibilities, type JobProfileOptions } from './job-profile.js';

/**
 * schema.org `Occupation` per level, as JSON-LD: name, description,
 * responsibilities (one per dimension), skills (the capabilities the role
 * needs) and, when configured, occupationalCategory.
 */
export function occupationsJsonLd(framework: Framework, options: JobProfileOptions, baseUrl: string): Record<string, unknown> {
  const skills = framework.capabilities.map((c) => ({
    '@type': 'DefinedTerm',
    termCode: c.slug,
    name: c.title,
    description: c.summary.text,
  }));
  const category = options.occupationalCategory && {
    '@type': 'CategoryCode',
    codeValue: options.occupationalCategory.codeValue,
    ...(options.occupationalCategory.inCodeSet ? { inCodeSet: options.occupationalCategory.inCodeSet } : {}),
    ...(options.occupationalCategory.name ? { name: options.occupationalCategory.name } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@graph': framework.levels.map((level) => ({
      '@type': 'Occupation',
      // The embed page is the level's readable page on this server.
      '@id': `${baseUrl}/embed/level/${level.slug}`,
      url: `${baseUrl}/embed/level/${level.slug}`,
      identifier: jobCode(options, level),
      name: level.title,
      description: `${level.summary.text} ${level.description.text}`,
      responsibilities: responsibilities(level),
      skills,
      ...(category ? { occupationalCategory: category } : {}),
    })),
  };
}
