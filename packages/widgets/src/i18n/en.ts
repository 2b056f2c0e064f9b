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
  | 'How Distinguished Engineers create leverage'
  // <de-role-health-check>
  | 'Is the organisation getting the role wrong?'
  | "Tick every statement that fits a Distinguished Engineer in your organisation. Your answers stay in this browser: they are kept in this page's address and in files you download, never sent anywhere."
  | 'What do you see in your organisation?'
  | 'Your answers'
  | 'Download answers'
  | 'Upload answers'
  | 'Print'
  | 'Start over'
  | 'Result'
  | 'Tick the statements that fit to see which failure modes your organisation shows.'
  | 'No signs'
  | 'Some signs'
  | 'Strong signs'
  | '{checked} of {total} symptoms'
  | 'Strong signs of {modes}.'
  | 'Some signs of {modes}.'
  | 'No failure mode shows in what you ticked.'
  | 'What you ticked'
  | 'See the card for {mode}'
  | 'The full card'
  | 'Answers loaded from {file}.'
  | 'Started over: every tick is cleared.'
  | 'The file is larger than {size} kB: it cannot be answers from this tool.'
  | 'The file is not JSON: choose a file this tool downloaded.'
  | 'The file holds no role health check answers.'
  | 'These answers are in version {version}, which this tool cannot read.'
  | 'Entries left out (more than the checklist holds): {count}.'
  | 'Entries ignored (not symptoms on this checklist): {count}.'
  | 'The answers in this link could not be read; the checklist starts empty.'
  | 'The answers no longer fit into the link; download them to keep them.'
  | 'This page keeps its own place in its address, so the answers stay out of the link; download them to keep them.'
  | 'card-href must be an http(s) or relative URL, not "{value}".'
  // <de-self-assessment>
  | 'Unknown target level "{slug}". Valid levels: {valid}.'
  | 'Self-assessment against {level}'
  | 'For each area, pick the level whose description best matches your work today, or "not yet". Your answers stay in this browser: the page address and files you download hold them, and nothing is sent.'
  | 'Dimensions'
  | 'Capabilities'
  | 'Leverage mechanisms'
  | 'Not yet'
  | 'Your name (optional)'
  | "Load a second rater's answers"
  | 'Remove the second rater'
  | 'Answered: {answered} of {total}. Gaps to {level}: {gaps}.'
  | 'Your profile'
  | "Answers that differ from the second rater's: {count}."
  | 'The answers in this link could not be read; the assessment starts empty.'
  | 'The name was shortened to {max} characters.'
  | 'The file holds no self-assessment answers.'
  | "The second rater's answers loaded from {file}."
  | 'Removed the second rater.'
  | 'Started over: every answer is cleared.'
  | 'Entries left out (not questions of this assessment, or not answers to them): {count}.'
  | 'You'
  | 'Target: {level}'
  | 'Second rater'
  | 'Not answered'
  | 'Where you operate on each axis, against {level}'
  | 'Area'
  | 'Gap to target'
  | 'differs'
  | 'On target'
  | 'Levels to go: {count}'
  | 'Gaps to {level}'
  | 'No gaps among your answers.'
  | 'Capabilities to grow, largest gap first'
  | 'Most of your answers are "not yet".'
  | 'Your median answer is {level}.'
  | 'Why people stall on the way to {level}'
  | 'Signs of operating below {level}';

/** The widgets, as their loading and error messages name them: "Loading level comparison…". */
export type WidgetLabel =
  | 'level comparison'
  | 'level'
  | 'failure mode'
  | 'failure modes'
  | 'leverage mechanisms'
  // <de-role-health-check>
  | 'role health check'
  // <de-self-assessment>
  | 'self-assessment';
