/**
 * Every word the widgets say themselves, in English, as it appears in the
 * code: `t('Symptoms')`. English is built into the base bundle at the places
 * that say it; each other language's catalogue maps these strings to its
 * own, so the compiler finds a catalogue that misses one or keeps one that is
 * gone, and changing the English makes every translation of it due again.
 * `{name}` is a value filled in when the message is shown. Content (titles,
 * summaries…) is not here: it comes from the API in the reader's language.
 */
export type Message =
  | WidgetLabel
  | 'Loading {widget}…'
  | '{widget} unavailable'
  // Attribute and data problems.
  | 'The attributes could not be read: {reason}'
  | 'The data could not be shown: {reason}'
  | 'theme must be "light" or "dark", not "{value}".'
  | 'heading-level must be a whole number from 1 to 6, not "{value}".'
  | 'Unknown level "{slug}". Valid levels: {valid}.'
  | 'Set the level attribute to a level. Valid levels: {valid}.'
  | 'Unknown failure mode "{slug}". Valid failure modes: {valid}.'
  | 'Set the mode attribute to a failure mode. Valid failure modes: {valid}.'
  | 'Unknown dimension slug "{slug}". Valid dimension slugs: {valid}.'
  | 'The comparison could not be made.'
  // Where the data comes from.
  | 'The endpoint "{endpoint}" is not an http(s) URL.'
  | 'No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).'
  | 'Could not reach the Altitude API at {endpoint}.'
  | 'The Altitude API at {endpoint} did not answer within {seconds} seconds.'
  | 'The static Altitude files at {endpoint} have no answer for these attributes ({url} was not found); check the slugs.'
  | 'The Altitude API at {endpoint} answered {status} with something that is not GraphQL.'
  | 'The Altitude API at {endpoint} answered with malformed errors.'
  | 'The Altitude API at {endpoint} answered {status}.'
  // Every widget.
  | 'Sources'
  | "The framework's reading, built on its sources rather than stated by them."
  | " (the framework's reading)"
  // <de-level-compare>
  | '{levels} compared'
  | 'What each level expects on each dimension'
  | 'Dimension'
  | 'Up from {level}: '
  | 'Down from {level}: '
  | 'Moving between these levels'
  // <de-level-card>
  | 'What the level expects'
  | 'Signs of operating below this level'
  | 'Steps in and out'
  | 'From {level}'
  | 'On to {level}'
  // <de-failure-mode-card>, <de-failure-mode-grid>
  | 'Symptoms'
  | 'Consequences'
  | 'What prevents it'
  | 'How companies get the role wrong'
  // <de-leverage-mechanisms>
  | 'How Distinguished Engineers create leverage';

/** The widgets, as their loading and error messages name them: "Loading level comparison…". */
export type WidgetLabel = 'level comparison' | 'level' | 'failure mode' | 'failure modes' | 'leverage mechanisms';
