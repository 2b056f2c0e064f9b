import type { Translation } from '../messages.js';

/** The widgets' own words in German, by their English. */
export const de = {
  'level comparison': 'Stufenvergleich',
  level: 'Stufe',
  'failure mode': 'Fehlermuster',
  'failure modes': 'Übersicht der Fehlermuster',
  'leverage mechanisms': 'Übersicht der Hebelmechanismen',
  'Loading {widget}…': '{widget} wird geladen…',
  '{widget} unavailable': '{widget} nicht verfügbar',
  'The attributes could not be read: {reason}': 'Die Attribute konnten nicht gelesen werden: {reason}',
  'The data could not be shown: {reason}': 'Die Daten konnten nicht angezeigt werden: {reason}',
  'theme must be "light" or "dark", not "{value}".': 'theme muss „light“ oder „dark“ sein, nicht „{value}“.',
  'heading-level must be a whole number from 1 to 6, not "{value}".':
    'heading-level muss eine ganze Zahl von 1 bis 6 sein, nicht „{value}“.',
  'Unknown level "{slug}". Valid levels: {valid}.': 'Unbekannte Stufe „{slug}“. Gültige Stufen: {valid}.',
  'Set the level attribute to a level. Valid levels: {valid}.': 'Geben Sie im Attribut level eine Stufe an. Gültige Stufen: {valid}.',
  'Unknown failure mode "{slug}". Valid failure modes: {valid}.': 'Unbekanntes Fehlermuster „{slug}“. Gültige Fehlermuster: {valid}.',
  'Set the mode attribute to a failure mode. Valid failure modes: {valid}.':
    'Geben Sie im Attribut mode ein Fehlermuster an. Gültige Fehlermuster: {valid}.',
  'Unknown dimension slug "{slug}". Valid dimension slugs: {valid}.': 'Unbekannte Dimension „{slug}“. Gültige Dimensionen: {valid}.',
  'The comparison could not be made.': 'Der Vergleich konnte nicht erstellt werden.',
  'The endpoint "{endpoint}" is not an http(s) URL.': 'Der Endpunkt „{endpoint}“ ist keine http(s)-URL.',
  'No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).':
    'Kein Endpunkt: Setzen Sie das Attribut endpoint oder <meta name="altitude-endpoint"> (das Skript wurde von {script} geladen).',
  'Could not reach the Altitude API at {endpoint}.': 'Die Altitude-API unter {endpoint} ist nicht erreichbar.',
  'The Altitude API at {endpoint} did not answer within {seconds} seconds.':
    'Die Altitude-API unter {endpoint} hat nicht innerhalb von {seconds} Sekunden geantwortet.',
  'The static Altitude files at {endpoint} have no answer for these attributes ({url} was not found); check the slugs.':
    'Die statischen Altitude-Dateien unter {endpoint} enthalten keine Antwort für diese Attribute ({url} wurde nicht gefunden). Bitte prüfen Sie die Slugs.',
  'The Altitude API at {endpoint} answered {status} with something that is not GraphQL.':
    'Die Altitude-API unter {endpoint} hat mit {status} geantwortet, aber nicht in GraphQL.',
  'The Altitude API at {endpoint} answered with malformed errors.':
    'Die Altitude-API unter {endpoint} hat Fehlermeldungen in falscher Form geliefert.',
  'The Altitude API at {endpoint} answered {status}.': 'Die Altitude-API unter {endpoint} hat mit {status} geantwortet.',
  Sources: 'Quellen',
  "The framework's reading, built on its sources rather than stated by them.":
    'Eine Lesart des Frameworks: auf seine Quellen gestützt, aber nicht von ihnen ausgesagt.',
  " (the framework's reading)": ' (Lesart des Frameworks)',
  '{levels} compared': '{levels} im Vergleich',
  'What each level expects on each dimension': 'Was jede Stufe in jeder Dimension erwartet',
  Dimension: 'Dimension',
  'Up from {level}: ': 'Höher als {level}: ',
  'Down from {level}: ': 'Niedriger als {level}: ',
  'Moving between these levels': 'Der Wechsel zwischen diesen Stufen',
  'What the level expects': 'Was die Stufe erwartet',
  'Signs of operating below this level': 'Anzeichen, dass jemand unterhalb dieser Stufe arbeitet',
  'Steps in and out': 'Der Weg in die Stufe und weiter',
  'From {level}': 'Von {level}',
  'On to {level}': 'Weiter zu {level}',
  Symptoms: 'Symptome',
  Consequences: 'Folgen',
  'What prevents it': 'Was dagegen hilft',
  'How companies get the role wrong': 'Was Unternehmen bei der Rolle falsch machen',
  'How Distinguished Engineers create leverage': 'Wie Distinguished Engineers Hebelwirkung erzeugen',
} satisfies Translation;
