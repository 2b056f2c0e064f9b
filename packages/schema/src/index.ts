export * as model from './model/index.js';
export { API_VERSION } from './api-version.js';
export { contentJsonSchema, contentJsonSchemaText } from './model/json-schema.js';
export { DEFAULT_CONTENT_DIR, SDL_PATH, CONTENT_SCHEMA_PATH, EXPORT_SCHEMA_PATH } from './paths.js';
export { collectionNames, INTRODUCTION_SECTION, MAX_QUOTATION_WORDS, type CollectionName } from './model/index.js';
export * from './graph/types.js';
export { canonicalJson, contentHash } from './graph/content-hash.js';
export { renderMarkdown } from './graph/markdown.js';
export { loadFramework, loadFrameworkOrThrow, type LoadOptions, type LoadResult } from './loader/load-framework.js';
export type { Pin } from './loader/overlay/apply-overlay.js';
export { sourceHash, translatableStrings } from './locales/translatable.js';
export { SOURCE_LOCALE, canonicalTag, fallbackChain } from './locales/locale-tag.js';
// Translation vendors' files (altitude locales export / import).
export {
  readTranslationSet,
  type TranslationItem,
  type TranslationString,
  type TranslationState,
  type TranslationSetResult,
} from './locales/translation-units.js';
export { planTranslationFiles, type PlannedFile, type TranslationWrite } from './locales/translation-files.js';
export { mergeTranslations, TranslationEditError, type TranslationEdit } from './locales/write-translations.js';
export { PSEUDO_LOCALES } from './locales/pseudo-locales.js';
export { frameworkInLocale } from './locales/served-locale.js';
export { changedFields } from './releases/change-feed.js';
export { ContentValidationError, formatContentError, sortContentErrors, type ContentError } from './loader/content-error.js';
export { compareLevels, ComparisonError, type LevelComparison } from './graph/compare-levels.js';
export { searchFramework, MAX_SEARCH_RESULTS, type SearchHit } from './search/search-framework.js';
export { escapeHtml } from './search/snippet.js';
export { schema, printAltitudeSchema } from './graphql/schema.js';
export type { AltitudeContext } from './graphql/context.js';
export { encodeGlobalId, decodeGlobalId, viewName, type DecodedGlobalId } from './graphql/global-id.js';
// What the server's cost check reads from the schema's field extensions.
export { LIST_LIMITS_EXTENSION, badInputExtensions, type ListLimit } from './graphql/list-limits.js';
export { ArgumentError, type ArgumentProblem } from './graph/argument-error.js';
export { COST_HINTS_EXTENSION, type CostHints } from './graphql/cost-hints.js';
export { exportFramework, exportFrameworkText, canonicalEntity } from './export/canonical.js';
export {
  FrameworkExport,
  frameworkExportJsonSchema,
  exportCollections,
  type FrameworkExportJson,
  type EntityJson,
  type ExportCollection,
} from './export/export-model.js';
export { levelsCsv, type LevelsCsvOptions } from './export/levels-csv.js';
export { localeColumnFrameworks, localeColumnSuffix, MAX_LOCALE_COLUMNS } from './export/locale-columns.js';
export { occupationsJsonLd } from './export/occupations-jsonld.js';
export { DEFAULT_JOB_PROFILE, asSentence, jobCode, type JobProfileOptions } from './export/job-profile.js';
export { changeFeed, snapshotItems, COLLECTION_TYPE, type ChangeEvent, type ChangeKind } from './releases/change-feed.js';
export { readReleases, RELEASES_DIR } from './releases/read-releases.js';
export {
  ReleaseFile,
  PENDING_SUFFIX,
  PENDING_RELEASE_FORMAT,
  type Release,
  type ReleaseFileJson,
  type PendingReleaseFileJson,
} from './releases/release-model.js';
// Located YAML validation, for other files users write (altitude.config.yaml).
export { parseYamlFile, type YamlFile } from './loader/yaml-file.js';
// Refuses pipes, devices, escaping symlinks and oversized files, for any file a user names.
export { readPlainFile } from './loader/read-content-files.js';
export { shapeErrors, closest } from './loader/shape-errors.js';
export { schemaAt, objectKeys } from './loader/schema-at.js';
export { LocaleFrameworks } from './graph/locale-frameworks.js';
